using Orchestrator.Cluster.Grains;
using Orchestrator.Engine.State;

namespace Orchestrator.Cluster.Sessions;

/// <summary>
/// A session of the cluster as any silo sees it: its status, silo and runs from its grain (for a listed session that
/// has stopped, from its summary alone: <see cref="Silo"/> and <see cref="Runs"/> are then null), what it posted, and
/// its stored state when it has one (the nodes; null in listings, which read summaries only).
/// </summary>
public sealed record ClusterSession(
    string Id,
    string Status,
    string? Silo,
    int? Runs,
    string? Pipeline,
    string? FileName,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    int? Iteration,
    double? Quality,
    string? StopReason,
    string? Error,
    SessionState? State)
{
    /// <summary>Whether the cluster still owes it a run: queued, running, or cut by a dead silo and not yet resumed.</summary>
    public static bool IsActive(string status) =>
        status is ClusterSessionView.Queued or ClusterSessionView.Running or ClusterSessionView.Interrupted;
}
