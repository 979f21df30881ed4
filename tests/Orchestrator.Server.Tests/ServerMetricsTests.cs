using System.Diagnostics.Metrics;
using Orchestrator.Server.Sessions;
using Orchestrator.Server.Telemetry;

namespace Orchestrator.Server.Tests;

public sealed class ServerMetricsTests
{
    private sealed class FixedLoad(int running, int waiting) : IRunLoad
    {
        public int Running => running;
        public int Waiting => waiting;
        public string? NotReadyBecause => null;
    }

    [Test]
    public void The_queue_gauges_read_the_run_load_the_host_registered()
    {
        // A silo registers its own IRunLoad; the gauges must read it, not the server's local queue.
        using var metrics = new ServerMetrics(new FixedLoad(running: 3, waiting: 5));
        var seen = new List<(string Instrument, int Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ServerMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            lock (seen) seen.Add((instrument.Name, value));
        });
        listener.Start();
        listener.RecordObservableInstruments();

        // Other servers of this test process may publish the same instruments (with their own loads): 3 and 5 are this one's.
        Assert.That(seen, Does.Contain(("orchestrator.sessions.running", 3)));
        Assert.That(seen, Does.Contain(("orchestrator.queue.length", 5)));
    }

    [Test]
    public void The_local_queue_is_not_ready_when_full()
    {
        var queue = new RunQueue(maxRunning: 1, maxQueued: 1);
        IRunLoad load = queue;
        Assert.That(load.NotReadyBecause, Is.Null);
        Assert.That(queue.TryEnqueue("novel_20260101_000000_0001"), Is.True);
        Assert.That((load.Running, load.Waiting), Is.EqualTo((0, 1)));
        Assert.That(load.NotReadyBecause, Is.EqualTo("the queue is full (1 waiting)"));
    }
}
