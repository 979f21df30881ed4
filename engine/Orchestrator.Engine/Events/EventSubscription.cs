using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Events;

/// <summary>
/// One subscriber's view of the events of one session (or of all): a bounded buffer the publisher writes into
/// without ever waiting. When the buffer is full the newest event is dropped and counted; the reader is handed a
/// <see cref="SessionEventKind.Missed"/> event saying how many it lost, where they were lost: after the events it had
/// buffered, before the next one it gets (or at the end).
/// </summary>
public sealed class EventSubscription : IDisposable
{
    private readonly Channel<SessionEvent> _buffer;
    private readonly Action<EventSubscription> _unsubscribe;
    private readonly Lock _gate = new();
    private long _missed;
    private long _gap;

    internal EventSubscription(string? sessionId, int capacity, Action<EventSubscription> unsubscribe)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        SessionId = sessionId;
        _unsubscribe = unsubscribe;
        _buffer = Channel.CreateBounded<SessionEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // never waited on: TryWrite fails instead, and the loss is counted
            SingleReader = true,
            SingleWriter = false,
        });
    }

    /// <summary>The session it follows; null: every session.</summary>
    public string? SessionId { get; }

    /// <summary>
    /// The number of the last logged event the session's open stream had published when this subscription began (every
    /// later one is offered to it, in order); null when the session published through no stream of the hub then.
    /// </summary>
    public long? JoinedAfter { get; private set; }

    /// <summary>Completes when the run this subscription joined (see <see cref="JoinedAfter"/>) closes its stream; null when it joined none.</summary>
    internal Task? RunClosed { get; private set; }

    internal void Join(long publishedThrough, Task runClosed)
    {
        JoinedAfter = publishedThrough;
        RunClosed = runClosed;
    }

    /// <summary>Events dropped so far because the reader fell behind.</summary>
    public long Missed => Interlocked.Read(ref _missed);

    internal void Offer(SessionEvent e)
    {
        lock (_gate)
        {
            // A gap is announced in its place: the marker goes in before the next event that fits.
            if (_gap > 0 && _buffer.Writer.TryWrite(MissedEvent(e.Time, e.Session, _gap))) _gap = 0;
            if (_gap > 0 || !_buffer.Writer.TryWrite(e))
            {
                _gap++;
                Interlocked.Increment(ref _missed);
            }
        }
    }

    private SessionEvent MissedEvent(DateTimeOffset time, string session, long count) => new()
    {
        Time = time, Kind = SessionEventKind.Missed, Session = SessionId ?? session, Missed = count,
        Details = $"{count} event(s) dropped: this subscriber fell behind",
    };

    /// <summary>The events in publication order until <see cref="Dispose"/> (or the token); a gap is announced by a Missed event.</summary>
    public async IAsyncEnumerable<SessionEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await _buffer.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            while (_buffer.Reader.TryRead(out var e))
                yield return e;
        long gap;
        lock (_gate) gap = _gap;
        if (gap > 0) yield return MissedEvent(DateTimeOffset.UtcNow, SessionId ?? "", gap);
    }

    /// <summary>
    /// The events in publication order until the run this subscription joined closes its stream (then what it buffered
    /// is read, and the reading ends), until <see cref="Dispose"/>, or the token; a gap is announced by a Missed event.
    /// </summary>
    internal async IAsyncEnumerable<SessionEvent> ReadUntilRunClosedAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var closed = RunClosed ?? throw new InvalidOperationException("this subscription joined no run");
        var reader = _buffer.Reader;
        while (true)
        {
            // Closed is read before the buffer: every event of the run was offered before it closed, so this drain gets the last.
            var ended = closed.IsCompleted;
            while (reader.TryRead(out var e)) yield return e;
            if (ended) break;
            var more = reader.WaitToReadAsync(cancellationToken).AsTask();
            if (await Task.WhenAny(more, closed).ConfigureAwait(false) == more && !await more.ConfigureAwait(false)) break;
        }
        long gap;
        lock (_gate) gap = _gap;
        if (gap > 0) yield return MissedEvent(DateTimeOffset.UtcNow, SessionId ?? "", gap);
    }

    /// <summary>Stops the subscription: nothing more is buffered; what is buffered can still be read.</summary>
    public void Dispose()
    {
        _unsubscribe(this);
        lock (_gate) _buffer.Writer.TryComplete();
    }
}
