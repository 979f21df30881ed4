using System.Diagnostics;
using Orchestrator.Engine.Sessions;
using Orchestrator.Engine.State;

namespace Orchestrator.Cli.Hosting.Timings;

/// <summary>
/// A session store that sums, for <c>--timings</c>, the time a run spends in it: creating the session (lease, input copy,
/// first state), finding an earlier session, and the journal's calls (states, snapshots, events: written behind, so a
/// call is mostly a hand-over) and its flushes (waiting for the writes). Everything else is passed through.
/// </summary>
public sealed class TimedSessionStore(ISessionStore inner) : ISessionStore
{
    private readonly Total _create = new("session create (lease, input copy, state)");
    private readonly Total _find = new("earlier session lookup");
    private readonly Total _journal = new("journal and snapshots: hand-over");
    private readonly Total _flush = new("journal and snapshots: flush wait");

    /// <summary>Adds the sums to <paramref name="timings"/>.</summary>
    public void Report(PhaseTimings timings)
    {
        foreach (var total in (Total[])[_create, _find, _journal, _flush]) total.Report(timings);
    }

    public async ValueTask<ISessionLease> CreateAsync(SessionState initial, ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try { return await inner.CreateAsync(initial, input, cancellationToken).ConfigureAwait(false); }
        finally { _create.Add(start); }
    }

    public IReadOnlyList<IndexedSession> Find(SessionKey key)
    {
        var start = Stopwatch.GetTimestamp();
        try { return inner.Find(key); }
        finally { _find.Add(start); }
    }

    public ISessionJournal Journal() => new TimedJournal(inner.Journal(), _journal, _flush);

    public bool Exists(string sessionId) => inner.Exists(sessionId);
    public ValueTask<ISessionLease> AcquireLeaseAsync(string sessionId, CancellationToken cancellationToken) => inner.AcquireLeaseAsync(sessionId, cancellationToken);
    public bool IsHeld(string sessionId) => inner.IsHeld(sessionId);
    public ValueTask<SessionLoadResult> LoadStateAsync(string sessionId, CancellationToken cancellationToken) => inner.LoadStateAsync(sessionId, cancellationToken);
    public void AppendEvent(SessionEvent e) => inner.AppendEvent(e);
    public EventLogReadResult ReadEvents(string sessionId) => inner.ReadEvents(sessionId);
    public ValueTask<byte[]?> ReadInputAsync(string sessionId, CancellationToken cancellationToken) => inner.ReadInputAsync(sessionId, cancellationToken);
    public void WriteAttachment(string sessionId, string name, ReadOnlySpan<byte> content) => inner.WriteAttachment(sessionId, name, content);
    public byte[]? ReadAttachment(string sessionId, string name) => inner.ReadAttachment(sessionId, name);
    public IReadOnlyList<SessionSummary> List() => inner.List();

    private sealed class TimedJournal(ISessionJournal inner, Total calls, Total flushes) : ISessionJournal
    {
        public void Save(SessionState state)
        {
            var start = Stopwatch.GetTimestamp();
            try { inner.Save(state); }
            finally { calls.Add(start); }
        }

        public void Checkpoint(SessionState state)
        {
            var start = Stopwatch.GetTimestamp();
            try { inner.Checkpoint(state); }
            finally { calls.Add(start); }
        }

        public void Append(SessionEvent e)
        {
            var start = Stopwatch.GetTimestamp();
            try { inner.Append(e); }
            finally { calls.Add(start); }
        }

        public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
        {
            var start = Stopwatch.GetTimestamp();
            try { await inner.FlushAsync(cancellationToken).ConfigureAwait(false); }
            finally { flushes.Add(start); }
        }
    }

    /// <summary>A thread-safe sum of call durations, with the first call's start.</summary>
    private sealed class Total(string name)
    {
        private readonly Lock _lock = new();
        private long _first;
        private TimeSpan _sum;
        private int _count;

        public void Add(long start)
        {
            var took = Stopwatch.GetElapsedTime(start);
            lock (_lock)
            {
                if (_count++ == 0) _first = start;
                _sum += took;
            }
        }

        public void Report(PhaseTimings timings)
        {
            lock (_lock) timings.AddTotal(name, _first, _sum, _count);
        }
    }
}
