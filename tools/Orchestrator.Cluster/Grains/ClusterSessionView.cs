namespace Orchestrator.Cluster.Grains;

/// <summary>What a session grain says of its session: status (Queued, Running, Interrupted, or the engine's final status), where it runs, and how many runs it took.</summary>
[GenerateSerializer, Immutable, Alias("orchestrator.cluster-session-view")]
public sealed record ClusterSessionView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Status,
    [property: Id(2)] string? Silo,
    [property: Id(3)] int Runs,
    [property: Id(4)] string? Pipeline,
    [property: Id(5)] string? FileName,
    [property: Id(6)] string? Error)
{
    public const string Unknown = "Unknown";
    public const string Queued = "Queued";
    public const string Running = "Running";
    public const string Interrupted = "Interrupted";
}
