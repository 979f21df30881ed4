using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.Iteration;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Scripting;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Sessions;

/// <summary>What the engine hands a session's rules: each node as the state has it, the plan's candidates, the quality so far.</summary>
internal static class SessionRuleGlobals
{
    public static RuleGlobals Of(PipelineDefinition pipeline, SessionState state, IterationPlan plan, int iteration,
        IReadOnlyList<IterationMetrics> history, TimeSpan elapsed)
    {
        var nodes = new Dictionary<string, RuleNodeState>(StringComparer.Ordinal);
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var definition in pipeline.Nodes)
        {
            var node = state.FindNode(definition.Id);
            var result = node?.Result;
            if (result is not null) scores[definition.Id] = result.Score;
            nodes[definition.Id] = node is null || node.Status == NodeRunStatus.Pending
                ? new RuleNodeState()
                : new RuleNodeState(NodeState.ToActionStatus(node.Status), result?.Score, node.Attempts, node.LastError?.Message, node.Duration,
                    result?.Metrics ?? new Dictionary<string, double>());
        }
        return new RuleGlobals
        {
            Iteration = iteration,
            Settings = pipeline.Settings,
            Quality = history.Count > 0 ? history[^1].Quality : 0,
            Scores = scores,
            Nodes = nodes,
            Candidates = plan.Candidates.Select(c => new RuleCandidate(c.NodeId, c.Score, c.Reason, c.Attempt)).ToArray(),
            QualityHistory = history.Select(h => h.Quality).ToArray(),
            Elapsed = elapsed,
        };
    }
}
