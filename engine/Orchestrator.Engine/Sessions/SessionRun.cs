using Orchestrator.Engine.Iteration;
using Orchestrator.Engine.Scripting;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Sessions;

/// <summary>One session for a <see cref="SessionLoop"/> to drive: its state (new, or loaded to resume), its subject, and its hooks.</summary>
public sealed record SessionRun
{
    /// <summary>
    /// Where the session stands: <see cref="SessionState.Start"/> for a new one, or the state loaded from disk
    /// to resume (nodes that succeeded keep their results; the unfinished iteration is planned again).
    /// </summary>
    public required SessionState State { get; init; }

    /// <summary>What the nodes analyse; its hash must be the state's <see cref="SessionState.CurrentSubjectHash"/>.</summary>
    public required SessionSubject Subject { get; init; }

    /// <summary>Handed to nodes as <see cref="Nodes.NodeContext.Requirements"/>.</summary>
    public object? Requirements { get; init; }

    /// <summary>Where state goes after every change; null keeps the session in memory.</summary>
    public ISessionJournal? Journal { get; init; }

    /// <summary>
    /// Where the session's events go: numbered, logged through <see cref="Journal"/> and offered to subscribers (see
    /// <see cref="Events.SessionEventHub.Open"/>). Null: a stream of the loop's own that logs through the journal,
    /// numbering after <see cref="LastEventSequence"/>.
    /// </summary>
    public Events.SessionEventStream? Events { get; init; }

    /// <summary>The number of the last event in the session's log (0 for a new session); used when <see cref="Events"/> is null.</summary>
    public long LastEventSequence { get; init; }

    /// <summary>
    /// The plans earlier processes made for this session (<see cref="DecisionLog.Read"/> of its event log), so a resumed
    /// session's <see cref="SessionResult.Decisions"/> cover every iteration; empty for a new session.
    /// </summary>
    public IReadOnlyList<Decisions.PlanAnalytics> EarlierDecisions { get; init; } = [];

    /// <summary>The pipeline's compiled rules.</summary>
    public PipelineRules Rules { get; init; } = PipelineRules.None;

    /// <summary>
    /// Turns the engine's rule globals into the domain's (a <see cref="RuleGlobals"/> subclass the rules were
    /// compiled against); null hands rules the engine's.
    /// </summary>
    public Func<RuleGlobals, RuleGlobals>? DecorateGlobals { get; init; }

    /// <summary>The size of the subject, for retry suggestions ("style timed out on 180k words").</summary>
    public SizeHint? Size { get; init; }
}
