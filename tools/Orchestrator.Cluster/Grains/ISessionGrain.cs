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

    /// <summary>
    /// Deletes a session the cluster no longer owes a run (completed, failed or cancelled): its keys and fields in Redis,
    /// in one step that is refused while a lease on it is held, then its reminder and this grain's record. A session
    /// still queued, running or interrupted is left as it is (cancel it first).
    /// </summary>
    Task<SessionDeletion> DeleteAsync();

    /// <summary>
    /// The silo is stopping: stops the run (it checkpoints, and releases its lease) and, when the session is still owed a
    /// run, moves the grain to <paramref name="target"/> (Orleans grain migration), which resumes it at once. Without a
    /// target the grain deactivates with its silo and the reminder resumes it. True when the session was still owed a run.
    /// </summary>
    Task<bool> HandOffAsync(SiloAddress? target);
}
