using System.Runtime.CompilerServices;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Events;

/// <summary>A session's whole history from its log, then its live tail: what a client that connects late needs.</summary>
public static class EventReplay
{
    /// <summary>
    /// The session's events numbered <paramref name="fromSequence"/> and later: first those already in the store's log,
    /// then the live ones as they are published, without a gap or a repeat between the two (the live subscription starts
    /// before the log is read; live events the log already gave are skipped). Ends when the token is cancelled, or, when
    /// <paramref name="untilStopped"/> is set, after the session's Stop event.
    /// </summary>
    public static async IAsyncEnumerable<SessionEvent> FollowAsync(SessionEventHub hub, ISessionStore store, string sessionId,
        long fromSequence = 1, bool untilStopped = true, int capacity = SessionEventHub.DefaultCapacity,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var live = hub.Subscribe(sessionId, capacity);
        var running = hub.IsOpen(sessionId);
        long last = fromSequence - 1;
        var logged = store.ReadEvents(sessionId).Events;
        for (var i = 0; i < logged.Count; i++)
        {
            // A log written before sequences existed numbers its lines in order.
            var e = logged[i].Sequence is null ? logged[i] with { Sequence = i + 1 } : logged[i];
            if (e.Sequence <= last) continue;
            last = e.Sequence!.Value;
            yield return e;
            if (untilStopped && !running && e.Kind == SessionEventKind.Stop && i == logged.Count - 1) yield break;
        }
        if (untilStopped && !running) yield break;
        await foreach (var e in live.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (e.Kind != SessionEventKind.Missed && e.IsLogged && e.Sequence <= last) continue;
            if (e.IsLogged && e.Sequence > last + 1)
            {
                // Published before this subscription began but not yet in the log when it was read (the journal writes
                // behind): read the log again for the gap.
                foreach (var missing in await GapAsync(store, sessionId, last, e.Sequence!.Value, cancellationToken).ConfigureAwait(false))
                    yield return missing;
            }
            if (e.IsLogged && e.Sequence is { } n) last = n;
            yield return e;
            if (untilStopped && e.Kind == SessionEventKind.Stop) yield break;
        }
    }

    /// <summary>The logged events numbered after <paramref name="last"/> and before <paramref name="next"/>; a Missed event for any the log does not hold within a second.</summary>
    private static async Task<IReadOnlyList<SessionEvent>> GapAsync(ISessionStore store, string sessionId, long last, long next, CancellationToken ct)
    {
        List<SessionEvent> found = [];
        for (var attempt = 0; attempt < 50; attempt++)
        {
            found = store.ReadEvents(sessionId).Events.Where(e => e.Sequence > last && e.Sequence < next).ToList();
            if (found.Count == next - last - 1) return found;
            await Task.Delay(20, ct).ConfigureAwait(false);
        }
        var lost = next - last - 1 - found.Count;
        found.Add(new SessionEvent
        {
            Time = DateTimeOffset.UtcNow, Kind = SessionEventKind.Missed, Session = sessionId, Missed = lost,
            Details = $"{lost} event(s) between {last} and {next} are not in the log",
        });
        return found;
    }
}
