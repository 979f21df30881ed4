using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.Iteration;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Quality;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Sessions;

/// <summary>What a session produced: the last outcome of every node, the results, the quality and why it stopped.</summary>
public sealed record SessionResult
{
    public required string SessionId { get; init; }
    public required SessionStatus Status { get; init; }

    /// <summary>Iterations finished (over every process that drove the session).</summary>
    public required int Iterations { get; init; }

    /// <summary>Why it stopped, in words with the numbers that prove it.</summary>
    public required string StopReason { get; init; }

    /// <summary>The iteration controller's reason; null when the session ended otherwise (cancelled, failed).</summary>
    public StopReason? StopCode { get; init; }

    /// <summary>The latest outcome of each node that has run, in pipeline order (rebuilt from the state, so a resumed session has them all).</summary>
    public required IReadOnlyList<ActionOutcome> Outcomes { get; init; }
    public required IReadOnlyDictionary<string, NodeResult> Results { get; init; }
    public required QualityScore Quality { get; init; }

    /// <summary>When the session first started (a resumed session keeps it).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Time spent running, over every process that drove it.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>The figures of each finished iteration.</summary>
    public IReadOnlyList<IterationMetrics> History { get; init; } = [];

    /// <summary>The plans of every iteration, over every process that drove the session (see <see cref="SessionRun.EarlierDecisions"/>).</summary>
    public IReadOnlyList<PlanAnalytics> Decisions { get; init; } = [];

    /// <summary>Each node's runs over the whole session (every process that drove it), in pipeline order.</summary>
    public IReadOnlyList<NodeStatistics> NodeStatistics { get; init; } = [];

    /// <summary>What to change for the failures that will not be retried.</summary>
    public IReadOnlyList<RetrySuggestion> Suggestions { get; init; } = [];

    /// <summary>Escalations decided over the session (timeouts raised, options escalated).</summary>
    public IReadOnlyList<EscalationDecision> Escalations { get; init; } = [];

    /// <summary>Edits applied to the subject between iterations, per iteration that revised it.</summary>
    public IReadOnlyList<RevisionRecord> Revisions { get; init; } = [];

    /// <summary>Why a <see cref="SessionStatus.Failed"/> session failed (a rule that threw or timed out...).</summary>
    public Exception? Failure { get; init; }

    /// <summary>The final state, as persisted.</summary>
    public required SessionState State { get; init; }
}

/// <summary>The subject changed after <paramref name="Iteration"/>: from one hash to another, by these edits.</summary>
public sealed record RevisionRecord(int Iteration, string FromHash, string ToHash, IReadOnlyList<NodeEdits> Edits);
