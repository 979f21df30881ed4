using Orchestrator.Engine.Nodes;

namespace Orchestrator.Engine.Dataflow;

/// <summary>What one execution produced: an outcome for every node it was asked to run, in pipeline order.</summary>
public sealed record ExecutionReport(
    string SessionId,
    int Iteration,
    IReadOnlyList<ActionOutcome> Outcomes,
    DateTimeOffset StartedAt,
    TimeSpan Duration)
{
    public IEnumerable<KeyValuePair<string, NodeResult>> SucceededResults =>
        Outcomes.Where(o => o.Status == ActionStatus.Succeeded && o.Result is not null)
                .Select(o => KeyValuePair.Create(o.NodeId, o.Result!));

    public bool AllSucceeded => Outcomes.All(o => o.Status == ActionStatus.Succeeded);
}
