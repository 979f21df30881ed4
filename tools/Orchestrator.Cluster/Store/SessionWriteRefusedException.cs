namespace Orchestrator.Cluster.Store;

/// <summary>Redis refused a write of a session: this owner lost it to another (the lease or the state version moved on).</summary>
public sealed class SessionWriteRefusedException(string sessionId, string reason)
    : IOException($"session {sessionId}: write refused, {reason}; this owner stops driving it")
{
    public string SessionId { get; } = sessionId;
}
