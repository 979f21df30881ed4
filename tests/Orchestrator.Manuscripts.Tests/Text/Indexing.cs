using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Tests.Text;

/// <summary>Small helpers for inline-text index tests.</summary>
internal static class Indexing
{
    public static ManuscriptDocument Index(string text, string? path = null) => TextIndexer.Build(text, "Test", "hash", path);

    public static ManuscriptDocument Markdown(string text) =>
        TextIndexer.Build(text, "Test", "hash", null, new TextIndexOptions { Markup = TextMarkup.Markdown });

    public static string[] Headings(this ManuscriptDocument doc) => doc.Chapters.Select(c => c.Heading).ToArray();

    public static string[] Words(this ManuscriptDocument doc) => doc.Words.Select(w => doc.WordText(w).ToString()).ToArray();

    public static string[] SentenceTexts(this ManuscriptDocument doc) => doc.Sentences.Select(s => doc.Slice(s.Span).ToString()).ToArray();

    public static string[] ParagraphTexts(this ManuscriptDocument doc) => doc.Paragraphs.Select(p => doc.Slice(p.Span).ToString()).ToArray();

    /// <summary>Body of a chapter: paragraphs joined by blank lines.</summary>
    public static string Prose(int sentences) =>
        string.Join(" ", Enumerable.Range(1, sentences).Select(i => $"This is sentence number {i} of the prose."));
}
