using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Manuscripts.Pacing;

/// <summary>
/// The options of the <c>pacing</c> node, read from the node's <c>options</c> object. Every option is
/// optional; see <see cref="PacingNode"/> for what each one does.
/// </summary>
public sealed record PacingOptions
{
    public static readonly PacingOptions Default = new();

    /// <summary><c>shortSentenceWords</c>: a sentence of at most this many words is short (default 8).</summary>
    public int ShortSentenceWords { get; init; } = 8;

    /// <summary><c>expositionParagraphWords</c>: a paragraph without speech of at least this many words is expository (default 120).</summary>
    public int ExpositionParagraphWords { get; init; } = 120;

    /// <summary><c>expositionMinParagraphs</c>: this many consecutive expository paragraphs make an exposition stretch (default 3).</summary>
    public int ExpositionMinParagraphs { get; init; } = 3;

    /// <summary><c>flatMinChapters</c>: this many consecutive slow chapters make a flat stretch (default 3).</summary>
    public int FlatMinChapters { get; init; } = 3;

    /// <summary><c>slowQuantile</c>: a chapter is slow when its tension is below this quantile of the book's chapters (default 1/3, the lower tercile).</summary>
    public double SlowQuantile { get; init; } = 1.0 / 3;

    /// <summary><c>minChapterWords</c>: chapters shorter than this stay out of the tension distribution and flat stretches (default 200).</summary>
    public int MinChapterWords { get; init; } = 200;

    /// <summary><c>minChaptersForCurve</c>: fewest such chapters for the flat-stretch and variety checks (default 6).</summary>
    public int MinChaptersForCurve { get; init; } = 6;

    /// <summary><c>hookLateWords</c>: an opening with more words than this before the first speech or action verb is late (default 400).</summary>
    public int HookLateWords { get; init; } = 400;

    /// <summary><c>hookEarlyWords</c>: an opening reaching speech or action within this many words is a strength (default 100).</summary>
    public int HookEarlyWords { get; init; } = 100;

    /// <summary><c>actionSaturation</c>: action verbs per 1,000 words at which the action part of the tension proxy is full (default 20).</summary>
    public double ActionSaturation { get; init; } = 20;

    /// <summary><c>dialogueMin</c>: a book dialogue ratio below this costs score (default 0.10).</summary>
    public double DialogueMin { get; init; } = 0.10;

    /// <summary><c>dialogueMax</c>: a book dialogue ratio above this costs score (default 0.70).</summary>
    public double DialogueMax { get; init; } = 0.70;

    /// <summary><c>maxFindingsPerRule</c>: the most telling findings kept per rule; the rest are counted in a summary finding (default 20).</summary>
    public int MaxFindingsPerRule { get; init; } = 20;

    /// <summary>
    /// Reads the options, checking kinds and ranges. A wrong value is an input the node cannot run with,
    /// so it is reported as <see cref="InvalidNodeInputException"/> (never retried).
    /// </summary>
    public static PacingOptions From(NodeOptions options)
    {
        return NodeOptionsReader.Read(options, Default, () =>
        {
            var result = new PacingOptions
            {
                ShortSentenceWords = options.GetInt("shortSentenceWords", Default.ShortSentenceWords),
                ExpositionParagraphWords = options.GetInt("expositionParagraphWords", Default.ExpositionParagraphWords),
                ExpositionMinParagraphs = options.GetInt("expositionMinParagraphs", Default.ExpositionMinParagraphs),
                FlatMinChapters = options.GetInt("flatMinChapters", Default.FlatMinChapters),
                SlowQuantile = options.GetDouble("slowQuantile", Default.SlowQuantile),
                MinChapterWords = options.GetInt("minChapterWords", Default.MinChapterWords),
                MinChaptersForCurve = options.GetInt("minChaptersForCurve", Default.MinChaptersForCurve),
                HookLateWords = options.GetInt("hookLateWords", Default.HookLateWords),
                HookEarlyWords = options.GetInt("hookEarlyWords", Default.HookEarlyWords),
                ActionSaturation = options.GetDouble("actionSaturation", Default.ActionSaturation),
                DialogueMin = options.GetDouble("dialogueMin", Default.DialogueMin),
                DialogueMax = options.GetDouble("dialogueMax", Default.DialogueMax),
                MaxFindingsPerRule = options.GetInt("maxFindingsPerRule", Default.MaxFindingsPerRule),
            };
            result.Check();
            return result;
        });
    }

    private void Check()
    {
        NodeOptionsReader.Require(ShortSentenceWords >= 1, "shortSentenceWords", "at least 1", ShortSentenceWords);
        NodeOptionsReader.Require(ExpositionParagraphWords >= 1, "expositionParagraphWords", "at least 1", ExpositionParagraphWords);
        NodeOptionsReader.Require(ExpositionMinParagraphs >= 1, "expositionMinParagraphs", "at least 1", ExpositionMinParagraphs);
        NodeOptionsReader.Require(FlatMinChapters >= 2, "flatMinChapters", "at least 2", FlatMinChapters);
        NodeOptionsReader.Require(SlowQuantile > 0 && SlowQuantile < 1, "slowQuantile", "between 0 and 1", SlowQuantile);
        NodeOptionsReader.Require(MinChapterWords >= 0, "minChapterWords", "0 or more", MinChapterWords);
        NodeOptionsReader.Require(MinChaptersForCurve >= 3, "minChaptersForCurve", "at least 3", MinChaptersForCurve);
        NodeOptionsReader.Require(HookLateWords >= 1, "hookLateWords", "at least 1", HookLateWords);
        NodeOptionsReader.Require(HookEarlyWords >= 0 && HookEarlyWords < HookLateWords, "hookEarlyWords", "0 or more and less than hookLateWords", HookEarlyWords);
        NodeOptionsReader.Require(ActionSaturation > 0, "actionSaturation", "greater than 0", ActionSaturation);
        NodeOptionsReader.Require(DialogueMin >= 0 && DialogueMin < 1, "dialogueMin", "in [0, 1)", DialogueMin);
        NodeOptionsReader.Require(DialogueMax > DialogueMin && DialogueMax <= 1, "dialogueMax", "greater than dialogueMin and at most 1", DialogueMax);
        NodeOptionsReader.Require(MaxFindingsPerRule >= 1, "maxFindingsPerRule", "at least 1", MaxFindingsPerRule);
    }

}
