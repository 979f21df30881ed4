namespace Orchestrator.Cluster.Store;

/// <summary>How long a session's lease in Redis lives without renewal, and how often its holder renews it.</summary>
public sealed record RedisLeaseOptions
{
    public static RedisLeaseOptions Default { get; } = new();

    /// <summary>
    /// A holder that stops renewing (its silo died or hangs) loses the lease after this long, and another silo may then
    /// drive the session. Shorter than the cluster's death detection, so a resumed grain finds the lease free.
    /// </summary>
    public TimeSpan TimeToLive { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Renewal period; null: never renew (tests that let a lease run out).</summary>
    public TimeSpan? RenewEvery { get; init; } = TimeSpan.FromSeconds(3);
}
