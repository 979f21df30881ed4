using System.Diagnostics.Metrics;
using Orchestrator.Engine.Dataflow;
using Orchestrator.Server.Sessions;

namespace Orchestrator.Server.Telemetry;

/// <summary>
/// The server's instruments (meter <c>Orchestrator.Server</c>, exported at <c>/metrics</c> in Prometheus format):
/// sessions by state, queue length and wait, node durations, and finished runs. It observes node outcomes of
/// every pipeline network.
/// </summary>
public sealed class ServerMetrics : IExecutionObserver, IDisposable
{
    public const string MeterName = "Orchestrator.Server";

    private readonly Meter _meter = new(MeterName);
    private readonly Histogram<double> _queueWait;
    private readonly Histogram<double> _nodeDuration;
    private readonly Counter<long> _sessionsEnded;
    private double _typicalRunSeconds = 2;

    public ServerMetrics(IRunLoad load)
    {
        _queueWait = _meter.CreateHistogram<double>("orchestrator.queue.wait", "s", "Time a session waited in the queue");
        _nodeDuration = _meter.CreateHistogram<double>("orchestrator.node.duration", "s", "Duration of one node action");
        _sessionsEnded = _meter.CreateCounter<long>("orchestrator.sessions.ended", description: "Sessions that stopped, by final status");
        _meter.CreateObservableGauge("orchestrator.queue.length", () => load.Waiting, description: "Sessions waiting to run");
        _meter.CreateObservableGauge("orchestrator.sessions.running", () => load.Running, description: "Sessions running now");
    }

    /// <summary>A smoothed run time, for Retry-After.</summary>
    public double TypicalRunSeconds => Volatile.Read(ref _typicalRunSeconds);

    public void QueueWait(TimeSpan wait) => _queueWait.Record(wait.TotalSeconds);

    public void SessionEnded(string status, TimeSpan duration)
    {
        _sessionsEnded.Add(1, new KeyValuePair<string, object?>("status", status));
        Volatile.Write(ref _typicalRunSeconds, 0.8 * TypicalRunSeconds + 0.2 * duration.TotalSeconds);
    }

    void IExecutionObserver.ActionCompleted(ActionOutcome outcome) =>
        _nodeDuration.Record(outcome.Duration.TotalSeconds,
            new KeyValuePair<string, object?>("node", outcome.NodeId), new KeyValuePair<string, object?>("status", outcome.Status.ToString()));

    public void Dispose() => _meter.Dispose();
}
