using MessagePack;
using Orchestrator.Engine.Dataflow;

namespace Orchestrator.Engine.State;

/// <summary>
/// Where a node stands in a session. Numbers are part of the snapshot format: never renumber; add new
/// members with new numbers. The last six mirror <see cref="ActionStatus"/>.
/// </summary>
public enum NodeRunStatus
{
    /// <summary>Not run yet in this session.</summary>
    Pending = 0,
    /// <summary>Dispatched and not finished when the state was written: a resume runs it again.</summary>
    Running = 1,
    Succeeded = 2,
    Failed = 3,
    TimedOut = 4,
    Cancelled = 5,
    Invalid = 6,
    Skipped = 7,
}

/// <summary>Why the node's latest action did not succeed (see <see cref="ActionError"/>).</summary>
[MessagePackObject]
public sealed record NodeErrorState
{
    [Key(0)] public required string Type { get; init; }
    [Key(1)] public required string Message { get; init; }
}

/// <summary>
/// The state of one node: its status, the attempts of its latest action, its result, its latest
/// error and timings, and when (iteration) and on what (input hash) it last succeeded.
/// </summary>
/// <remarks>
/// <see cref="Result"/>, <see cref="SucceededIteration"/> and <see cref="SucceededInputHash"/> describe the
/// last success and are kept when a later action fails (see <see cref="WithOutcome"/>); <see cref="Status"/>,
/// <see cref="Attempts"/>, <see cref="LastError"/>, <see cref="StartedAt"/> and <see cref="Duration"/>
/// describe the latest action. MessagePack keys are frozen: add new keys at the end, never reuse or renumber one.
/// </remarks>
[MessagePackObject]
public sealed record NodeState
{
    [Key(0)] public required string NodeId { get; init; }
    [Key(1)] public NodeRunStatus Status { get; init; }

    /// <summary>Attempts made by the latest action (0 when it never ran).</summary>
    [Key(2)] public int Attempts { get; init; }

    /// <summary>The result of the last success; never null when <see cref="Status"/> is Succeeded.</summary>
    [Key(3)] public NodeResultState? Result { get; init; }

    /// <summary>The error of the latest action; null when it succeeded or ended without an error.</summary>
    [Key(4)] public NodeErrorState? LastError { get; init; }
    [Key(5)] public DateTimeOffset? StartedAt { get; init; }
    [Key(6)] public TimeSpan? Duration { get; init; }

    /// <summary>The iteration of the last success.</summary>
    [Key(7)] public int? SucceededIteration { get; init; }

    /// <summary>The hash of the input the node saw at its last success (the domain decides what it covers).</summary>
    [Key(8)] public string? SucceededInputHash { get; init; }

    /// <summary>Actions of this node run in the session, over every iteration (not Polly attempts); one cancelled by a stop does not count.</summary>
    [Key(9)] public int Actions { get; init; }

    /// <summary>Actions of this node that ended Failed or TimedOut, over every iteration; never goes down (it bounds retries).</summary>
    [Key(10)] public int Failures { get; init; }

    /// <summary>Every run of this node in the session, for the report's statistics; null in states written before they were kept.</summary>
    [Key(11)] public NodeRunTotals? Totals { get; init; }

    public static NodeState Pending(string nodeId) => new() { NodeId = nodeId, Status = NodeRunStatus.Pending };

    /// <summary>
    /// This node after <paramref name="outcome"/>: a success replaces the result and clears the error; any
    /// other outcome records its status, attempts and error and keeps the last success's result.
    /// </summary>
    /// <param name="inputHash">The hash of the input the action saw, recorded on success.</param>
    public NodeState WithOutcome(ActionOutcome outcome, string? inputHash = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.NodeId != NodeId)
            throw new ArgumentException($"outcome of node '{outcome.NodeId}' applied to node '{NodeId}'", nameof(outcome));
        // An action a stop cancelled does not count: the resume runs it again, and counts it then, as an uninterrupted run would once.
        var actions = Actions + (outcome.Attempts > 0 && outcome.Status != ActionStatus.Cancelled ? 1 : 0);
        var failures = Failures + (outcome.Status is ActionStatus.Failed or ActionStatus.TimedOut ? 1 : 0);
        var totals = (Totals ?? NodeRunTotals.None).With(outcome);
        if (outcome.Status == ActionStatus.Succeeded)
        {
            var result = outcome.Result ?? throw new ArgumentException($"a Succeeded outcome of node '{NodeId}' has no result", nameof(outcome));
            return this with
            {
                Status = NodeRunStatus.Succeeded,
                Attempts = outcome.Attempts,
                Result = NodeResultState.From(result),
                LastError = null,
                StartedAt = outcome.StartedAt,
                Duration = outcome.Duration,
                SucceededIteration = outcome.Iteration,
                SucceededInputHash = inputHash,
                Actions = actions,
                Failures = failures,
                Totals = totals,
            };
        }
        return this with
        {
            Status = ToRunStatus(outcome.Status),
            Attempts = outcome.Attempts,
            LastError = outcome.Error is { } e ? new NodeErrorState { Type = e.Type, Message = e.Message } : null,
            StartedAt = outcome.StartedAt,
            Duration = outcome.Duration,
            Actions = actions,
            Failures = failures,
            Totals = totals,
        };
    }

    /// <summary>The action status a node's run status stands for; null for Pending and Running (no outcome yet).</summary>
    public static ActionStatus? ToActionStatus(NodeRunStatus status) => status switch
    {
        NodeRunStatus.Pending or NodeRunStatus.Running => null,
        NodeRunStatus.Succeeded => ActionStatus.Succeeded,
        NodeRunStatus.Failed => ActionStatus.Failed,
        NodeRunStatus.TimedOut => ActionStatus.TimedOut,
        NodeRunStatus.Cancelled => ActionStatus.Cancelled,
        NodeRunStatus.Invalid => ActionStatus.Invalid,
        NodeRunStatus.Skipped => ActionStatus.Skipped,
        _ => null,
    };

    public static NodeRunStatus ToRunStatus(ActionStatus status) => status switch
    {
        ActionStatus.Succeeded => NodeRunStatus.Succeeded,
        ActionStatus.Failed => NodeRunStatus.Failed,
        ActionStatus.TimedOut => NodeRunStatus.TimedOut,
        ActionStatus.Cancelled => NodeRunStatus.Cancelled,
        ActionStatus.Invalid => NodeRunStatus.Invalid,
        ActionStatus.Skipped => NodeRunStatus.Skipped,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown action status"),
    };
}
