namespace Orchestrator.Manuscripts.Coordination;

/// <summary>A session cannot be resumed as it is: its input or its pipeline (file or rules) changed since it began.</summary>
public sealed class SessionChangedException(string sessionId, IReadOnlyList<string> changes)
    : Exception($"session {sessionId} cannot be resumed: {string.Join("; ", changes)}. Resume with --force to go on anyway (what changed runs again), or start a new run")
{
    public string SessionId { get; } = sessionId;
    public IReadOnlyList<string> Changes { get; } = changes;
}
