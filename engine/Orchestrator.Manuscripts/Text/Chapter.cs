namespace Orchestrator.Manuscripts.Text;

/// <summary>
/// A chapter (or prologue, epilogue, letter...) of the manuscript. Index ranges point into the
/// document's flat arrays, so walking a chapter never copies text.
/// </summary>
public sealed record Chapter
{
    /// <summary>0-based position among chapters.</summary>
    public required int Index { get; init; }
    public required SectionKind Kind { get; init; }

    /// <summary>The number in the heading (Chapter 12, CHAPTER XII., Chapter Twelve), if any.</summary>
    public int? Number { get; init; }

    /// <summary>Heading as written, trimmed (e.g. <c>CHAPTER I. Down the Rabbit-Hole</c>).</summary>
    public required string Heading { get; init; }

    /// <summary>Title part of the heading, if any (e.g. <c>Down the Rabbit-Hole</c>).</summary>
    public string? Title { get; init; }

    /// <summary>Span of the heading as it stands in the text (title line included); length 0 for an
    /// <see cref="SectionKind.Untitled"/> chapter.</summary>
    public TextSpan HeadingSpan { get; init; }

    /// <summary>Index of the part (book, volume) it belongs to, or null.</summary>
    public int? PartIndex { get; init; }

    /// <summary>Span of the whole chapter, heading included.</summary>
    public required TextSpan Span { get; init; }
    public required int FirstParagraph { get; init; }
    public required int ParagraphCount { get; init; }
    public required int FirstScene { get; init; }
    public required int SceneCount { get; init; }
    public required int FirstSentence { get; init; }
    public required int SentenceCount { get; init; }
    public required int FirstWord { get; init; }
    public required int WordCount { get; init; }

    /// <summary>The number qualified by its part's when each part (volume, book) numbers its chapters again from one
    /// (<c>II.3</c>: volume II, chapter 3), so labels stay unique; null when the numbers are unique as they are.</summary>
    public string? QualifiedNumber { get; init; }

    /// <summary>1-based number as a reader counts chapters (Index + 1).</summary>
    public int Ordinal => Index + 1;

    /// <summary>How charts and reports label it: <c>Chapter II.3</c> when numbering restarts in each part, else its
    /// heading as written, or "Chapter N" (by position) without one.</summary>
    public string Label => QualifiedNumber is { } qualified
        ? $"{(Kind == SectionKind.Letter ? "Letter" : "Chapter")} {qualified}"
        : string.IsNullOrWhiteSpace(Heading) ? $"Chapter {Ordinal}" : Heading.Trim();
}
