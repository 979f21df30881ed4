using Orchestrator.Cluster.Placement;
using Orleans.Runtime;

namespace Orchestrator.Cluster.Drain;

/// <summary>
/// Where a draining silo sends work: the other active silos, the least loaded first as placement chooses
/// (<see cref="SiloLoads"/>; for a session that needs a model, a silo declaring one), else in turn.
/// </summary>
public sealed class HandOffTargets(IClusterMembershipService membership, ILocalSiloDetails local, SiloLoads loads, ModelNeeds needs)
{
    private int _turn = -1;

    /// <summary>The other active silos, in a stable order.</summary>
    public IReadOnlyList<SiloAddress> Others() => membership.CurrentSnapshot.Members.Values
        .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(local.SiloAddress))
        .Select(m => m.SiloAddress)
        .OrderBy(a => a.ToString(), StringComparer.Ordinal)
        .ToArray();

    /// <summary>The next silo in turn; null when no other silo is active.</summary>
    public SiloAddress? Next()
    {
        var others = Others();
        return others.Count == 0 ? null : others[(Interlocked.Increment(ref _turn) & int.MaxValue) % others.Count];
    }

    /// <summary>The other silo session <paramref name="sessionId"/> goes to: the least loaded fit for it, else the next in turn; null when no other silo is active.</summary>
    public SiloAddress? For(string sessionId)
    {
        var others = Others();
        if (others.Count == 0) return null;
        return loads.Choose(others, sessionId, needs.OfSession(sessionId)) ?? others[(Interlocked.Increment(ref _turn) & int.MaxValue) % others.Count];
    }
}
