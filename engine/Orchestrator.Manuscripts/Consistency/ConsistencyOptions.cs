using System.Globalization;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Narration;

namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// The options of the <c>consistency</c> node, read from the node's <c>options</c> object. Every option is
/// optional; see <see cref="ConsistencyNode"/> for what each one does.
/// </summary>
public sealed record ConsistencyOptions
{
    public static readonly ConsistencyOptions Default = new();

    /// <summary><c>maxFindingsPerRule</c>: findings kept per rule; the rest are counted in one summary finding (default 20).</summary>
    public int MaxFindingsPerRule { get; init; } = 20;

    /// <summary><c>maxUsesPerVariant</c>: minority uses located per mixed pair, family or style (default 5).</summary>
    public int MaxUsesPerVariant { get; init; } = 5;

    /// <summary><c>minTenseMarkers</c>: a chapter needs this many tense markers in its narration to be judged (default 40).</summary>
    public int MinTenseMarkers { get; init; } = 40;

    /// <summary><c>tenseMargin</c>: a chapter's past share must be this far across 0.5 from the book's side to be a shift (default 0.15).</summary>
    public double TenseMargin { get; init; } = 0.15;

    /// <summary><c>minPovPronouns</c>: a chapter needs this many personal pronouns in its narration to be judged (default 30).</summary>
    public int MinPovPronouns { get; init; } = NarrationVoice.DefaultMinPronouns;

    /// <summary><c>firstPersonThreshold</c>: narration whose first-person share reaches this is first person (default 0.25).</summary>
    public double FirstPersonThreshold { get; init; } = NarrationVoice.DefaultFirstPersonThreshold;

    /// <summary><c>povMargin</c>: a chapter's first-person share must be this far across the threshold from the book's side (default 0.10).</summary>
    public double PovMargin { get; init; } = 0.10;

    /// <summary><c>nameMinLength</c>: shortest name (letters) compared for near misses (default 5).</summary>
    public int NameMinLength { get; init; } = 5;

    /// <summary><c>nameMinMentions</c>: the common name of a near-miss pair needs this many mentions (default 3).</summary>
    public int NameMinMentions { get; init; } = 3;

    /// <summary><c>nameMinRatio</c>: the common name needs this many times the rare one's mentions (default 3).</summary>
    public double NameMinRatio { get; init; } = 3;

    /// <summary><c>capitalisationMaxShare</c>: the rarer casing of a word may be at most this share of its mid-sentence uses to be flagged (default 0.25).</summary>
    public double CapitalisationMaxShare { get; init; } = 0.25;

    /// <summary><c>capitalisationMinUses</c>: a word needs this many mid-sentence uses (both casings) to be judged (default 4).</summary>
    public int CapitalisationMinUses { get; init; } = 4;

    /// <summary><c>spacedCompounds</c>: also compare hyphenated compounds with their open form (drawing-room/drawing room) (default true).</summary>
    public bool SpacedCompounds { get; init; } = true;

    /// <summary>
    /// Reads the options, checking kinds and ranges. A wrong value is an input the node cannot run with,
    /// so it is reported as <see cref="InvalidNodeInputException"/> (never retried).
    /// </summary>
    public static ConsistencyOptions From(NodeOptions options)
    {
        return NodeOptionsReader.Read(options, Default, () =>
        {
            var result = new ConsistencyOptions
            {
                MaxFindingsPerRule = options.GetInt("maxFindingsPerRule", Default.MaxFindingsPerRule),
                MaxUsesPerVariant = options.GetInt("maxUsesPerVariant", Default.MaxUsesPerVariant),
                MinTenseMarkers = options.GetInt("minTenseMarkers", Default.MinTenseMarkers),
                TenseMargin = options.GetDouble("tenseMargin", Default.TenseMargin),
                MinPovPronouns = options.GetInt("minPovPronouns", Default.MinPovPronouns),
                FirstPersonThreshold = options.GetDouble("firstPersonThreshold", Default.FirstPersonThreshold),
                PovMargin = options.GetDouble("povMargin", Default.PovMargin),
                NameMinLength = options.GetInt("nameMinLength", Default.NameMinLength),
                NameMinMentions = options.GetInt("nameMinMentions", Default.NameMinMentions),
                NameMinRatio = options.GetDouble("nameMinRatio", Default.NameMinRatio),
                CapitalisationMaxShare = options.GetDouble("capitalisationMaxShare", Default.CapitalisationMaxShare),
                CapitalisationMinUses = options.GetInt("capitalisationMinUses", Default.CapitalisationMinUses),
                SpacedCompounds = options.GetBool("spacedCompounds", Default.SpacedCompounds),
            };
            result.Check();
            return result;
        });
    }

    private void Check()
    {
        NodeOptionsReader.Require(MaxFindingsPerRule >= 1, "maxFindingsPerRule", "at least 1", MaxFindingsPerRule);
        NodeOptionsReader.Require(MaxUsesPerVariant >= 1, "maxUsesPerVariant", "at least 1", MaxUsesPerVariant);
        NodeOptionsReader.Require(MinTenseMarkers >= 1, "minTenseMarkers", "at least 1", MinTenseMarkers);
        NodeOptionsReader.Require(TenseMargin >= 0 && TenseMargin < 0.5, "tenseMargin", "in [0, 0.5)", TenseMargin);
        NodeOptionsReader.Require(MinPovPronouns >= 1, "minPovPronouns", "at least 1", MinPovPronouns);
        NodeOptionsReader.Require(FirstPersonThreshold > 0 && FirstPersonThreshold < 1, "firstPersonThreshold", "between 0 and 1", FirstPersonThreshold);
        NodeOptionsReader.Require(PovMargin >= 0 && PovMargin < Math.Min(FirstPersonThreshold, 1 - FirstPersonThreshold), "povMargin",
            "at least 0 and less than firstPersonThreshold and 1 - firstPersonThreshold", PovMargin);
        NodeOptionsReader.Require(NameMinLength >= 3, "nameMinLength", "at least 3", NameMinLength);
        NodeOptionsReader.Require(NameMinMentions >= 2, "nameMinMentions", "at least 2", NameMinMentions);
        NodeOptionsReader.Require(NameMinRatio >= 1, "nameMinRatio", "at least 1", NameMinRatio);
        NodeOptionsReader.Require(CapitalisationMaxShare > 0 && CapitalisationMaxShare < 0.5, "capitalisationMaxShare", "between 0 and 0.5", CapitalisationMaxShare);
        NodeOptionsReader.Require(CapitalisationMinUses >= 2, "capitalisationMinUses", "at least 2", CapitalisationMinUses);
    }

}
