using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Rules;

/// <summary>
/// The manuscript as a decision rule sees it: a few counts, not the text (rules decide from
/// figures; the nodes read the text).
/// </summary>
/// <param name="Title">The title found in the manuscript, or its file name.</param>
/// <param name="Words">Words in the whole text.</param>
/// <param name="Chapters">Top-level sections: chapters, and also a prologue, an epilogue, letters or titled sections; a text without headings is one.</param>
/// <param name="Scenes">Scenes over every chapter (a chapter without scene breaks is one scene).</param>
/// <param name="Parts">Parts, books or volumes that group chapters; 0 when there are none.</param>
public sealed record ManuscriptFacts(string Title, int Words, int Chapters, int Scenes, int Parts)
{
    /// <summary>The facts of an indexed manuscript; the counts are read from its index, nothing is scanned again.</summary>
    public static ManuscriptFacts From(ManuscriptDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new ManuscriptFacts(document.Title, document.WordCount, document.Chapters.Count, document.Scenes.Length, document.Parts.Count);
    }
}
