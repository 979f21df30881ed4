namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// Names of the metrics, series and label lists of the <c>consistency</c> node's result. Every metric is
/// always present (0 when there was nothing to count). "Minority uses" are the occurrences of the rarer form
/// of a mixed pair: what an editor would change.
/// </summary>
public static class ConsistencyMetrics
{
    public const string Words = "words";

    // Spelling variants (VariantTable).
    /// <summary>Uses of any word of the variant table.</summary>
    public const string VariantWordUses = "variantWordUses";

    /// <summary>Families of the variant table used with both spellings (colour and color).</summary>
    public const string SpellingFamiliesMixed = "spellingFamiliesMixed";

    /// <summary>Uses of the rarer spelling of those families.</summary>
    public const string SpellingMinorityUses = "spellingMinorityUses";

    /// <summary>Conventions (-our/-or, -ise/-ize, -yse/-yze, -re/-er, -ll-/-l-, ae/oe) some words follow and others not.</summary>
    public const string SpellingConventionsMixed = "spellingConventionsMixed";

    /// <summary>Uses of words that follow the rarer side of a mixed convention.</summary>
    public const string ConventionMinorityUses = "conventionMinorityUses";

    /// <summary>Uses of British spellings (British/American families and conventions only).</summary>
    public const string BritishSpellings = "britishSpellings";

    /// <summary>Uses of American spellings (British/American families and conventions only).</summary>
    public const string AmericanSpellings = "americanSpellings";

    // Hyphenation.
    /// <summary>Compounds found both hyphenated and closed or open.</summary>
    public const string HyphenationPairs = "hyphenationPairs";
    public const string HyphenationMinorityUses = "hyphenationMinorityUses";

    // Capitalisation.
    /// <summary>Words capitalised in some mid-sentence uses and not in others.</summary>
    public const string CapitalisationWords = "capitalisationWords";
    public const string CapitalisationMinorityUses = "capitalisationMinorityUses";

    // Names.
    /// <summary>Pairs of names one edit apart, the rarer flagged against the common.</summary>
    public const string NameNearMisses = "nameNearMisses";
    public const string NameNearMissUses = "nameNearMissUses";

    // Tense (narration only).
    /// <summary>The book's narrative tense: 1 = past, 2 = present, 0 = not enough evidence.</summary>
    public const string DominantTense = "dominantTense";

    /// <summary>Past markers / (past + present markers) in the book's narration.</summary>
    public const string PastTenseShare = "pastTenseShare";
    public const string PastTenseMarkers = "pastTenseMarkers";
    public const string PresentTenseMarkers = "presentTenseMarkers";

    /// <summary>Chapters with enough tense markers to be judged.</summary>
    public const string TenseChaptersJudged = "tenseChaptersJudged";
    public const string TenseShiftChapters = "tenseShiftChapters";

    // Point of view (narration only).
    /// <summary>The book's narrative person: 1 = first person, 3 = third person, 0 = not enough evidence.</summary>
    public const string DominantPov = "dominantPov";

    /// <summary>First-person pronouns / (first + third-person pronouns) in the book's narration.</summary>
    public const string FirstPersonShare = "firstPersonShare";
    public const string FirstPersonPronouns = "firstPersonPronouns";
    public const string ThirdPersonPronouns = "thirdPersonPronouns";

    /// <summary>Chapters with enough pronouns to be judged.</summary>
    public const string PovChaptersJudged = "povChaptersJudged";
    public const string PovShiftChapters = "povShiftChapters";

    // Punctuation.
    public const string StraightDoubleQuotes = "straightDoubleQuotes";
    public const string CurlyDoubleQuotes = "curlyDoubleQuotes";
    public const string StraightSingleQuotes = "straightSingleQuotes";
    public const string CurlySingleQuotes = "curlySingleQuotes";

    /// <summary>Marks of the rarer style, double and single quotes together.</summary>
    public const string QuoteMinorityUses = "quoteMinorityUses";

    /// <summary>Ellipses written "..." (three or more full stops).</summary>
    public const string EllipsisDots = "ellipsisDots";

    /// <summary>Ellipses written with the ellipsis character "…".</summary>
    public const string EllipsisCharacter = "ellipsisCharacter";

    /// <summary>Ellipses written ". . ." (spaced full stops).</summary>
    public const string EllipsisSpaced = "ellipsisSpaced";
    public const string EllipsisMinorityUses = "ellipsisMinorityUses";

    /// <summary>Dashes written "--" (two or more hyphens).</summary>
    public const string DashDoubleHyphen = "dashDoubleHyphen";

    /// <summary>Dashes written "—" (em dash, spaced or not).</summary>
    public const string DashEm = "dashEm";

    /// <summary>Dashes written with an en dash "–" not between digits (a range like 1914–1918 is not a dash).</summary>
    public const string DashEn = "dashEn";

    /// <summary>Dashes written " - " (a hyphen with space on both sides).</summary>
    public const string DashSpacedHyphen = "dashSpacedHyphen";
    public const string DashMinorityUses = "dashMinorityUses";

    /// <summary>Paragraphs whose quotation marks do not pair up and that the next paragraph does not continue.</summary>
    public const string UnpairedQuoteParagraphs = "unpairedQuoteParagraphs";

    // The score is 1 minus the sum of these (clamped to [0, 1]).
    public const string PenaltySpelling = "penaltySpelling";
    public const string PenaltyHyphenation = "penaltyHyphenation";
    public const string PenaltyCapitalisation = "penaltyCapitalisation";
    public const string PenaltyNames = "penaltyNames";
    public const string PenaltyTense = "penaltyTense";
    public const string PenaltyPov = "penaltyPov";
    public const string PenaltyQuotes = "penaltyQuotes";
    public const string PenaltyEllipsis = "penaltyEllipsis";
    public const string PenaltyDashes = "penaltyDashes";
    public const string PenaltyUnpaired = "penaltyUnpaired";

    // Series (one value per chapter, in order), labelled by ChapterLabels.
    /// <summary>Series: past markers / (past + present) in the chapter's narration; 0 when it has none (see <see cref="TenseMarkersSeries"/>).</summary>
    public const string PastTenseShareSeries = "pastTenseShare";

    /// <summary>Series: first-person / (first + third-person) pronouns in the chapter's narration; 0 when it has none (see <see cref="PovPronounsSeries"/>).</summary>
    public const string FirstPersonShareSeries = "firstPersonShare";

    /// <summary>Series: tense markers (past + present) in the chapter's narration: the evidence behind <see cref="PastTenseShareSeries"/>.</summary>
    public const string TenseMarkersSeries = "tenseMarkers";

    /// <summary>Series: personal pronouns (first + third person) in the chapter's narration: the evidence behind <see cref="FirstPersonShareSeries"/>.</summary>
    public const string PovPronounsSeries = "povPronouns";

    /// <summary>Series: minority uses (spelling, hyphenation, capitalisation, names, quotes, ellipses, dashes) and unpaired quotes in the chapter.</summary>
    public const string IssuesSeries = "inconsistencies";

    /// <summary>Labels: chapter headings (or "Chapter N" for a chapter without one), as the structure node labels them.</summary>
    public const string ChapterLabels = "chapters";

    /// <summary>Every per-chapter series.</summary>
    public static IReadOnlyList<string> ChapterSeries { get; } =
        [PastTenseShareSeries, FirstPersonShareSeries, TenseMarkersSeries, PovPronounsSeries, IssuesSeries];

    /// <summary>The metrics every result carries.</summary>
    public static IReadOnlyCollection<string> Declared { get; } =
    [
        Words, VariantWordUses, SpellingFamiliesMixed, SpellingMinorityUses, SpellingConventionsMixed, ConventionMinorityUses,
        BritishSpellings, AmericanSpellings, HyphenationPairs, HyphenationMinorityUses, CapitalisationWords,
        CapitalisationMinorityUses, NameNearMisses, NameNearMissUses, DominantTense, PastTenseShare, PastTenseMarkers,
        PresentTenseMarkers, TenseChaptersJudged, TenseShiftChapters, DominantPov, FirstPersonShare, FirstPersonPronouns,
        ThirdPersonPronouns, PovChaptersJudged, PovShiftChapters, StraightDoubleQuotes, CurlyDoubleQuotes,
        StraightSingleQuotes, CurlySingleQuotes, QuoteMinorityUses, EllipsisDots, EllipsisCharacter, EllipsisSpaced,
        EllipsisMinorityUses, DashDoubleHyphen, DashEm, DashEn, DashSpacedHyphen, DashMinorityUses, UnpairedQuoteParagraphs,
        PenaltySpelling, PenaltyHyphenation, PenaltyCapitalisation, PenaltyNames, PenaltyTense, PenaltyPov, PenaltyQuotes,
        PenaltyEllipsis, PenaltyDashes, PenaltyUnpaired,
    ];
}
