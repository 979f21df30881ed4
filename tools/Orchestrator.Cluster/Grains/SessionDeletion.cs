namespace Orchestrator.Cluster.Grains;

/// <summary>
/// What a session grain answers to a delete: whether the session is gone, and its status as the grain saw it
/// (<see cref="ClusterSessionView.Unknown"/>: no such session). Not deleted with a status the cluster still owes a run
/// for (queued, running, interrupted): it must be cancelled first; with any other: <see cref="LeaseHeld"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("orchestrator.session-deletion")]
public sealed record SessionDeletion(
    [property: Id(0)] bool Deleted,
    [property: Id(1)] string Status,
    [property: Id(2)] bool LeaseHeld)
{
    /// <summary>
    /// Why the session was not deleted, as a 409's title and detail (a single server's words for a session it still
    /// runs); null when it was deleted or there is none.
    /// </summary>
    public (string Title, string Detail)? Refusal(string id) =>
        Deleted || Status == ClusterSessionView.Unknown ? null
        : LeaseHeld ? ("Locked", $"session {id} is {Status.ToLowerInvariant()}, but a silo holds its lease (a run is starting or letting go); try again in a few seconds")
        : ("Still running", $"session {id} is {Status.ToLowerInvariant()}: cancel it first");
}
