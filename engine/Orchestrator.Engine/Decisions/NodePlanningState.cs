using Orchestrator.Engine.Dataflow;

namespace Orchestrator.Engine.Decisions;

/// <summary>
/// What the decision engine needs to know of one node at the start of an iteration. The caller
/// builds it from the session state; a node with no entry counts as never run.
/// </summary>
/// <remarks>
/// Mapping from the session state's run status: Pending and Running (dispatched, not finished when
/// the state was written) map to a null <see cref="Status"/> (run it); every other status maps to
/// the <see cref="ActionStatus"/> of the same name.
/// </remarks>
public sealed record NodePlanningState
{
    public required string NodeId { get; init; }

    /// <summary>How the node's latest action ended; null when it has not run (or did not finish).</summary>
    public ActionStatus? Status { get; init; }

    /// <summary>Actions of this node started in the session, over every iteration (not Polly attempts).</summary>
    public int Actions { get; init; }

    /// <summary>
    /// Actions of this node that ended Failed or TimedOut in the session, over every iteration. It never
    /// goes down (a later success does not reset it), which is what bounds the retries of a flapping node.
    /// </summary>
    public int Failures { get; init; }

    /// <summary>The error of the latest action that did not succeed (its kind is <see cref="ActionError.Type"/>).</summary>
    public ActionError? LastError { get; init; }

    /// <summary>
    /// How long the node took: its latest successful action, or for a node that timed out the longest a
    /// single attempt was seen running. Null when not measured; the plan then uses estimates.
    /// </summary>
    public TimeSpan? ObservedDuration { get; init; }

    /// <summary>The node's latest score in [0, 1], when it has one (used by escalation).</summary>
    public double? Score { get; init; }

    /// <summary>The hash of the node's inputs at its last success.</summary>
    public string? SucceededInputHash { get; init; }

    /// <summary>
    /// The hash of the node's inputs now, computed by the caller (for escalation to work it must cover the
    /// node's effective options). Null means "not tracked": a succeeded node is then never re-run for its inputs.
    /// </summary>
    public string? CurrentInputHash { get; init; }

    /// <summary>Actions of this node running right now (batch mode: other sessions share the node's block).</summary>
    public int Running { get; init; }

    /// <summary>When an action of this node was last launched (in this session, or in any session in batch mode).</summary>
    public DateTimeOffset? LastLaunchedAt { get; init; }
}
