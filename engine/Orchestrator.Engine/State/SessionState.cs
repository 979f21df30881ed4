using System.Text.Json.Serialization;
using MessagePack;
using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Quality;
using Orchestrator.Engine.Sessions;

namespace Orchestrator.Engine.State;

/// <summary>
/// How a session stands on disk. Numbers are part of the snapshot format: never renumber; add new
/// members with new numbers. Mirrors <see cref="SessionStatus"/> plus <see cref="Failed"/>.
/// </summary>
public enum SessionStateStatus
{
    /// <summary>Being driven, or its process died before it finished (a live lease tells which).</summary>
    Running = 0,
    Completed = 1,
    CompletedWithErrors = 2,
    /// <summary>Stopped by cancellation (Ctrl-C, shutdown); resumable.</summary>
    Cancelled = 3,
    /// <summary>Stopped by an error of the session itself (not of a node).</summary>
    Failed = 4,
}

public static class SessionStateStatusExtensions
{
    /// <summary>The persisted status of a session that ended with <paramref name="status"/>.</summary>
    public static SessionStateStatus ToStateStatus(this SessionStatus status) => status switch
    {
        SessionStatus.Running => SessionStateStatus.Running,
        SessionStatus.Completed => SessionStateStatus.Completed,
        SessionStatus.CompletedWithErrors => SessionStateStatus.CompletedWithErrors,
        SessionStatus.Cancelled => SessionStateStatus.Cancelled,
        SessionStatus.Failed => SessionStateStatus.Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "no persisted status for it yet"),
    };
}

/// <summary>The figures of one finished iteration (see <see cref="Orchestrator.Engine.Iteration.IterationMetrics"/>).</summary>
[MessagePackObject]
public sealed record IterationRecord
{
    [Key(0)] public int Iteration { get; init; }
    [Key(1)] public DateTimeOffset StartedAt { get; init; }
    [Key(2)] public TimeSpan Duration { get; init; }
    [Key(3)] public int ActionsRun { get; init; }
    [Key(4)] public int Succeeded { get; init; }
    [Key(5)] public int Failures { get; init; }
    [Key(6)] public int Retries { get; init; }
    [Key(7)] public int RetriedActions { get; init; }
    [Key(8)] public int Skipped { get; init; }
    [Key(9)] public double Quality { get; init; }
    [Key(10)] public double? QualityDelta { get; init; }

    public static IterationRecord From(Orchestrator.Engine.Iteration.IterationMetrics m) => new()
    {
        Iteration = m.Iteration, StartedAt = m.StartedAt, Duration = m.Duration, ActionsRun = m.ActionsRun,
        Succeeded = m.Succeeded, Failures = m.Failures, Retries = m.Retries, RetriedActions = m.RetriedActions,
        Skipped = m.Skipped, Quality = m.Quality, QualityDelta = m.QualityDelta,
    };

    public Orchestrator.Engine.Iteration.IterationMetrics ToMetrics() =>
        new(Iteration, StartedAt, Duration, ActionsRun, Succeeded, Failures, Retries, RetriedActions, Skipped, Quality, QualityDelta);
}

/// <summary>The quality of one iteration.</summary>
[MessagePackObject]
public sealed record QualityRecord
{
    [Key(0)] public int Iteration { get; init; }
    [Key(1)] public double Overall { get; init; }
    [Key(2)] public double Coverage { get; init; }
    [Key(3)] public double Confidence { get; init; }

    public static QualityRecord From(int iteration, QualityScore quality) => new()
    {
        Iteration = iteration, Overall = quality.Overall, Coverage = quality.Coverage, Confidence = quality.Confidence,
    };
}

/// <summary>
/// The whole state of one session: the unit of resume (everything a resume needs is in it, so it is also
/// the unit a later scale-out would hand over). The engine knows nothing of the subject: it is an input
/// path and a content hash; the requirements are a JSON text the domain owns.
/// </summary>
/// <remarks>
/// <para>Immutable: every change makes a new state with <c>with</c> or the <c>With…</c> helpers, so a state
/// handed to a writer can never change under it. The collections are treated as read-only; the helpers
/// copy. One thread (the session's collector) owns the current state and replaces it after each outcome.</para>
/// <para>Equality is by value, collections included, so a state read back from disk can be compared with
/// the one written.</para>
/// <para>Format evolution: the MessagePack keys (and the JSON names) are frozen. A new field gets the next
/// free key and a default that means "not recorded", so snapshots written before it still load; a key is
/// never reused or renumbered, even after its field is dropped. <see cref="SchemaVersion"/> goes up when
/// the meaning of existing data changes; readers refuse versions newer than <see cref="CurrentSchemaVersion"/>.</para>
/// </remarks>
[MessagePackObject]
public sealed record SessionState
{
    public const int CurrentSchemaVersion = 1;

    [Key(0)] public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    [Key(1)] public required string SessionId { get; init; }
    [Key(2)] public SessionStateStatus Status { get; init; }
    [Key(3)] public required string PipelineName { get; init; }

    /// <summary>Hash of the pipeline file and its rules, computed by the caller (see <see cref="ContentHash"/>).</summary>
    [Key(4)] public required string PipelineHash { get; init; }
    [Key(5)] public required string InputPath { get; init; }

    /// <summary>Hash of the input's content as loaded.</summary>
    [Key(6)] public required string InputHash { get; init; }

    /// <summary>The requirements as a JSON value (object, array...) the domain owns; embedded as JSON in session.json.</summary>
    [Key(7)]
    [JsonPropertyName("requirements")]
    [JsonConverter(typeof(RawJsonTextConverter))]
    public string? RequirementsJson { get; init; }

    [Key(8)] public DateTimeOffset CreatedAt { get; init; }
    [Key(9)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The current iteration: 0 before the first one starts, then 1, 2...</summary>
    [Key(10)] public int Iteration { get; init; }

    /// <summary>One entry per pipeline node, in pipeline order.</summary>
    [Key(11)] public IReadOnlyList<NodeState> Nodes { get; init; } = [];

    /// <summary>The quality of each iteration, in iteration order.</summary>
    [Key(12)] public IReadOnlyList<QualityRecord> QualityHistory { get; init; } = [];
    [Key(13)] public string? StopReason { get; init; }

    /// <summary>Where the reports go (null: the session folder).</summary>
    [Key(14)] public string? ReportFolder { get; init; }

    /// <summary>
    /// The hash of the subject the next iteration analyses, when a revising node changed it (null: the input as
    /// loaded, <see cref="InputHash"/>). The domain keeps the revised subject under this hash in the session folder.
    /// </summary>
    [Key(15)] public string? SubjectHash { get; init; }

    /// <summary>Time the session has spent running, over every process that drove it (what <c>sessionTimeout</c> counts).</summary>
    [Key(16)] public TimeSpan ActiveDuration { get; init; }

    /// <summary>The figures of each finished iteration, in order.</summary>
    [Key(17)] public IReadOnlyList<IterationRecord> Iterations { get; init; } = [];

    /// <summary>The <see cref="Orchestrator.Engine.Iteration.StopReason"/> name when the session stopped by the iteration controller's decision.</summary>
    [Key(18)] public string? StopCode { get; init; }

    /// <summary>The pipeline file the session runs, so a resume can find it; null for a pipeline built in memory.</summary>
    [Key(19)] public string? PipelinePath { get; init; }

    /// <summary>The strategy the next iteration runs with (overrides, re-runs, suggestions, escalations); null before the first iteration ends.</summary>
    [Key(20)] public StrategyState? Strategy { get; init; }

    /// <summary>
    /// The nodes the current iteration dispatched, while that iteration is unfinished (empty once its record is
    /// written): a resume runs those of them that have no outcome yet, as the rest of that same iteration.
    /// </summary>
    [Key(21)] public IReadOnlyList<string> Dispatched { get; init; } = [];

    /// <summary>The subject's hash now: <see cref="SubjectHash"/> or, when nothing revised it, <see cref="InputHash"/>.</summary>
    [IgnoreMember, JsonIgnore]
    public string CurrentSubjectHash => SubjectHash ?? InputHash;

    /// <summary>A new Running session at iteration 0 with every node Pending.</summary>
    public static SessionState Start(
        string sessionId, string pipelineName, string pipelineHash, string inputPath, string inputHash,
        string? requirementsJson, IEnumerable<string> nodeIds, DateTimeOffset now) => new()
    {
        SessionId = sessionId,
        Status = SessionStateStatus.Running,
        PipelineName = pipelineName,
        PipelineHash = pipelineHash,
        InputPath = inputPath,
        InputHash = inputHash,
        RequirementsJson = requirementsJson,
        CreatedAt = now,
        UpdatedAt = now,
        Nodes = nodeIds.Select(NodeState.Pending).ToArray(),
    };

    public NodeState? FindNode(string nodeId)
    {
        foreach (var node in Nodes)
            if (node.NodeId == nodeId) return node;
        return null;
    }

    /// <summary>This state with <paramref name="node"/> replacing the node of the same id (appended when new).</summary>
    public SessionState WithNode(NodeState node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var nodes = Nodes.ToList();
        var index = nodes.FindIndex(n => n.NodeId == node.NodeId);
        if (index >= 0) nodes[index] = node;
        else nodes.Add(node);
        return this with { Nodes = nodes.ToArray() };
    }

    /// <summary>
    /// This state after one action outcome (see <see cref="NodeState.WithOutcome"/>); the iteration moves up to
    /// the outcome's when it is ahead, and <see cref="UpdatedAt"/> becomes <paramref name="now"/>.
    /// </summary>
    public SessionState WithOutcome(ActionOutcome outcome, DateTimeOffset now, string? inputHash = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var node = (FindNode(outcome.NodeId) ?? NodeState.Pending(outcome.NodeId)).WithOutcome(outcome, inputHash);
        return WithNode(node) with { Iteration = Math.Max(Iteration, outcome.Iteration), UpdatedAt = now };
    }

    /// <summary>This state with the quality of <paramref name="iteration"/> recorded (replacing an earlier record of that iteration).</summary>
    public SessionState WithQuality(int iteration, QualityScore quality, DateTimeOffset now)
    {
        var history = QualityHistory.Where(q => q.Iteration != iteration).Append(QualityRecord.From(iteration, quality))
            .OrderBy(q => q.Iteration).ToArray();
        return this with { QualityHistory = history, UpdatedAt = now };
    }

    /// <summary>The results of the nodes that stand Succeeded, as the engine's <see cref="NodeResult"/>s.</summary>
    public IReadOnlyDictionary<string, NodeResult> SucceededResults()
    {
        var results = new Dictionary<string, NodeResult>(StringComparer.Ordinal);
        foreach (var node in Nodes)
            if (node is { Status: NodeRunStatus.Succeeded, Result: { } result })
                results[node.NodeId] = result.ToNodeResult();
        return results;
    }

    /// <summary>Every invariant this state breaks, in plain words; empty when it is valid. See <see cref="SessionStateValidator"/>.</summary>
    public IReadOnlyList<string> Validate() => SessionStateValidator.Validate(this);

    /// <summary>Throws <see cref="InvalidSessionStateException"/> listing every broken invariant.</summary>
    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0) throw new InvalidSessionStateException(SessionId, problems);
    }

    public bool Equals(SessionState? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            SchemaVersion == other.SchemaVersion
            && SessionId == other.SessionId
            && Status == other.Status
            && PipelineName == other.PipelineName
            && PipelineHash == other.PipelineHash
            && InputPath == other.InputPath
            && InputHash == other.InputHash
            && RequirementsJson == other.RequirementsJson
            && CreatedAt.Equals(other.CreatedAt) && CreatedAt.Offset == other.CreatedAt.Offset
            && UpdatedAt.Equals(other.UpdatedAt) && UpdatedAt.Offset == other.UpdatedAt.Offset
            && Iteration == other.Iteration
            && StateEquality.Lists(Nodes, other.Nodes)
            && StateEquality.Lists(QualityHistory, other.QualityHistory)
            && StopReason == other.StopReason
            && ReportFolder == other.ReportFolder
            && SubjectHash == other.SubjectHash
            && ActiveDuration == other.ActiveDuration
            && StateEquality.Lists(Iterations, other.Iterations)
            && StopCode == other.StopCode
            && PipelinePath == other.PipelinePath
            && Equals(Strategy, other.Strategy)
            && StateEquality.Lists(Dispatched ?? [], other.Dispatched ?? []));

    public override int GetHashCode() => HashCode.Combine(SessionId, Status, Iteration, UpdatedAt, Nodes?.Count);
}

/// <summary>A state that breaks its invariants; it is never written, and a file holding one is not used.</summary>
public sealed class InvalidSessionStateException(string? sessionId, IReadOnlyList<string> problems)
    : Exception($"session state{(sessionId is null ? "" : $" of {sessionId}")} is invalid: {string.Join("; ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
