using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.Graph;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Tests.Decisions;

/// <summary>Pipelines, states and plans for the decision and iteration tests.</summary>
internal static class PlanningSamples
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    public static NodeDefinition Node(string id, params string[] dependsOn) => new() { Id = id, Type = "t", DependsOn = dependsOn };

    public static PipelineDefinition Pipeline(params NodeDefinition[] nodes) => new() { Name = "test", Nodes = nodes };

    public static PipelineDefinition Pipeline(PipelineSettings settings, params NodeDefinition[] nodes) =>
        new() { Name = "test", Settings = settings, Nodes = nodes };

    //      top
    //     /   \
    //  left   right
    //     \   /
    //     bottom
    public static PipelineDefinition Diamond() =>
        Pipeline(Node("top"), Node("left", "top"), Node("right", "top"), Node("bottom", "left", "right"));

    public static NodePlanningState Succeeded(string id, string? currentHash = null, double? seconds = null) => new()
    {
        NodeId = id,
        Status = ActionStatus.Succeeded,
        Actions = 1,
        SucceededInputHash = "h-" + id,
        CurrentInputHash = currentHash ?? "h-" + id,
        ObservedDuration = seconds is { } s ? TimeSpan.FromSeconds(s) : null,
    };

    public static NodePlanningState Failed(string id, int failures, ActionStatus status = ActionStatus.Failed, string error = "IOException") => new()
    {
        NodeId = id,
        Status = status,
        Actions = failures,
        Failures = failures,
        LastError = new ActionError(error, "disk full"),
    };

    public static NodePlanningState WithStatus(string id, ActionStatus status) => new() { NodeId = id, Status = status, Actions = 1 };

    public static IterationPlan Plan(
        PipelineDefinition pipeline, int iteration = 1, PlanningOptions? options = null, DateTimeOffset? now = null,
        IReadOnlyDictionary<string, string>? reruns = null, params NodePlanningState[] states) =>
        DecisionEngine.Plan(new PlanningInput
        {
            Pipeline = pipeline,
            Graph = WorkflowGraph.FromPipeline(pipeline),
            Iteration = iteration,
            Nodes = states,
            Now = now ?? Now,
            Options = options ?? PlanningOptions.Default,
            RerunRequests = reruns ?? new Dictionary<string, string>(),
        });

    public static IterationPlan Plan(PipelineDefinition pipeline, params NodePlanningState[] states) =>
        Plan(pipeline, 1, null, null, null, states);

    public static string[] Ids(IEnumerable<PlannedCandidate> candidates) => candidates.Select(c => c.NodeId).ToArray();

    public static FilteredNode FilteredOf(IterationPlan plan, string id) => plan.Filtered.Single(f => f.NodeId == id);

    public static PlannedCandidate CandidateOf(IterationPlan plan, string id) => plan.Candidates.Single(c => c.NodeId == id);
}
