namespace Orchestrator.Engine.Dataflow;

/// <summary>
/// Hears about actions as they start and end (progress display, live status). Called from the
/// threads that run actions, so implementations must be thread-safe and quick.
/// </summary>
public interface IExecutionObserver
{
    void ActionStarted(ActionRequest request, int attempt) { }

    /// <summary>An attempt failed and <paramref name="nextAttempt"/> starts after <paramref name="delay"/>.</summary>
    void ActionRetrying(ActionRequest request, int nextAttempt, TimeSpan delay, ActionError error) { }
    void ActionCompleted(ActionOutcome outcome) { }
}
