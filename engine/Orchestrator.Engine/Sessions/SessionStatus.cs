namespace Orchestrator.Engine.Sessions;

public enum SessionStatus
{
    Running,
    /// <summary>Every node succeeded.</summary>
    Completed,
    /// <summary>The run finished but some node failed, timed out, was invalid or skipped.</summary>
    CompletedWithErrors,
    /// <summary>Stopped by cancellation before every node had an outcome; resumable.</summary>
    Cancelled,
    /// <summary>Stopped by an error of the session itself, not of a node (a rule that threw or timed out, state that could not be saved).</summary>
    Failed,
}
