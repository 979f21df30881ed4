using Orleans.Runtime;

namespace Orchestrator.Cluster.Drain;

/// <summary>
/// Where a draining silo sends work: the other silos the membership table has as active, taken in turn, so the
/// sessions of a stopping silo spread over those that stay.
/// </summary>
public sealed class HandOffTargets(IClusterMembershipService membership, ILocalSiloDetails local)
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
}
