namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// How one issue family costs score: nothing up to <paramref name="Free"/> per 1,000 words (about the rate of
/// published fiction), then <paramref name="Slope"/> per unit of rate above it, at most <paramref name="Cap"/>.
/// </summary>
internal sealed record StylePenalty(string Metric, double Free, double Slope, double Cap)
{
    public double Of(double ratePer1000) => Math.Min(Cap, Slope * Math.Max(0, ratePer1000 - Free));

    // The table StyleNode documents. Free allowances sit near the rates of the four corpus novels, so published
    // prose loses little; a manuscript twice as heavy in a family loses a few points for it.
    public static readonly StylePenalty LongSentences = new(StyleMetrics.PenaltyLongSentences, 5, 0.01, 0.10);
    public static readonly StylePenalty Sticky = new(StyleMetrics.PenaltySticky, 12, 0.005, 0.08);
    public static readonly StylePenalty Adverbs = new(StyleMetrics.PenaltyAdverbs, 12, 0.005, 0.10);
    public static readonly StylePenalty Passive = new(StyleMetrics.PenaltyPassive, 10, 0.005, 0.10);
    public static readonly StylePenalty Hedges = new(StyleMetrics.PenaltyHedges, 6, 0.005, 0.08);
    public static readonly StylePenalty Cliches = new(StyleMetrics.PenaltyCliches, 0.2, 0.05, 0.08);
    public static readonly StylePenalty Openings = new(StyleMetrics.PenaltyOpenings, 0.6, 0.02, 0.05);
    public static readonly StylePenalty Echoes = new(StyleMetrics.PenaltyEchoes, 3, 0.005, 0.05);
    public static readonly StylePenalty FilterWords = new(StyleMetrics.PenaltyFilterWords, 7, 0.005, 0.08);
    public static readonly StylePenalty DialogueTags = new(StyleMetrics.PenaltyDialogueTags, 0.5, 0.02, 0.08);

    /// <summary>Per lexical illusion (each is most likely a typo), capped.</summary>
    public const double PerIllusion = 0.01, IllusionCap = 0.05;

    /// <summary>Per overused word, capped.</summary>
    public const double PerOverusedWord = 0.01, OverusedCap = 0.08;

    /// <summary>Per point of reading ease below the band, and above it; caps.</summary>
    public const double PerPointBelow = 0.01, BelowCap = 0.15, PerPointAbove = 0.005, AboveCap = 0.05;

    /// <summary>Sentence variety: coefficient of variation below which rhythm is monotonous, cost per 0.1 below, cap.</summary>
    public const double MonotonousCv = 0.35, VarietySlope = 0.5, VarietyCap = 0.10, GoodVarietyCv = 0.5;
}
