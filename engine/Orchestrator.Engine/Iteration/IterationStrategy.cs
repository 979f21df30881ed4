namespace Orchestrator.Engine.Iteration;

/// <summary>How the next iteration differs from the last: overrides, escalations, requested re-runs, and suggestions for what will not be retried.</summary>
/// <param name="Overrides">Every override in force for the next iteration (carried over and new; none for nodes the pipeline no longer has), by node id, in pipeline order: apply with <see cref="NodeOverrides.ApplyTo"/>.</param>
/// <param name="Escalations">The escalations decided now, in pipeline order.</param>
/// <param name="RerunRequests">Succeeded nodes to re-run and why: pass to <see cref="Decisions.PlanningInput.RerunRequests"/>.</param>
/// <param name="Suggestions">For each failure that will not be retried, what to change, in pipeline order (for the report).</param>
public sealed record IterationStrategy(
    IReadOnlyDictionary<string, NodeOverrides> Overrides,
    IReadOnlyList<EscalationDecision> Escalations,
    IReadOnlyDictionary<string, string> RerunRequests,
    IReadOnlyList<RetrySuggestion> Suggestions);
