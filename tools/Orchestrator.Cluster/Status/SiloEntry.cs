namespace Orchestrator.Cluster.Status;

/// <summary>One silo as the Orleans membership table in Redis has it: its address, status (Active, ShuttingDown, Dead...), start and last heartbeat.</summary>
public sealed record SiloEntry(string Address, string Status, DateTimeOffset? Started, DateTimeOffset? LastHeartbeat)
{
    public bool IsDead => Status == nameof(Orleans.Runtime.SiloStatus.Dead);
}
