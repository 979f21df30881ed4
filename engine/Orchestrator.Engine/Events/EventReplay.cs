using System.Runtime.CompilerServices;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Events;

/// <summary>A session's whole history from its log, then its live tail: what a client that connects late needs.</summary>
public static class EventReplay
{
    // How often the log is read again while the journal (which writes behind) has not yet written what was published.
    private static readonly TimeSpan LogPoll = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// The session's events numbered <paramref name="fromSequence"/> and later: first those already in the store's log,
    /// then the live ones as they are published, without a gap or a repeat between the two (the live subscription starts
    /// before the log is read; live events the log already gave are skipped). Ends when the token is cancelled, or, when
    /// <paramref name="untilStopped"/> is set, after the session's Stop event, at the end of its log when it is not
    /// running, or once the run it joined has closed its stream (a run that ended without a Stop).
    /// </summary>
    /// <remarks>
    /// The journal writes the log behind the session, so events published just before the subscription may not be in
    /// the log yet, and no live event may follow them (the Stop is the last): the subscription tells how far the session
    /// had published when it began, and the log is read again until it holds that far. A session's stream closes only
    /// once its journal is flushed, so once it is closed the log holds all it ever will: what it lacks then is told by a
    /// Missed event, never waited for.
    /// </remarks>
    public static async IAsyncEnumerable<SessionEvent> FollowAsync(SessionEventHub hub, ISessionStore store, string sessionId,
        long fromSequence = 1, bool untilStopped = true, int capacity = SessionEventHub.DefaultCapacity,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var live = hub.Subscribe(sessionId, capacity);
        long last = fromSequence - 1;
        foreach (var e in Logged(store, sessionId, last, long.MaxValue))
        {
            last = e.Sequence!.Value;
            yield return e;
        }
        var closed = live.RunClosed;
        if (live.JoinedAfter is not { } joinedAfter || closed is null)
        {
            // Not running: the log is the whole story (or, not until stopped, whatever runs it later is followed).
            if (untilStopped) yield break;
        }
        else if (joinedAfter > last)
        {
            foreach (var e in await LogThroughAsync(closed, store, sessionId, last, joinedAfter + 1, cancellationToken).ConfigureAwait(false))
            {
                if (e.IsLogged) last = e.Sequence!.Value;
                yield return e;
                if (untilStopped && e.Kind == SessionEventKind.Stop) yield break;
            }
        }
        else if (untilStopped && last > 0 && last == joinedAfter && StoppedAt(store, sessionId, last))
        {
            // The session's last event (its Stop) was in the log already, and nothing will follow it live.
            yield break;
        }
        var tail = untilStopped && closed is not null ? live.ReadUntilRunClosedAsync(cancellationToken) : live.ReadAllAsync(cancellationToken);
        await foreach (var e in tail.ConfigureAwait(false))
        {
            if (e.Kind != SessionEventKind.Missed && e.IsLogged && e.Sequence <= last) continue;
            if (e.IsLogged && e.Sequence > last + 1)
            {
                // Lost by this subscriber (it fell behind, and was told by a Missed event): the log has them.
                foreach (var missing in await LogThroughAsync(closed, store, sessionId, last, e.Sequence!.Value, cancellationToken).ConfigureAwait(false))
                    yield return missing;
            }
            if (e.IsLogged && e.Sequence is { } n) last = n;
            yield return e;
            if (untilStopped && e.Kind == SessionEventKind.Stop) yield break;
        }
    }

    /// <summary>The logged events numbered after <paramref name="last"/> and before <paramref name="next"/>, in order.</summary>
    private static IEnumerable<SessionEvent> Logged(ISessionStore store, string sessionId, long last, long next)
    {
        var logged = store.ReadEvents(sessionId).Events;
        for (var i = 0; i < logged.Count; i++)
        {
            // A log written before sequences existed numbers its lines in order.
            var e = logged[i].Sequence is null ? logged[i] with { Sequence = i + 1 } : logged[i];
            if (e.Sequence > last && e.Sequence < next) yield return e;
        }
    }

    private static bool StoppedAt(ISessionStore store, string sessionId, long sequence) =>
        Logged(store, sessionId, sequence - 1, sequence + 1).Any(e => e.Kind == SessionEventKind.Stop);

    /// <summary>
    /// The logged events numbered after <paramref name="last"/> and before <paramref name="next"/>, read from the log as
    /// soon as the journal has written them; a Missed event for any the log still lacks once the run's stream is closed
    /// (<paramref name="closed"/>; null: no run is known, so the log is read once).
    /// </summary>
    private static async Task<IReadOnlyList<SessionEvent>> LogThroughAsync(Task? closed, ISessionStore store, string sessionId,
        long last, long next, CancellationToken ct)
    {
        while (true)
        {
            // Closed before the read: the journal was flushed before the stream closed, so this read is the last word.
            var final = closed?.IsCompleted ?? true;
            var found = Logged(store, sessionId, last, next).ToList();
            if (found.Count == next - last - 1) return found;
            if (final)
            {
                var lost = next - last - 1 - found.Count;
                found.Add(new SessionEvent
                {
                    Time = DateTimeOffset.UtcNow, Kind = SessionEventKind.Missed, Session = sessionId, Missed = lost,
                    Details = $"{lost} event(s) between {last} and {next} are not in the log",
                });
                return found;
            }
            await Task.WhenAny(closed!, Task.Delay(LogPoll, ct)).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
        }
    }
}
