namespace Orchestrator.Manuscripts.Structure;

/// <summary>The stable rule ids of the findings the <c>structure</c> node makes.</summary>
public static class StructureRules
{
    /// <summary>The manuscript has no words at all.</summary>
    public const string Empty = "structure.empty";

    /// <summary>Total words below the requirements' target length (beyond the tolerance).</summary>
    public const string UnderTarget = "structure.length.under-target";

    /// <summary>Total words above the requirements' target length (beyond the tolerance).</summary>
    public const string OverTarget = "structure.length.over-target";

    /// <summary>Total words below the usual range of the genre.</summary>
    public const string UnderGenre = "structure.length.under-genre";

    /// <summary>Total words above the usual range of the genre.</summary>
    public const string OverGenre = "structure.length.over-genre";

    /// <summary>The requirements name a genre the genre table does not know.</summary>
    public const string UnknownGenre = "structure.genre.unknown";

    /// <summary>A long text with no chapter headings detected.</summary>
    public const string NoChapters = "structure.chapters.none";

    /// <summary>Chapter lengths vary a lot (coefficient of variation above the threshold).</summary>
    public const string UnevenChapters = "structure.chapters.uneven";

    /// <summary>A chapter far longer than the median chapter.</summary>
    public const string LongChapter = "structure.chapter.long";

    /// <summary>A chapter far shorter than the median chapter.</summary>
    public const string ShortChapter = "structure.chapter.short";

    /// <summary>A chapter heading with no body text under it.</summary>
    public const string EmptyChapter = "structure.chapter.empty";

    /// <summary>A chapter split into many scenes.</summary>
    public const string ManyScenes = "structure.chapter.many-scenes";

    /// <summary>A prologue too long for an opening section.</summary>
    public const string LongPrologue = "structure.prologue.long";

    /// <summary>A part (book, volume) much longer or shorter than the average part.</summary>
    public const string UnbalancedPart = "structure.part.unbalanced";

    /// <summary>Every rule id, for documentation and filters.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Empty, UnderTarget, OverTarget, UnderGenre, OverGenre, UnknownGenre, NoChapters, UnevenChapters,
        LongChapter, ShortChapter, EmptyChapter, ManyScenes, LongPrologue, UnbalancedPart,
    ];
}
