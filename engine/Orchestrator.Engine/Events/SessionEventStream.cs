using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Events;

/// <summary>
/// One running session's publisher: numbers each event (one after another, from the last number in the session's
/// log), hands the logged ones to the log (the journal: events.jsonl) and every one to the hub's subscribers. The
/// number, the log write and the delivery of a logged event are taken under one lock, so the log's order and every
/// subscriber's order are the numbers' order; delivery to subscribers never waits.
/// </summary>
public sealed class SessionEventStream : IDisposable
{
    private readonly Action<SessionEvent>? _log;
    private readonly SessionEventHub? _hub;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sequence;

    internal SessionEventStream(string sessionId, long lastSequence, Action<SessionEvent>? log, SessionEventHub? hub)
    {
        SessionId = sessionId;
        _sequence = lastSequence;
        _log = log;
        _hub = hub;
    }

    /// <summary>A stream without subscribers: numbers events and writes them to <paramref name="log"/> only.</summary>
    public static SessionEventStream LogOnly(string sessionId, long lastSequence, Action<SessionEvent>? log) => new(sessionId, lastSequence, log, null);

    public string SessionId { get; }

    /// <summary>The number of the last logged event.</summary>
    public long LastSequence => Interlocked.Read(ref _sequence);

    /// <summary>Numbers <paramref name="e"/>, logs it when it is a logged kind, and offers it to the subscribers; returns it numbered.</summary>
    public SessionEvent Publish(SessionEvent e)
    {
        SessionEvent numbered;
        if (e.IsLogged)
        {
            // Offered under the lock too (offering never waits): every subscriber gets the logged events in their
            // numbers' order, and one that joined before PublishedThrough gets every event numbered after it.
            lock (_gate)
            {
                numbered = e with { Sequence = ++_sequence };
                _log?.Invoke(numbered);
                _hub?.Deliver(numbered);
            }
            return numbered;
        }
        numbered = e with { Sequence = Interlocked.Read(ref _sequence) };
        _hub?.Deliver(numbered);
        return numbered;
    }

    /// <summary>
    /// The number of the last logged event, read under the publishing lock: a subscriber added before this call is
    /// offered every logged event numbered after it.
    /// </summary>
    internal long PublishedThrough()
    {
        lock (_gate) return _sequence;
    }

    /// <summary>Completes when the stream is disposed: after its last event was offered, so a subscriber's buffer then holds all it will get of this run.</summary>
    internal Task Closed => _closed.Task;

    public void Dispose()
    {
        _hub?.Close(this);
        _closed.TrySetResult();
    }
}
