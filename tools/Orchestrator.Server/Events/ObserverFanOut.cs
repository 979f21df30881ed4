using Orchestrator.Engine.Dataflow;

namespace Orchestrator.Server.Events;

/// <summary>Hands each execution event to several observers (a network takes one).</summary>
public sealed class ObserverFanOut(params IExecutionObserver[] observers) : IExecutionObserver
{
    public void ActionStarted(ActionRequest request, int attempt)
    {
        foreach (var observer in observers) observer.ActionStarted(request, attempt);
    }

    public void ActionCompleted(ActionOutcome outcome)
    {
        foreach (var observer in observers) observer.ActionCompleted(outcome);
    }
}
