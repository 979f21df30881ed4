using Orchestrator.Engine.Graph;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Decisions;

/// <summary>Everything <see cref="DecisionEngine.Plan"/> decides from. Plain data: the same input gives the same plan.</summary>
public sealed record PlanningInput
{
    public required PipelineDefinition Pipeline { get; init; }

    /// <summary>The pipeline's graph (<see cref="WorkflowGraph.FromPipeline"/>), built once by the caller and reused.</summary>
    public required WorkflowGraph Graph { get; init; }

    /// <summary>The iteration being planned, starting at 1.</summary>
    public required int Iteration { get; init; }

    /// <summary>The state of the nodes, in any order; a pipeline node without an entry has never run. Entries for ids the pipeline no longer has are ignored.</summary>
    public IReadOnlyCollection<NodePlanningState> Nodes { get; init; } = [];

    /// <summary>The time of planning, for action spacing.</summary>
    public required DateTimeOffset Now { get; init; }

    public PlanningOptions Options { get; init; } = PlanningOptions.Default;

    /// <summary>
    /// Succeeded nodes to re-run even though their input is unchanged, with the reason (from
    /// <see cref="Orchestrator.Engine.Iteration.IterationStrategy.RerunRequests"/>: a low-scoring node escalated to other options).
    /// </summary>
    public IReadOnlyDictionary<string, string> RerunRequests { get; init; } = EmptyRequests;

    private static readonly IReadOnlyDictionary<string, string> EmptyRequests = new Dictionary<string, string>();
}
