namespace Orchestrator.Manuscripts.Text;

/// <summary>A run of paragraphs between scene breaks (***, * * *, #...) inside one chapter.</summary>
public readonly record struct Scene(int ChapterIndex, int FirstParagraph, int ParagraphCount, int WordCount, TextSpan Span);
