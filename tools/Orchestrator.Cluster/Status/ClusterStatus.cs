namespace Orchestrator.Cluster.Status;

/// <summary>What <c>orchestrator cluster status</c> shows: the silos of one cluster and the sessions each drives, read from Redis.</summary>
public sealed record ClusterStatus(string ClusterId, IReadOnlyList<SiloEntry> Silos, IReadOnlyList<DrivenSession> Sessions)
{
    public IReadOnlyList<DrivenSession> SessionsOf(string silo) => Sessions.Where(s => s.Silo == silo).ToArray();
}
