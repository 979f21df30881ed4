using Orchestrator.Engine.Findings;

namespace Orchestrator.Engine.Nodes;

/// <summary>
/// What a node produces: a score in [0,1], the metrics that explain it, findings, and optional
/// per-item series (e.g. words per chapter) for charts. Plain data only, so a result can be
/// persisted, compared and reported without knowing the node that made it.
/// </summary>
public sealed record NodeResult
{
    public required double Score { get; init; }

    /// <summary>One line saying why the score is what it is.</summary>
    public string Summary { get; init; } = "";

    public IReadOnlyDictionary<string, double> Metrics { get; init; } = EmptyMetrics;

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>Named sequences of numbers, one value per item (chapter, part...), in item order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Series { get; init; } = EmptySeries;

    /// <summary>Named sequences of labels matching <see cref="Series"/> (e.g. chapter titles).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Labels { get; init; } = EmptyLabels;

    /// <summary>
    /// Edits a revising node proposes to the subject's text, ordered by offset and not overlapping; empty for
    /// analysis nodes. The domain applies them between iterations (see <see cref="TextEdit"/>).
    /// </summary>
    public IReadOnlyList<TextEdit> Edits { get; init; } = [];

    private static readonly IReadOnlyDictionary<string, double> EmptyMetrics = new Dictionary<string, double>();
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<double>> EmptySeries = new Dictionary<string, IReadOnlyList<double>>();
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> EmptyLabels = new Dictionary<string, IReadOnlyList<string>>();
}
