using Orchestrator.Engine.Events;
using Orchestrator.Engine.State;
using Orchestrator.Engine.Tests.State;

namespace Orchestrator.Engine.Tests.Events;

/// <summary>
/// A client that joins while the journal (which writes behind the session) has not yet written what was published:
/// <see cref="EventReplay.FollowAsync"/> still gives every logged event once, in order, then ends at the Stop, even when
/// no live event follows (the Stop is the session's last); a stream that closes with events its log never got tells how
/// many with a Missed event instead of waiting for them. Subscribers see the logged events in their numbers' order
/// whatever thread publishes them.
/// </summary>
[TestFixture]
public sealed class EventReplayCatchUpTests
{
    private const string Id = "replay_20261205_120000_0001";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private static SessionEvent Event(SessionEventKind kind, string? node = null) => new()
    {
        Time = DateTimeOffset.UnixEpoch, Kind = kind, Session = Id, Node = node, Status = kind == SessionEventKind.Stop ? "Completed" : null,
    };

    [Test]
    public async Task A_client_joining_after_the_last_events_were_published_but_before_they_were_written_gets_them_and_the_end()
    {
        var hub = new SessionEventHub();
        var store = SessionStore.ForDataFolder(StateSamples.NewFolder());
        var held = new List<SessionEvent>();
        using var stream = hub.Open(Id, 0, held.Add); // the journal's writer has not run yet
        stream.Publish(Event(SessionEventKind.Started));
        store.AppendEvent(held[0]); // the first is written ...
        stream.Publish(Event(SessionEventKind.Outcome, "consistency"));
        stream.Publish(Event(SessionEventKind.Outcome, "recommendations"));
        stream.Publish(Event(SessionEventKind.Stop)); // ... the last three are published, not yet written, and nothing follows

        var events = EventReplay.FollowAsync(hub, store, Id).GetAsyncEnumerator();
        Assert.That(await events.MoveNextAsync(), Is.True);
        Assert.That(events.Current.Sequence, Is.EqualTo(1), "the log's history first");
        var next = events.MoveNextAsync().AsTask();
        Assert.That(next.IsCompleted, Is.False, "it waits for the log: the next events are published but not written");

        store.AppendEvents(held.Skip(1).ToArray()); // the journal catches up
        var rest = new List<SessionEvent>();
        while (await next.WaitAsync(Limit))
        {
            rest.Add(events.Current);
            next = events.MoveNextAsync().AsTask();
        }
        await events.DisposeAsync();

        Assert.That(rest.Select(e => (e.Sequence, e.Kind, e.Node)), Is.EqualTo(new (long?, SessionEventKind, string?)[]
        {
            (2, SessionEventKind.Outcome, "consistency"), (3, SessionEventKind.Outcome, "recommendations"), (4, SessionEventKind.Stop, null),
        }), "every event once, in order, ending at the Stop though the stream is still open");
    }

    [Test]
    public async Task A_client_joining_when_the_stop_is_already_in_the_log_ends_with_it_while_the_stream_is_still_open()
    {
        var hub = new SessionEventHub();
        var store = SessionStore.ForDataFolder(StateSamples.NewFolder());
        using var stream = hub.Open(Id, 0, store.AppendEvent);
        stream.Publish(Event(SessionEventKind.Started));
        stream.Publish(Event(SessionEventKind.Stop));

        var followed = new List<long?>();
        await foreach (var e in EventReplay.FollowAsync(hub, store, Id).WithCancellation(new CancellationTokenSource(Limit).Token))
            followed.Add(e.Sequence);
        Assert.That(followed, Is.EqualTo(new long?[] { 1, 2 }));
    }

    [Test]
    public async Task A_stream_that_closes_with_events_its_log_never_got_tells_how_many_instead_of_waiting()
    {
        var hub = new SessionEventHub();
        var store = SessionStore.ForDataFolder(StateSamples.NewFolder());
        var held = new List<SessionEvent>();
        var stream = hub.Open(Id, 0, held.Add);
        stream.Publish(Event(SessionEventKind.Started));
        store.AppendEvent(held[0]);
        stream.Publish(Event(SessionEventKind.Outcome, "style")); // its write fails: never in the log

        var events = EventReplay.FollowAsync(hub, store, Id).GetAsyncEnumerator();
        Assert.That(await events.MoveNextAsync(), Is.True);
        var next = events.MoveNextAsync().AsTask();
        stream.Dispose(); // the run ends (its journal flushed, as far as it could)

        Assert.That(await next.WaitAsync(Limit), Is.True);
        Assert.That((events.Current.Kind, events.Current.Missed), Is.EqualTo((SessionEventKind.Missed, (long?)1)));
        Assert.That(await events.MoveNextAsync().AsTask().WaitAsync(Limit), Is.False, "nothing more comes from a closed stream");
        await events.DisposeAsync();
    }

    [Test]
    public async Task Subscribers_get_the_logged_events_in_their_numbers_order_whatever_thread_publishes_them()
    {
        const int threads = 4, each = 2000;
        var hub = new SessionEventHub();
        using var stream = hub.Open(Id, 0, null);
        using var subscription = hub.Subscribe(Id, capacity: threads * each);
        using var start = new Barrier(threads);
        await Task.WhenAll(Enumerable.Range(0, threads).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < each; i++) stream.Publish(Event(SessionEventKind.Outcome, "n"));
        })));
        subscription.Dispose();
        var seen = new List<long>();
        await foreach (var e in subscription.ReadAllAsync()) seen.Add(e.Sequence!.Value);
        Assert.That(seen, Is.EqualTo(Enumerable.Range(1, threads * each).Select(n => (long)n)));
    }
}
