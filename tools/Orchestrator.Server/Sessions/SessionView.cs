using System.Text.Json.Serialization;

namespace Orchestrator.Server.Sessions;

/// <summary>The JSON of <c>GET /api/sessions/{id}</c> (and of each item of the list, without <see cref="Nodes"/>).</summary>
/// <param name="Status">Queued, Running, Completed, CompletedWithErrors, Cancelled, Failed, or Interrupted (cut by a crash, not yet resumed).</param>
/// <param name="QueuePosition">1 for the next to run; null unless Queued.</param>
/// <param name="Error">Why the server could not run it (e.g. its pipeline no longer compiles); null otherwise.</param>
public sealed record SessionView(
    string Id,
    string Status,
    int? QueuePosition,
    string? Pipeline,
    string? FileName,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    int? Iteration,
    double? Quality,
    string? StopReason,
    string? Error,
    IReadOnlyList<NodeView>? Nodes)
{
    /// <summary>In a cluster: the silo of the session's latest run (left out of a single server's answers).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Silo { get; init; }

    /// <summary>In a cluster: how many runs the session took (a resume on another silo after one died is one more).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Runs { get; init; }
}

/// <summary>One node of a session: its status, score, attempts and duration of its latest action.</summary>
public sealed record NodeView(string Id, string Status, double? Score, int Attempts, double? DurationMs, string? Error);
