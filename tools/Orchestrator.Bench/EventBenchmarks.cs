using BenchmarkDotNet.Attributes;
using Orchestrator.Engine.Events;
using Orchestrator.Engine.State;

namespace Orchestrator.Bench;

/// <summary>
/// What publishing one event costs the engine: numbering it and offering it to every subscriber's bounded buffer
/// (readers drain them on other threads, as an SSE client or the CLI's progress lines do). A live event (node started)
/// and a logged one (an outcome, numbered under the stream's lock; the log itself is left out: it only enqueues).
/// </summary>
[MemoryDiagnoser]
public class EventBenchmarks
{
    private static readonly SessionEvent Live = new() { Time = DateTimeOffset.UnixEpoch, Kind = SessionEventKind.NodeStarted, Session = "bench", Node = "style", Attempt = 1 };
    private static readonly SessionEvent Logged = new() { Time = DateTimeOffset.UnixEpoch, Kind = SessionEventKind.Outcome, Session = "bench", Node = "style", Status = "Succeeded", Score = 0.8 };

    private SessionEventHub _hub = null!;
    private SessionEventStream _stream = null!;
    private readonly List<EventSubscription> _subscriptions = [];
    private readonly List<Task> _readers = [];

    [Params(0, 10)]
    public int Subscribers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _hub = new SessionEventHub();
        _stream = _hub.Open("bench", 0, null);
        for (var i = 0; i < Subscribers; i++)
        {
            // Half follow the session, half every session: both lists are walked.
            var subscription = _hub.Subscribe(i % 2 == 0 ? "bench" : null);
            _subscriptions.Add(subscription);
            _readers.Add(Task.Run(async () => { await foreach (var _ in subscription.ReadAllAsync()) { } }));
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        foreach (var subscription in _subscriptions) subscription.Dispose();
        await Task.WhenAll(_readers);
        _stream.Dispose();
    }

    [Benchmark]
    public SessionEvent PublishLive() => _stream.Publish(Live);

    [Benchmark]
    public SessionEvent PublishLogged() => _stream.Publish(Logged);
}
