using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Quality;

namespace Orchestrator.Engine.Sessions;

/// <summary>What a session produced: the last outcome of every node, the results, the quality and why it stopped.</summary>
public sealed record SessionResult
{
    public required string SessionId { get; init; }
    public required SessionStatus Status { get; init; }
    public required int Iterations { get; init; }
    public required string StopReason { get; init; }

    /// <summary>The latest outcome of each node, in pipeline order.</summary>
    public required IReadOnlyList<ActionOutcome> Outcomes { get; init; }
    public required IReadOnlyDictionary<string, NodeResult> Results { get; init; }
    public required QualityScore Quality { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required TimeSpan Duration { get; init; }
}
