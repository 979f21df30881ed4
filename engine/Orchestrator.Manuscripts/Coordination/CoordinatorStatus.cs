namespace Orchestrator.Manuscripts.Coordination;

/// <summary>A moment's view of a coordinator: whether it is working, on which sessions, and how many wait.</summary>
public sealed record CoordinatorStatus(bool IsRunning, IReadOnlyList<string> RunningSessions, int Queued)
{
    /// <summary>The session being processed (the first, when several share the network), or null.</summary>
    public string? CurrentSession => RunningSessions.Count > 0 ? RunningSessions[0] : null;
}
