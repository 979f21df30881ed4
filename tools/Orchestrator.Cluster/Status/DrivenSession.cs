namespace Orchestrator.Cluster.Status;

/// <summary>A session a silo drives now, as the silo notes it in Redis: queued (waiting for one of its run slots) or running, since when.</summary>
public sealed record DrivenSession(string Id, string Silo, string State, DateTimeOffset Since)
{
    public const string Queued = "queued";
    public const string Running = "running";
}
