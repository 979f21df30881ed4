namespace Orchestrator.Manuscripts.Pacing;

/// <summary>Names of the metrics, series and label lists of the <c>pacing</c> node's result.</summary>
public static class PacingMetrics
{
    // Whole-book figures (always present).
    public const string Words = "words";
    public const string Chapters = "chapters";
    public const string Scenes = "scenes";

    /// <summary>Share of the body's characters inside quoted speech, in [0,1].</summary>
    public const string DialogueRatio = "dialogueRatio";
    public const string MeanSentenceWords = "meanSentenceWords";
    public const string MeanParagraphWords = "meanParagraphWords";

    /// <summary>Action verbs per 1,000 words.</summary>
    public const string ActionDensity = "actionDensity";

    /// <summary>Share of sentences of at most <c>shortSentenceWords</c> words.</summary>
    public const string ShortSentenceShare = "shortSentenceShare";
    public const string ExclamationShare = "exclamationShare";
    public const string QuestionShare = "questionShare";

    /// <summary>The tension proxy of the whole book taken as one stretch.</summary>
    public const string Tension = "tension";

    /// <summary>Mean, median and coefficient of variation of the tension of chapters of at least <c>minChapterWords</c> words.</summary>
    public const string TensionMean = "tensionMean";
    public const string TensionMedian = "tensionMedian";
    public const string TensionCv = "tensionCv";

    /// <summary>The tension below which a chapter is slow (the <c>slowQuantile</c> of the chapters; 0 when the curve is too short).</summary>
    public const string SlowThreshold = "slowThreshold";
    public const string SlowChapters = "slowChapters";
    public const string FlatStretches = "flatStretches";

    /// <summary>Chapters inside flat stretches.</summary>
    public const string FlatChapters = "flatChapters";
    public const string ExpositionStretches = "expositionStretches";

    /// <summary>Words inside exposition stretches, and their share of the book.</summary>
    public const string ExpositionWords = "expositionWords";
    public const string ExpositionShare = "expositionShare";

    /// <summary>Words of the opening chapter before its first speech or action verb (all its words when it has neither).</summary>
    public const string HookWords = "hookWords";

    // The score is 1 minus the sum of these (clamped to [0, 1]); each is 0 when it does not apply.
    public const string PenaltyFlat = "penaltyFlat";
    public const string PenaltyVariety = "penaltyVariety";
    public const string PenaltyHook = "penaltyHook";
    public const string PenaltyDialogue = "penaltyDialogue";
    public const string PenaltyExposition = "penaltyExposition";

    // Series per chapter (labelled by ChapterLabels) and per scene (labelled by SceneLabels).
    /// <summary>Series: dialogue ratio of each chapter.</summary>
    public const string DialogueRatioSeries = "dialogueRatio";

    /// <summary>Series: mean sentence length (words) of each chapter.</summary>
    public const string MeanSentenceWordsSeries = "meanSentenceWords";

    /// <summary>Series: mean paragraph length (words) of each chapter.</summary>
    public const string MeanParagraphWordsSeries = "meanParagraphWords";

    /// <summary>Series: action verbs per 1,000 words of each chapter.</summary>
    public const string ActionDensitySeries = "actionDensity";

    /// <summary>Series: the tension proxy of each chapter: the pacing curve.</summary>
    public const string TensionSeries = "tension";

    /// <summary>Prefix of the per-scene series: <c>scene.dialogueRatio</c>, <c>scene.meanSentenceWords</c>,
    /// <c>scene.meanParagraphWords</c>, <c>scene.actionDensity</c>, <c>scene.tension</c>.</summary>
    public const string ScenePrefix = "scene.";

    /// <summary>The five per-chapter series, in chart order; the scene series are these names after <see cref="ScenePrefix"/>.</summary>
    public static IReadOnlyList<string> CurveSeries { get; } =
        [DialogueRatioSeries, MeanSentenceWordsSeries, MeanParagraphWordsSeries, ActionDensitySeries, TensionSeries];

    /// <summary>Labels: chapter headings (or "Chapter N" for a chapter without one), as the structure node gives them.</summary>
    public const string ChapterLabels = "chapters";

    /// <summary>Labels: one per scene, "&lt;chapter label&gt; · scene N".</summary>
    public const string SceneLabels = "scenes";

    /// <summary>The metrics every result carries.</summary>
    public static IReadOnlyCollection<string> Declared { get; } =
    [
        Words, Chapters, Scenes, DialogueRatio, MeanSentenceWords, MeanParagraphWords, ActionDensity, ShortSentenceShare,
        ExclamationShare, QuestionShare, Tension, TensionMean, TensionMedian, TensionCv, SlowThreshold, SlowChapters,
        FlatStretches, FlatChapters, ExpositionStretches, ExpositionWords, ExpositionShare, HookWords,
        PenaltyFlat, PenaltyVariety, PenaltyHook, PenaltyDialogue, PenaltyExposition,
    ];
}
