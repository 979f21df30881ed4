using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Tests.Pacing;

/// <summary>Small inline manuscripts for the pacing tests, indexed by the real indexer.</summary>
internal static class PacingBook
{
    /// <summary>A ten-word sentence with no action verb, no ! or ? and no speech.</summary>
    public const string Calm = "The quiet field lay under a grey sky all day.";

    /// <summary>A lively paragraph: speech, short sentences, an exclamation, a question, action verbs.</summary>
    public const string Lively = "“Stop!” he cried. She ran. “Why?” They fled into the trees and grabbed the rope.";

    /// <summary>"Chapter 1", "Chapter 2"... each followed by its text (paragraphs separated by blank lines).</summary>
    public static ManuscriptDocument Chapters(params string[] chapters) =>
        TextIndexer.Build(string.Concat(chapters.Select((c, i) => $"Chapter {i + 1}\n\n{c}\n\n")), "Pacing test", "hash");

    /// <summary>A paragraph of <paramref name="sentences"/> calm sentences (10 words each).</summary>
    public static string CalmParagraph(int sentences) => string.Join(" ", Enumerable.Repeat(Calm, sentences));

    /// <summary>Paragraphs joined by blank lines.</summary>
    public static string Paragraphs(params string[] paragraphs) => string.Join("\n\n", paragraphs);
}
