using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Iteration;

/// <summary>What <see cref="IterationController.PlanStrategy"/> decides from, after an iteration.</summary>
public sealed record StrategyInput
{
    /// <summary>The pipeline as written (without overrides): escalation policies and base timeouts come from it.</summary>
    public required PipelineDefinition Pipeline { get; init; }

    /// <summary>The state of the nodes after the iteration (the same records the next plan is made from).</summary>
    public IReadOnlyCollection<NodePlanningState> Nodes { get; init; } = [];

    /// <summary>The overrides in force during the iteration (from the previous strategy); they carry over.</summary>
    public IReadOnlyDictionary<string, NodeOverrides> Overrides { get; init; } = EmptyOverrides;

    /// <summary>The planning options, for the retry budget (which failures will be retried).</summary>
    public PlanningOptions Planning { get; init; } = PlanningOptions.Default;

    /// <summary>The size of the subject, for suggestions; optional.</summary>
    public SizeHint? Size { get; init; }

    private static readonly IReadOnlyDictionary<string, NodeOverrides> EmptyOverrides = new Dictionary<string, NodeOverrides>();
}
