namespace Orchestrator.Manuscripts.Text;

/// <summary>A sentence inside one paragraph.</summary>
public readonly record struct Sentence(TextSpan Span, int ParagraphIndex, int FirstWord, int WordCount);
