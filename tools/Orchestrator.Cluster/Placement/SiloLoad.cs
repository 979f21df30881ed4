namespace Orchestrator.Cluster.Placement;

/// <summary>
/// What a silo publishes of itself for placement (<see cref="SiloLoads"/>): its run slots, the sessions it runs and drives
/// (running or waiting for a slot; their ids, so that a placement is counted once), the model it declares, whether it is
/// stopping, and when it said so.
/// </summary>
public sealed record SiloLoad(string Silo, int MaxRunning, int Running, IReadOnlyList<string> Sessions, string? Model, bool Draining, DateTimeOffset At)
{
    /// <summary>
    /// The silos this one's placement chose among when it last read the loads (itself included): a silo frozen or killed
    /// drops out of it once its line went stale, so anyone reading the lines can tell when no silo places work there.
    /// </summary>
    public IReadOnlyList<string> Sees { get; init; } = [];

    /// <summary>Sessions driven per run slot, with <paramref name="pending"/> placed here since: below 1, the silo has a free slot.</summary>
    public double PerSlot(int pending) => (Sessions.Count + pending) / (double)Math.Max(1, MaxRunning);
}
