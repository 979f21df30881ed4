using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Events;

/// <summary>
/// One running session's publisher: numbers each event (one after another, from the last number in the session's
/// log), hands the logged ones to the log (the journal: events.jsonl) and every one to the hub's subscribers. The
/// number and the log write are taken under one lock, so the log's order is the numbers' order; delivery to
/// subscribers never waits.
/// </summary>
public sealed class SessionEventStream : IDisposable
{
    private readonly Action<SessionEvent>? _log;
    private readonly SessionEventHub? _hub;
    private readonly Lock _gate = new();
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
            lock (_gate)
            {
                numbered = e with { Sequence = ++_sequence };
                _log?.Invoke(numbered);
            }
        }
        else
        {
            numbered = e with { Sequence = Interlocked.Read(ref _sequence) };
        }
        _hub?.Deliver(numbered);
        return numbered;
    }

    public void Dispose() => _hub?.Close(this);
}
