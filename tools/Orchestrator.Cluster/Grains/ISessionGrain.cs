using Orleans.Concurrency;

namespace Orchestrator.Cluster.Grains;

/// <summary>One session of the cluster, keyed by its session id: it runs the session on the silo it is active on.</summary>
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>Takes the order and starts the session; a second submit of the same id changes nothing and answers the current view.</summary>
    Task<ClusterSessionView> SubmitAsync(SessionOrder order, Immutable<byte[]> manuscript);

    Task<ClusterSessionView> GetAsync();

    /// <summary>Stops the session (it checkpoints); the cluster no longer owes it a run. False when it was not active.</summary>
    Task<bool> CancelAsync();
}
