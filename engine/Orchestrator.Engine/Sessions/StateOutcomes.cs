using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Sessions;

/// <summary>
/// Outcomes and statistics rebuilt from what the state records of each node, so they cover every process that drove
/// the session, not only the one that holds it now.
/// </summary>
internal static class StateOutcomes
{
    /// <summary>The latest outcome of each node that has run, in pipeline order.</summary>
    public static List<ActionOutcome> Latest(PipelineDefinition pipeline, SessionState state, IReadOnlyDictionary<string, NodeResult> results)
    {
        var outcomes = new List<ActionOutcome>();
        foreach (var definition in pipeline.Nodes)
        {
            var node = state.FindNode(definition.Id);
            if (node is null || node.Status is NodeRunStatus.Pending) continue;
            var status = NodeState.ToActionStatus(node.Status) ?? ActionStatus.Cancelled;
            outcomes.Add(Of(node, status, node.SucceededIteration ?? state.Iteration, state,
                status == ActionStatus.Succeeded ? results.GetValueOrDefault(node.NodeId) : null));
        }
        return outcomes;
    }

    /// <summary>The outcomes of the nodes of a cut <paramref name="iteration"/> that finished before the cut (those not run again).</summary>
    public static List<ActionOutcome> FinishedBefore(SessionState state, int iteration, IReadOnlyList<string> chosen, IReadOnlyList<string> dispatched)
    {
        var outcomes = new List<ActionOutcome>();
        foreach (var id in dispatched)
            if (!chosen.Contains(id) && state.FindNode(id) is { } node && NodeState.ToActionStatus(node.Status) is { } status)
                outcomes.Add(Of(node, status, iteration, state, result: null));
        return outcomes;
    }

    /// <summary>Each node's runs over the whole session, in pipeline order.</summary>
    public static NodeStatistics[] Statistics(PipelineDefinition pipeline, SessionState state) =>
        pipeline.Nodes.Select(n => NodeStatistics.Of(n.Id, state.FindNode(n.Id)?.Totals ?? NodeRunTotals.None)).ToArray();

    private static ActionOutcome Of(NodeState node, ActionStatus status, int iteration, SessionState state, NodeResult? result) => new()
    {
        SessionId = state.SessionId,
        NodeId = node.NodeId,
        Iteration = iteration,
        Status = status,
        Result = result,
        Error = node.LastError is { } e ? new ActionError(e.Type, e.Message) : null,
        Attempts = node.Attempts,
        StartedAt = node.StartedAt ?? state.CreatedAt,
        Duration = node.Duration ?? TimeSpan.Zero,
    };
}
