namespace Orchestrator.Cluster.Sessions;

/// <summary>A post's Idempotency-Key was used before for another manuscript or pipeline (the session it made is <see cref="SessionId"/>).</summary>
public sealed class IdempotencyKeyReusedException(string key, string sessionId)
    : Exception($"Idempotency-Key '{key}' was used for another manuscript or pipeline (session {sessionId})")
{
    public string SessionId { get; } = sessionId;
}
