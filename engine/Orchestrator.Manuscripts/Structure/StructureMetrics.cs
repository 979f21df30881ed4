namespace Orchestrator.Manuscripts.Structure;

/// <summary>Names of the metrics, series and label lists of the <c>structure</c> node's result.</summary>
public static class StructureMetrics
{
    // Always present.
    public const string Words = "words";
    public const string Chapters = "chapters";

    /// <summary>Chapters other than prologue and epilogue: the ones the distribution is computed over.</summary>
    public const string BodyChapters = "bodyChapters";
    public const string Parts = "parts";
    public const string Scenes = "scenes";
    public const string MeanChapterWords = "meanChapterWords";
    public const string MedianChapterWords = "medianChapterWords";
    public const string ChapterWordsCv = "chapterWordsCv";
    public const string MinChapterWords = "minChapterWords";
    public const string MaxChapterWords = "maxChapterWords";
    public const string OutlierChapters = "outlierChapters";
    public const string LongChapters = "longChapters";
    public const string ShortChapters = "shortChapters";
    public const string ScenesPerChapter = "scenesPerChapter";
    public const string ChaptersWithManyScenes = "chaptersWithManyScenes";

    /// <summary>Words of the prologue, 0 when there is none.</summary>
    public const string PrologueWords = "prologueWords";

    // The score is 1 minus the sum of these (clamped to [0, 1]); each is 0 when it does not apply.
    public const string PenaltyLength = "penaltyLength";
    public const string PenaltyGenre = "penaltyGenre";
    public const string PenaltyUneven = "penaltyUneven";
    public const string PenaltyOutliers = "penaltyOutliers";
    public const string PenaltyPrologue = "penaltyPrologue";
    public const string PenaltyNoChapters = "penaltyNoChapters";

    // Present when the requirements give a target length.
    public const string TargetLength = "targetLength";

    /// <summary>words / targetLength.</summary>
    public const string TargetRatio = "targetRatio";

    // Present when the requirements name a known genre.
    public const string GenreMinWords = "genreMinWords";
    public const string GenreMaxWords = "genreMaxWords";
    public const string GenreTypicalWords = "genreTypicalWords";

    /// <summary>words / the genre's typical length.</summary>
    public const string GenreRatio = "genreRatio";

    // Present when the manuscript has parts.
    public const string MeanChaptersPerPart = "meanChaptersPerPart";
    public const string MeanWordsPerPart = "meanWordsPerPart";
    public const string PartWordsCv = "partWordsCv";

    // Series (one value per item, in order) and their labels.
    /// <summary>Series: words of each chapter (prologue and epilogue included), labelled by <see cref="ChapterLabels"/>.</summary>
    public const string ChapterWordsSeries = "chapterWords";

    /// <summary>Series: scenes of each chapter, labelled by <see cref="ChapterLabels"/>.</summary>
    public const string ScenesPerChapterSeries = "scenesPerChapter";

    /// <summary>Series: words of each part, labelled by <see cref="PartLabels"/> (only when there are parts).</summary>
    public const string PartWordsSeries = "partWords";

    /// <summary>Series: chapters of each part, labelled by <see cref="PartLabels"/> (only when there are parts).</summary>
    public const string PartChaptersSeries = "partChapters";

    /// <summary>Labels: chapter headings (or "Chapter N" for a chapter without one).</summary>
    public const string ChapterLabels = "chapters";

    /// <summary>Labels: part headings.</summary>
    public const string PartLabels = "parts";

    /// <summary>The metrics every result carries.</summary>
    public static IReadOnlyCollection<string> Declared { get; } =
    [
        Words, Chapters, BodyChapters, Parts, Scenes, MeanChapterWords, MedianChapterWords, ChapterWordsCv,
        MinChapterWords, MaxChapterWords, OutlierChapters, LongChapters, ShortChapters, ScenesPerChapter,
        ChaptersWithManyScenes, PrologueWords, PenaltyLength, PenaltyGenre, PenaltyUneven, PenaltyOutliers,
        PenaltyPrologue, PenaltyNoChapters,
    ];
}
