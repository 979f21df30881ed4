namespace Orchestrator.Engine.Sessions;

/// <summary>The session's state could not be written (disk full, folder removed...): the session stops rather than go on unsaved.</summary>
public sealed class SessionPersistenceException(string sessionId, Exception inner)
    : Exception($"session {sessionId}: its state could not be saved ({inner.Message}); what was saved before is intact", inner)
{
    public string SessionId { get; } = sessionId;
}
