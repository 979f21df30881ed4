namespace Orchestrator.Manuscripts.Characters;

/// <summary>
/// Names of the metrics, series and label lists of the <c>characters</c> node's result.
/// </summary>
/// <remarks>
/// <para><b>Layout for charts.</b> The cast is the top <c>castSize</c> characters in rank order:
/// <see cref="CastLabels"/> holds their names, and every <c>cast.*</c> series has one value per cast member in
/// that order. Per chapter, <c>mentions.1</c> … <c>mentions.N</c> (N = number of cast members, rank 1 first) hold
/// each cast member's mentions in each chapter, labelled by <see cref="ChapterLabels"/> — the rows of a presence
/// heatmap. The co-occurring pairs are <see cref="PairLabels"/> ("Elizabeth + Mr. Darcy") with their counts in
/// <see cref="PairParagraphsSeries"/>.</para>
/// </remarks>
public static class CharactersMetrics
{
    /// <summary>Characters: people named at least <c>minMentions</c> times (after merging variants).</summary>
    public const string Characters = "characters";

    /// <summary>Mentions of those characters (a first-person narrator's references in the narration included).</summary>
    public const string Mentions = "mentions";

    /// <summary>Distinct name variants found (before the minMentions cut).</summary>
    public const string Variants = "nameVariants";

    /// <summary>Major characters considered: min(majorCast, characters).</summary>
    public const string MajorCast = "majorCast";

    /// <summary>Share of character mentions held by the top character.</summary>
    public const string TopShare = "topShare";

    /// <summary>Share of character mentions held by the top five: how concentrated the cast is.</summary>
    public const string Top5Share = "top5Share";

    /// <summary>Paragraphs with quoted speech.</summary>
    public const string DialogueParagraphs = "dialogueParagraphs";

    /// <summary>Paragraphs of dialogue whose speaker is named by an attribution ("said Holmes").</summary>
    public const string AttributedLines = "attributedLines";

    /// <summary>attributedLines / dialogueParagraphs.</summary>
    public const string AttributionRate = "attributionRate";

    /// <summary>1 when the narration is first person (the narrator is then a cast member), else 0.</summary>
    public const string FirstPersonNarration = "firstPersonNarration";

    /// <summary>First-person references (I, me, my, mine, myself) in the narration, counted for the narrator(s).</summary>
    public const string NarratorReferences = "narratorReferences";

    /// <summary>Lines of dialogue attributed to the narrator(s) ("I said", "said I").</summary>
    public const string NarratorLines = "narratorLines";

    /// <summary>1 when a frame narrator opens the book and hands the story over to another narrator, else 0.</summary>
    public const string FrameNarrator = "frameNarrator";

    /// <summary>Characters first named in the opening chapter.</summary>
    public const string OpeningCharacters = "openingCharacters";

    /// <summary>Major characters never attributed a line (0 when attribution is too sparse to judge).</summary>
    public const string SilentMajors = "silentMajors";

    /// <summary>Major characters unnamed for absenceChapters or more consecutive chapters.</summary>
    public const string AbsentMajors = "absentMajors";

    /// <summary>The longest run of consecutive chapters without a major character, after their first appearance.</summary>
    public const string LongestAbsence = "longestAbsence";

    /// <summary>Pairs of character names one letter apart.</summary>
    public const string DuplicateNames = "duplicateNames";

    // The score is 1 minus the sum of these (clamped to [0, 1]); each is 0 when it does not apply.
    public const string PenaltyNoCharacters = "penaltyNoCharacters";
    public const string PenaltyDiffuseCast = "penaltyDiffuseCast";
    public const string PenaltySilent = "penaltySilent";
    public const string PenaltyAbsent = "penaltyAbsent";
    public const string PenaltyCrowdedOpening = "penaltyCrowdedOpening";
    public const string PenaltyDuplicates = "penaltyDuplicates";

    // Series labelled by ChapterLabels.
    /// <summary>Series prefix: <c>mentions.&lt;rank&gt;</c> is the cast member of that rank (1-based)'s mentions per chapter.</summary>
    public const string MentionsSeriesPrefix = "mentions.";

    /// <summary>Series: characters named in each chapter.</summary>
    public const string CharactersPerChapterSeries = "charactersPerChapter";

    /// <summary>Series: characters first named in each chapter.</summary>
    public const string IntroductionsSeries = "introductions";

    // Series labelled by CastLabels.
    /// <summary>Series: mentions of each cast member.</summary>
    public const string CastMentionsSeries = "cast.mentions";

    /// <summary>Series: share of all character mentions of each cast member.</summary>
    public const string CastShareSeries = "cast.share";

    /// <summary>Series: chapters in which each cast member is named.</summary>
    public const string CastChaptersSeries = "cast.chapters";

    /// <summary>Series: attributed lines of dialogue of each cast member.</summary>
    public const string CastLinesSeries = "cast.lines";

    /// <summary>Series: each cast member's share of the attributed lines.</summary>
    public const string CastDialogueShareSeries = "cast.dialogueShare";

    /// <summary>Series: chapter (1-based) of each cast member's first mention.</summary>
    public const string CastFirstChapterSeries = "cast.firstChapter";

    /// <summary>Series: paragraph within that chapter (1-based) of the first mention.</summary>
    public const string CastFirstParagraphSeries = "cast.firstParagraph";

    /// <summary>Series: character offset of the first mention.</summary>
    public const string CastFirstOffsetSeries = "cast.firstOffset";

    /// <summary>Series: longest run of chapters without the cast member after their first mention.</summary>
    public const string CastLongestAbsenceSeries = "cast.longestAbsence";

    /// <summary>Series: paragraphs naming both members of each pair in <see cref="PairLabels"/>.</summary>
    public const string PairParagraphsSeries = "pairs.paragraphs";

    /// <summary>Labels: chapter headings (or "Chapter N"), as the structure node gives them.</summary>
    public const string ChapterLabels = "chapters";

    /// <summary>Labels: the cast, top character first.</summary>
    public const string CastLabels = "cast";

    /// <summary>Labels: the name variants merged into each cast member, most used first, separated by " | ".</summary>
    public const string CastVariantsLabels = "cast.variants";

    /// <summary>Labels: the pairs of cast members most often named in the same paragraph ("Elizabeth + Jane").</summary>
    public const string PairLabels = "pairs";

    /// <summary>The metrics every result carries.</summary>
    public static IReadOnlyCollection<string> Declared { get; } =
    [
        Characters, Mentions, Variants, MajorCast, TopShare, Top5Share, DialogueParagraphs, AttributedLines, AttributionRate,
        FirstPersonNarration, NarratorReferences, NarratorLines, FrameNarrator, OpeningCharacters, SilentMajors, AbsentMajors, LongestAbsence, DuplicateNames, PenaltyNoCharacters, PenaltyDiffuseCast,
        PenaltySilent, PenaltyAbsent, PenaltyCrowdedOpening, PenaltyDuplicates,
    ];

    /// <summary>The per-chapter mention series of the cast member of a rank (1-based).</summary>
    public static string MentionsSeries(int rank) => MentionsSeriesPrefix + rank.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
