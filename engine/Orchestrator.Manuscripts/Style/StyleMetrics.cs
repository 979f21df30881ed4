namespace Orchestrator.Manuscripts.Style;

/// <summary>Names of the metrics, series and label lists of the <c>style</c> node's result.</summary>
public static class StyleMetrics
{
    // Text.
    public const string Words = "words";

    /// <summary>Words outside quoted speech: the denominator of the narration-only rates.</summary>
    public const string NarrationWords = "narrationWords";
    public const string Sentences = "sentences";
    public const string SyllablesPerWord = "syllablesPerWord";

    /// <summary>Share of words not on the Dale–Chall list (textstat's difficult words).</summary>
    public const string DifficultWordShare = "difficultWordShare";

    // Readability (see Readability.ReadabilityCalculator for the conventions).
    public const string FleschReadingEase = "fleschReadingEase";
    public const string FleschKincaidGrade = "fleschKincaidGrade";
    public const string GunningFog = "gunningFog";
    public const string Smog = "smog";
    public const string ColemanLiau = "colemanLiau";
    public const string Ari = "ari";
    public const string DaleChall = "daleChall";

    /// <summary>textstat's Dale–Chall v2 (difficult words of two syllables or more).</summary>
    public const string DaleChallV2 = "daleChallV2";

    // Sentences.
    public const string MeanSentenceWords = "meanSentenceWords";
    public const string SentenceWordsStdev = "sentenceWordsStdev";

    /// <summary>Coefficient of variation of sentence lengths: the variety measure.</summary>
    public const string SentenceWordsCv = "sentenceWordsCv";

    /// <summary>Share of sentences of at most 8 words.</summary>
    public const string ShortSentenceShare = "shortSentenceShare";

    /// <summary>Share of sentences of at least 25 words.</summary>
    public const string LongSentenceShare = "longSentenceShare";

    // Issue families: counts, and rates per 1,000 words (of narration for the narration-only rules).
    public const string LongSentences = "longSentences";
    public const string LongSentencesPer1000 = "longSentencesPer1000Words";
    public const string StickySentences = "stickySentences";
    public const string StickySentencesPer1000 = "stickySentencesPer1000NarrationWords";
    public const string Adverbs = "adverbs";
    public const string AdverbsPer1000 = "adverbsPer1000NarrationWords";
    public const string Passives = "passives";
    public const string PassivesPer1000 = "passivesPer1000NarrationWords";
    public const string Hedges = "hedges";
    public const string HedgesPer1000 = "hedgesPer1000NarrationWords";
    public const string Cliches = "cliches";
    public const string ClichesPer1000 = "clichesPer1000Words";
    public const string ThereIsOpenings = "thereIsOpenings";
    public const string RepeatedOpenings = "repeatedOpenings";
    public const string OpeningsPer1000 = "openingsPer1000NarrationWords";
    public const string LexicalIllusions = "lexicalIllusions";
    public const string Echoes = "echoes";
    public const string EchoesPer1000 = "echoesPer1000NarrationWords";
    public const string FilterWords = "filterWords";
    public const string FilterWordsPer1000 = "filterWordsPer1000NarrationWords";
    public const string SaidBookisms = "saidBookisms";
    public const string TagAdverbs = "tagAdverbs";
    public const string DialogueTagsPer1000 = "dialogueTagIssuesPer1000Words";

    /// <summary>Words of the overused table above their threshold.</summary>
    public const string OverusedWords = "overusedWords";

    /// <summary>Prefix of the per-word rates of the overused table: <c>wordRate.just</c> (uses per 1,000 words).</summary>
    public const string WordRatePrefix = "wordRate.";

    // Penalties: the score is 1 minus their sum (clamped to [0, 1]); each is 0 when it does not apply.
    public const string PenaltyReadability = "penaltyReadability";
    public const string PenaltyVariety = "penaltyVariety";
    public const string PenaltyLongSentences = "penaltyLongSentences";
    public const string PenaltySticky = "penaltySticky";
    public const string PenaltyAdverbs = "penaltyAdverbs";
    public const string PenaltyPassive = "penaltyPassive";
    public const string PenaltyHedges = "penaltyHedges";
    public const string PenaltyCliches = "penaltyCliches";
    public const string PenaltyOpenings = "penaltyOpenings";
    public const string PenaltyIllusions = "penaltyIllusions";
    public const string PenaltyEchoes = "penaltyEchoes";
    public const string PenaltyFilterWords = "penaltyFilterWords";
    public const string PenaltyDialogueTags = "penaltyDialogueTags";
    public const string PenaltyOverused = "penaltyOverused";
    public const string PenaltyWordy = "penaltyWordy";
    public const string PenaltyRedundancies = "penaltyRedundancies";

    // Plain-language and layout checks.
    public const string WordyPhrases = "wordyPhrases";
    public const string WordyPer1000 = "wordyPer1000";
    public const string Redundancies = "redundancies";
    public const string RedundanciesPer1000 = "redundanciesPer1000";
    public const string ConjunctionOpenings = "conjunctionOpenings";
    public const string LongParagraphs = "longParagraphs";
    public const string UnmatchedBrackets = "unmatchedBrackets";

    // Series (one value per chapter, in order), labelled by ChapterLabels.
    public const string FleschReadingEaseSeries = FleschReadingEase;
    public const string FleschKincaidGradeSeries = FleschKincaidGrade;
    public const string GunningFogSeries = GunningFog;
    public const string SmogSeries = Smog;
    public const string ColemanLiauSeries = ColemanLiau;
    public const string AriSeries = Ari;
    public const string DaleChallSeries = DaleChall;
    public const string MeanSentenceWordsSeries = MeanSentenceWords;
    public const string SentenceWordsStdevSeries = SentenceWordsStdev;

    /// <summary>Series: detections of every rule per 1,000 words of the chapter.</summary>
    public const string IssuesPer1000Series = "issuesPer1000Words";

    /// <summary>Labels: chapter headings (or "Chapter N" for a chapter without one).</summary>
    public const string ChapterLabels = "chapters";

    /// <summary>Every per-chapter series.</summary>
    public static IReadOnlyList<string> ChapterSeries { get; } =
    [
        FleschReadingEaseSeries, FleschKincaidGradeSeries, GunningFogSeries, SmogSeries, ColemanLiauSeries, AriSeries,
        DaleChallSeries, MeanSentenceWordsSeries, SentenceWordsStdevSeries, IssuesPer1000Series,
    ];

    /// <summary>The metrics every result carries.</summary>
    public static IReadOnlyCollection<string> Declared { get; } =
    [
        Words, NarrationWords, Sentences, SyllablesPerWord, DifficultWordShare,
        FleschReadingEase, FleschKincaidGrade, GunningFog, Smog, ColemanLiau, Ari, DaleChall, DaleChallV2,
        MeanSentenceWords, SentenceWordsStdev, SentenceWordsCv, ShortSentenceShare, LongSentenceShare,
        LongSentences, LongSentencesPer1000, StickySentences, StickySentencesPer1000, Adverbs, AdverbsPer1000, Passives,
        PassivesPer1000, Hedges, HedgesPer1000, Cliches, ClichesPer1000, ThereIsOpenings, RepeatedOpenings, OpeningsPer1000,
        LexicalIllusions, Echoes, EchoesPer1000, FilterWords, FilterWordsPer1000, SaidBookisms, TagAdverbs, DialogueTagsPer1000,
        OverusedWords,
        PenaltyReadability, PenaltyVariety, PenaltyLongSentences, PenaltySticky, PenaltyAdverbs, PenaltyPassive, PenaltyHedges,
        PenaltyCliches, PenaltyOpenings, PenaltyIllusions, PenaltyEchoes, PenaltyFilterWords, PenaltyDialogueTags, PenaltyOverused,
        PenaltyWordy, PenaltyRedundancies, WordyPhrases, WordyPer1000, Redundancies, RedundanciesPer1000, ConjunctionOpenings,
        LongParagraphs, UnmatchedBrackets,
    ];
}
