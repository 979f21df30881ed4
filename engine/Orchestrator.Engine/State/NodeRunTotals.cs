using MessagePack;
using Orchestrator.Engine.Dataflow;

namespace Orchestrator.Engine.State;

/// <summary>
/// A node's runs over the whole session (every iteration, every process that drove it): what a report's node statistics
/// are made of. Kept in the state, written with the outcome it counts, so a resume neither loses nor counts twice an
/// outcome of an earlier process. MessagePack keys are frozen: add new keys at the end.
/// </summary>
[MessagePackObject]
public sealed record NodeRunTotals
{
    /// <summary>Actions that started and were not cancelled by a stop (a resume runs a cancelled one again, and counts it then).</summary>
    [Key(0)] public int Runs { get; init; }
    [Key(1)] public int Successes { get; init; }

    /// <summary>Runs that ended Failed, TimedOut or Invalid.</summary>
    [Key(2)] public int Failures { get; init; }
    [Key(3)] public int Timeouts { get; init; }

    /// <summary>Attempts beyond the first inside the runs.</summary>
    [Key(4)] public int Retries { get; init; }
    [Key(5)] public TimeSpan Total { get; init; }
    [Key(6)] public TimeSpan Min { get; init; }
    [Key(7)] public TimeSpan Max { get; init; }

    public static readonly NodeRunTotals None = new();

    /// <summary>These totals with <paramref name="outcome"/> counted; the same totals when it is not a run (skipped, never started, cancelled).</summary>
    public NodeRunTotals With(ActionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Attempts == 0 || outcome.Status == ActionStatus.Cancelled) return this;
        var duration = outcome.Duration;
        return new NodeRunTotals
        {
            Runs = Runs + 1,
            Successes = Successes + (outcome.Status == ActionStatus.Succeeded ? 1 : 0),
            Failures = Failures + (outcome.Status is ActionStatus.Failed or ActionStatus.TimedOut or ActionStatus.Invalid ? 1 : 0),
            Timeouts = Timeouts + (outcome.Status == ActionStatus.TimedOut ? 1 : 0),
            Retries = Retries + outcome.Attempts - 1,
            Total = Total + duration,
            Min = Runs == 0 || duration < Min ? duration : Min,
            Max = duration > Max ? duration : Max,
        };
    }
}
