using System.Collections.Concurrent;
using System.Collections.Immutable;
using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Events;

/// <summary>
/// The live events of every session a host runs: any number of subscribers per session, and any number for all
/// sessions. Publishing never waits: each subscriber has a bounded buffer and a slow one loses events (and is told how
/// many), never slowing the engine. A session's events get their sequence number from its <see cref="SessionEventStream"/>,
/// which also hands the logged ones to the session's journal (events.jsonl) in the same order.
/// </summary>
/// <remarks>
/// As the dataflow network's observer it turns node starts and retries into live-only events of the session whose
/// stream is open. To replay a session's history and then follow it live, see <see cref="EventReplay"/>.
/// </remarks>
public sealed class SessionEventHub : IExecutionObserver
{
    /// <summary>Events a subscriber may fall behind by before it starts losing them.</summary>
    public const int DefaultCapacity = 4096;

    private readonly ConcurrentDictionary<string, ImmutableArray<EventSubscription>> _bySession = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SessionEventStream> _open = new(StringComparer.Ordinal);
    private ImmutableArray<EventSubscription> _all = [];

    /// <summary>
    /// Follows one session (<paramref name="sessionId"/>) or every session (null) from now on. When the session publishes
    /// through this hub at that moment, the subscription's <see cref="EventSubscription.JoinedAfter"/> tells the number of
    /// the last logged event published before it: every later one is offered to it.
    /// </summary>
    public EventSubscription Subscribe(string? sessionId, int capacity = DefaultCapacity)
    {
        var subscription = new EventSubscription(sessionId, capacity, Unsubscribe);
        if (sessionId is null)
        {
            ImmutableInterlocked.Update(ref _all, list => list.Add(subscription));
            return subscription;
        }
        _bySession.AddOrUpdate(sessionId, _ => [subscription], (_, list) => list.Add(subscription));
        // Read after joining: whatever the stream numbers from here on is offered to this subscription.
        if (_open.TryGetValue(sessionId, out var stream)) subscription.Join(stream.PublishedThrough(), stream.Closed);
        return subscription;
    }

    /// <summary>
    /// The stream a session publishes through while it runs: numbers events after <paramref name="lastSequence"/> (the
    /// last in its log) and writes the logged ones to <paramref name="log"/> (null: live only).
    /// </summary>
    public SessionEventStream Open(string sessionId, long lastSequence, Action<SessionEvent>? log)
    {
        var stream = new SessionEventStream(sessionId, lastSequence, log, this);
        _open[sessionId] = stream;
        return stream;
    }

    /// <summary>Whether a session publishes through this hub now.</summary>
    public bool IsOpen(string sessionId) => _open.ContainsKey(sessionId);

    internal void Close(SessionEventStream stream) => _open.TryRemove(new KeyValuePair<string, SessionEventStream>(stream.SessionId, stream));

    internal void Deliver(SessionEvent e)
    {
        var all = _all;
        foreach (var subscription in all) subscription.Offer(e);
        if (!_bySession.IsEmpty && _bySession.TryGetValue(e.Session, out var mine))
            foreach (var subscription in mine) subscription.Offer(e);
    }

    private void Unsubscribe(EventSubscription subscription)
    {
        if (subscription.SessionId is null)
        {
            ImmutableInterlocked.Update(ref _all, list => list.Remove(subscription));
            return;
        }
        while (_bySession.TryGetValue(subscription.SessionId, out var list))
        {
            var left = list.Remove(subscription);
            if (left.IsEmpty ? _bySession.TryRemove(new KeyValuePair<string, ImmutableArray<EventSubscription>>(subscription.SessionId, list))
                             : _bySession.TryUpdate(subscription.SessionId, left, list))
                return;
        }
    }

    void IExecutionObserver.ActionStarted(ActionRequest request, int attempt)
    {
        if (_open.TryGetValue(request.SessionId, out var stream))
            stream.Publish(new SessionEvent
            {
                Time = DateTimeOffset.UtcNow, Kind = SessionEventKind.NodeStarted, Session = request.SessionId,
                Node = request.NodeId, Iteration = request.Iteration, Attempt = attempt,
            });
    }

    void IExecutionObserver.ActionRetrying(ActionRequest request, int nextAttempt, TimeSpan delay, ActionError error)
    {
        if (_open.TryGetValue(request.SessionId, out var stream))
            stream.Publish(new SessionEvent
            {
                Time = DateTimeOffset.UtcNow, Kind = SessionEventKind.Retrying, Session = request.SessionId, Node = request.NodeId,
                Iteration = request.Iteration, Attempt = nextAttempt, DurationMs = delay.TotalMilliseconds, Details = $"{error.Type}: {error.Message}",
            });
    }
}
