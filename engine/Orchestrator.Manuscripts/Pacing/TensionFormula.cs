namespace Orchestrator.Manuscripts.Pacing;

/// <summary>
/// The tension proxy of a stretch of text, in [0,1]: a weighted sum of four signals of urgency, each
/// normalised to [0,1] by a saturation point and capped there.
/// <code>
/// tension = 0.35 · min(1, shortShare / 0.50)
///         + 0.20 · min(1, exclamationShare / 0.15)
///         + 0.15 · min(1, questionShare / 0.20)
///         + 0.30 · min(1, actionDensity / actionSaturation)
/// </code>
/// <c>shortShare</c>: share of sentences of at most <c>shortSentenceWords</c> words; <c>exclamationShare</c> and
/// <c>questionShare</c>: shares of sentences carrying a ! or a ?; <c>actionDensity</c>: action verbs
/// (<see cref="ActionVerbs"/>) per 1,000 words; <c>actionSaturation</c> is an option (default 20 per 1,000).
/// </summary>
/// <remarks>
/// Short sentences and action weigh most because they carry across narration and dialogue alike;
/// exclamations and questions are mostly in speech, so they weigh less and saturate early (a chapter where one
/// sentence in seven exclaims is already at full pitch). The saturation points were chosen so that chapters of
/// the development corpus spread over the range instead of crowding at one end (Pride and Prejudice's
/// chapters run from about 0.02 to 0.58, Moby-Dick's from 0.09 to 0.93). The proxy ranks the chapters of one book against each other; comparing
/// absolute values across books says less.
/// </remarks>
internal static class TensionFormula
{
    public const double ShortWeight = 0.35;
    public const double ShortSaturation = 0.50;
    public const double ExclamationWeight = 0.20;
    public const double ExclamationSaturation = 0.15;
    public const double QuestionWeight = 0.15;
    public const double QuestionSaturation = 0.20;
    public const double ActionWeight = 0.30;

    public static double Of(in PaceCounts counts, double actionSaturation)
    {
        if (counts.Sentences == 0 || counts.Words == 0) return 0;
        return ShortWeight * Math.Min(1, counts.ShortShare / ShortSaturation)
            + ExclamationWeight * Math.Min(1, counts.ExclamationShare / ExclamationSaturation)
            + QuestionWeight * Math.Min(1, counts.QuestionShare / QuestionSaturation)
            + ActionWeight * Math.Min(1, counts.ActionDensity / actionSaturation);
    }
}
