namespace Orchestrator.Engine.Dataflow;

/// <summary>Two observers heard as one (a host's own, and its event hub), first then second.</summary>
public sealed class ObserverPair(IExecutionObserver first, IExecutionObserver second) : IExecutionObserver
{
    public static IExecutionObserver? Of(IExecutionObserver? first, IExecutionObserver? second) =>
        first is null ? second : second is null ? first : new ObserverPair(first, second);

    public void ActionStarted(ActionRequest request, int attempt)
    {
        first.ActionStarted(request, attempt);
        second.ActionStarted(request, attempt);
    }

    public void ActionRetrying(ActionRequest request, int nextAttempt, TimeSpan delay, ActionError error)
    {
        first.ActionRetrying(request, nextAttempt, delay, error);
        second.ActionRetrying(request, nextAttempt, delay, error);
    }

    public void ActionCompleted(ActionOutcome outcome)
    {
        first.ActionCompleted(outcome);
        second.ActionCompleted(outcome);
    }
}
