using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Orchestrator.Cluster.Placement;

/// <summary>
/// Places a session grain when it activates: on a post, on a reminder's tick after its silo died, or on a hand-off.
/// A placement hint (the drain's chosen silo) wins; otherwise <see cref="SiloLoads.Choose"/>: the active silo with the
/// most free run slots, among those declaring a model when the session's pipeline has an <c>llm</c> node. A session
/// that needs a model while no silo declares one goes to the least loaded silo and waits there (the grain does not
/// start it) until one does. Before any load was read: this silo if it is active, else any compatible one.
/// </summary>
public sealed class SessionPlacementDirector(SiloLoads loads, ModelNeeds needs) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, compatible) is { } hint) return Task.FromResult(hint);
        var id = target.GrainIdentity.Key.ToString()!;
        if (loads.Choose(compatible, id, needs.OfSession(id)) is { } chosen) return Task.FromResult(chosen);
        if (context.LocalSiloStatus == SiloStatus.Active && compatible.Contains(context.LocalSilo)) return Task.FromResult(context.LocalSilo);
        return Task.FromResult(compatible[Random.Shared.Next(compatible.Length)]);
    }
}
