using Orchestrator.Engine.Nodes;

namespace Orchestrator.Engine.Dataflow;

/// <summary>The message every node block emits: how the action ended, its result or error, and its timings.</summary>
public sealed record ActionOutcome
{
    public required string SessionId { get; init; }
    public required string NodeId { get; init; }
    public required int Iteration { get; init; }
    public required ActionStatus Status { get; init; }
    public NodeResult? Result { get; init; }
    public ActionError? Error { get; init; }

    /// <summary>Attempts made (1 when it succeeded at once; 0 when it never ran, e.g. Skipped).</summary>
    public int Attempts { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public TimeSpan Duration { get; init; }

    internal Execution Execution { get; init; } = null!;
    internal int NodeIndex { get; init; }
}
