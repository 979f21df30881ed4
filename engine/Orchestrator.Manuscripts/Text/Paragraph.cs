namespace Orchestrator.Manuscripts.Text;

/// <summary>A paragraph of body text (headings and scene breaks are not paragraphs).</summary>
public readonly record struct Paragraph(TextSpan Span, int ChapterIndex, int SceneIndex, int FirstSentence, int SentenceCount, int FirstWord, int WordCount);
