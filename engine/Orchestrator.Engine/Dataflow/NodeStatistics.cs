namespace Orchestrator.Engine.Dataflow;

/// <summary>Execution figures for one node, accumulated by the collector (so never written concurrently).</summary>
public sealed class NodeStatistics
{
    public string NodeId { get; }
    public int Runs { get; private set; }
    public int Successes { get; private set; }
    public int Failures { get; private set; }
    public int Timeouts { get; private set; }
    public int Retries { get; private set; }
    public TimeSpan MinDuration { get; private set; }
    public TimeSpan MaxDuration { get; private set; }
    public TimeSpan MeanDuration => Runs == 0 ? TimeSpan.Zero : _total / Runs;

    private TimeSpan _total;

    public NodeStatistics(string nodeId) => NodeId = nodeId;

    /// <summary>The figures of a node's runs over a whole session, as its state keeps them.</summary>
    public static NodeStatistics Of(string nodeId, State.NodeRunTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return new NodeStatistics(nodeId)
        {
            Runs = totals.Runs, Successes = totals.Successes, Failures = totals.Failures, Timeouts = totals.Timeouts,
            Retries = totals.Retries, MinDuration = totals.Min, MaxDuration = totals.Max, _total = totals.Total,
        };
    }

    internal void Record(ActionOutcome outcome)
    {
        if (outcome.Attempts == 0) return; // skipped or cancelled before it started: not a run
        Runs++;
        Retries += outcome.Attempts - 1;
        switch (outcome.Status)
        {
            case ActionStatus.Succeeded: Successes++; break;
            case ActionStatus.TimedOut: Timeouts++; Failures++; break;
            case ActionStatus.Failed or ActionStatus.Invalid: Failures++; break;
        }
        _total += outcome.Duration;
        MinDuration = Runs == 1 || outcome.Duration < MinDuration ? outcome.Duration : MinDuration;
        if (outcome.Duration > MaxDuration) MaxDuration = outcome.Duration;
    }
}
