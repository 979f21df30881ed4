using System.Text;
using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Events;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Sessions;
using Orchestrator.Engine.State;
using Orchestrator.Engine.Tests.Sessions;
using Orchestrator.Engine.Tests.State;

namespace Orchestrator.Engine.Tests.Events;

/// <summary>
/// The per-session event stream: ordered and numbered as events.jsonl holds them, delivered to every subscriber of
/// the session and to all-sessions subscribers, a slow subscriber told how many it missed without holding the session
/// up, and a late client given the history from the log then the live tail without a gap or a repeat.
/// </summary>
[TestFixture]
public sealed class SessionEventStreamTests
{
    private const string Subject = "It was a bright cold day in April, and the clocks were striking thirteen.";

    private static PipelineDefinition Pipeline(int delayMs) => new()
    {
        Name = "events",
        Settings = new PipelineSettings { MaxIterations = 2, QualityThreshold = 0.99, RetryBackoff = TimeSpan.FromMilliseconds(1), MaxRetriesPerAction = 1 },
        Nodes =
        [
            SlowNode.Define("load", SlowNode.OptionsText(0.9, delayMs)),
            SlowNode.Define("style", SlowNode.OptionsText(0.6, delayMs), "load"),
            SlowNode.Define("flaky", """{"fail":true,"delayMs":1}""", "load") with { Retries = 1 },
            SlowNode.Define("summary", SlowNode.OptionsText(0.7, delayMs), "style"),
        ],
    };

    private static async Task<SessionResult> RunAsync(SessionEventHub hub, ISessionStore store, string id, int delayMs)
    {
        var pipeline = Pipeline(delayMs);
        var registry = SlowNode.Registry();
        var state = SessionState.Start(id, "events", "sha256:pipeline", "(in memory)", ContentHash.OfText(Subject), null,
            pipeline.Nodes.Select(n => n.Id), DateTimeOffset.UtcNow);
        using var lease = await store.CreateAsync(state, Encoding.UTF8.GetBytes(Subject), CancellationToken.None);
        await using var network = DataflowNetwork.Compile(pipeline, registry, new NetworkOptions { Observer = hub });
        var journal = store.Journal();
        using var events = hub.Open(id, 0, journal.Append);
        return await new SessionLoop(network, registry).RunAsync(new SessionRun
        {
            State = state, Subject = new FixedSubject(Subject, ContentHash.OfText(Subject)), Journal = journal, Events = events,
        }, CancellationToken.None);
    }

    private static async Task<List<SessionEvent>> DrainAsync(EventSubscription subscription)
    {
        subscription.Dispose();
        var read = new List<SessionEvent>();
        await foreach (var e in subscription.ReadAllAsync()) read.Add(e);
        return read;
    }

    [Test]
    public async Task Every_subscriber_sees_the_session_in_order_numbered_as_its_log()
    {
        var hub = new SessionEventHub();
        var store = SessionStore.ForDataFolder(StateSamples.NewFolder());
        const string id = "events_20261101_120000_0001";
        var first = hub.Subscribe(id);
        var second = hub.Subscribe(id);
        var all = hub.Subscribe(null);
        var other = hub.Subscribe("events_20261101_120000_ffff");

        var result = await RunAsync(hub, store, id, delayMs: 2);
        var seen = await DrainAsync(first);

        Assert.That(result.Status, Is.EqualTo(SessionStatus.CompletedWithErrors), "flaky failed");
        var kinds = seen.Select(e => e.Kind).ToList();
        Assert.That(kinds[0], Is.EqualTo(SessionEventKind.Started));
        Assert.That(kinds[^1], Is.EqualTo(SessionEventKind.Stop));
        Assert.That(kinds, Does.Contain(SessionEventKind.NodeStarted).And.Contain(SessionEventKind.Retrying).And.Contain(SessionEventKind.Decision)
            .And.Contain(SessionEventKind.Outcome).And.Contain(SessionEventKind.Iteration).And.Contain(SessionEventKind.Checkpoint),
            string.Join(", ", kinds.Distinct()));
        var retry = seen.First(e => e.Kind == SessionEventKind.Retrying);
        Assert.That((retry.Node, retry.Attempt), Is.EqualTo(("flaky", 2)));
        var style = seen.First(e => e is { Kind: SessionEventKind.Outcome, Node: "style" });
        Assert.That(style.Score, Is.EqualTo(0.6));
        Assert.That(seen.First(e => e.Kind == SessionEventKind.Iteration).Quality, Is.Not.Null);

        var logged = seen.Where(e => e.IsLogged).Select(e => e.Sequence!.Value).ToList();
        Assert.That(logged, Is.EqualTo(Enumerable.Range(1, logged.Count).Select(n => (long)n)), "logged events numbered 1, 2, 3... in order");
        await store.Journal().FlushAsync();
        var log = store.ReadEvents(id).Events;
        Assert.That(log.Select(e => (e.Sequence, e.Kind)), Is.EqualTo(seen.Where(e => e.IsLogged).Select(e => (e.Sequence, e.Kind))), "events.jsonl holds the same, numbered the same");
        Assert.That((await DrainAsync(second)).Select(e => (e.Sequence, e.Kind)), Is.EqualTo(seen.Select(e => (e.Sequence, e.Kind))));
        Assert.That((await DrainAsync(all)).Select(e => (e.Sequence, e.Kind)), Is.EqualTo(seen.Select(e => (e.Sequence, e.Kind))));
        Assert.That(await DrainAsync(other), Is.Empty, "another session's subscriber hears nothing of this one");
    }

    [Test]
    public async Task A_subscriber_that_does_not_read_loses_events_is_told_how_many_and_does_not_hold_the_session_up()
    {
        var hub = new SessionEventHub();
        var store = new MemorySessionStore();
        const string id = "events_20261101_120000_0002";
        var slow = hub.Subscribe(id, capacity: 3);
        var full = hub.Subscribe(id);

        var result = await RunAsync(hub, store, id, delayMs: 1);
        var everything = await DrainAsync(full);
        var slowSeen = await DrainAsync(slow);

        Assert.That(result.Status, Is.EqualTo(SessionStatus.CompletedWithErrors));
        Assert.That(slow.Missed, Is.EqualTo(everything.Count - 3));
        Assert.That(slowSeen.Take(3).Select(e => e.Sequence), Is.EqualTo(everything.Take(3).Select(e => e.Sequence)), "the first three were buffered");
        Assert.That(slowSeen, Has.Count.EqualTo(4), "nothing more was buffered");
        Assert.That((slowSeen[3].Kind, slowSeen[3].Missed), Is.EqualTo((SessionEventKind.Missed, (long?)(everything.Count - 3))), "the loss is told where it happened");
    }

    [Test]
    public async Task A_missed_event_is_announced_where_the_events_were_lost()
    {
        var hub = new SessionEventHub();
        using var stream = hub.Open("s", 0, null);
        var subscription = hub.Subscribe("s", capacity: 2);
        for (var i = 0; i < 5; i++) stream.Publish(new SessionEvent { Time = DateTimeOffset.UnixEpoch, Kind = SessionEventKind.Warning, Session = "s", Details = $"#{i}" });
        var reader = subscription.ReadAllAsync().GetAsyncEnumerator();
        Assert.That(await reader.MoveNextAsync(), Is.True);
        Assert.That(reader.Current.Details, Is.EqualTo("#0"));
        Assert.That(await reader.MoveNextAsync(), Is.True);
        Assert.That(reader.Current.Details, Is.EqualTo("#1"));
        stream.Publish(new SessionEvent { Time = DateTimeOffset.UnixEpoch, Kind = SessionEventKind.Warning, Session = "s", Details = "#5" });
        Assert.That(await reader.MoveNextAsync(), Is.True);
        Assert.That((reader.Current.Kind, reader.Current.Missed), Is.EqualTo((SessionEventKind.Missed, (long?)3)), "#2 to #4 were lost, before #5");
        Assert.That(await reader.MoveNextAsync(), Is.True);
        Assert.That(reader.Current.Details, Is.EqualTo("#5"));
        subscription.Dispose();
        Assert.That(await reader.MoveNextAsync(), Is.False);
        await reader.DisposeAsync();
    }

    [Test]
    public async Task A_late_client_gets_the_history_from_the_log_then_the_live_tail_without_gap_or_repeat()
    {
        var hub = new SessionEventHub();
        var store = SessionStore.ForDataFolder(StateSamples.NewFolder());
        const string id = "events_20261101_120000_0003";
        var watcher = hub.Subscribe(id);
        var run = Task.Run(() => RunAsync(hub, store, id, delayMs: 40));
        // Join once the session has logged a few events.
        await foreach (var e in watcher.ReadAllAsync())
            if (e.Sequence >= 4) break;

        var followed = new List<SessionEvent>();
        await foreach (var e in EventReplay.FollowAsync(hub, store, id, fromSequence: 1))
            followed.Add(e);
        await run;
        watcher.Dispose();

        var logged = followed.Where(e => e.IsLogged).Select(e => e.Sequence!.Value).ToList();
        Assert.That(logged, Is.EqualTo(Enumerable.Range(1, logged.Count).Select(n => (long)n)), "every logged event once, in order");
        Assert.That(followed[^1].Kind, Is.EqualTo(SessionEventKind.Stop), "it follows until the session stops");
        Assert.That(followed, Has.None.Matches<SessionEvent>(e => e.Kind == SessionEventKind.Missed));

        var fromSeven = new List<long>();
        await foreach (var e in EventReplay.FollowAsync(hub, store, id, fromSequence: 7)) fromSeven.Add(e.Sequence!.Value);
        Assert.That(fromSeven, Is.EqualTo(Enumerable.Range(7, logged.Count - 6).Select(n => (long)n)), "a finished session replays from the number asked, then ends");
    }
}
