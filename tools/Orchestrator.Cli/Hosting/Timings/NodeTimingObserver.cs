using System.Collections.Concurrent;
using System.Diagnostics;
using Orchestrator.Engine.Dataflow;

namespace Orchestrator.Cli.Hosting.Timings;

/// <summary>Records each node's attempt, from start to outcome, as a <c>--timings</c> phase.</summary>
public sealed class NodeTimingObserver(PhaseTimings timings) : IExecutionObserver
{
    private readonly ConcurrentDictionary<(string Session, string Node, int Iteration), long> _started = new();

    public void ActionStarted(ActionRequest request, int attempt) => _started[(request.SessionId, request.NodeId, request.Iteration)] = Stopwatch.GetTimestamp();

    public void ActionCompleted(ActionOutcome outcome)
    {
        if (!_started.TryRemove((outcome.SessionId, outcome.NodeId, outcome.Iteration), out var start)) return;
        var name = outcome.Iteration > 1 ? $"node {outcome.NodeId} (iteration {outcome.Iteration})" : $"node {outcome.NodeId}";
        timings.Add(name, start, Stopwatch.GetTimestamp());
    }
}
