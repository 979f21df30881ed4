using System.Collections.Concurrent;
using Orchestrator.Engine.Sessions;

namespace Orchestrator.Engine.State;

/// <summary>
/// A session store in memory: nothing survives the process. For tests and for hosts that want sessions without a
/// disk; it shows the engine needs nothing of the file store. States, events, inputs and attachments are kept as
/// handed over (states are immutable); a lease is held by one holder until it is disposed.
/// </summary>
public sealed class MemorySessionStore : ISessionStore
{
    private readonly ConcurrentDictionary<string, Entry> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, IndexedSession>> _index = new(StringComparer.Ordinal);

    private sealed class Entry(SessionState state, byte[] input)
    {
        public readonly Lock Gate = new();
        public SessionState State = state;
        public SessionState? Checkpoint;
        public string? IndexedDigest;
        public readonly List<SessionEvent> Events = [];
        public readonly byte[] Input = input;
        public readonly ConcurrentDictionary<string, byte[]> Attachments = new(StringComparer.Ordinal);
        public Lease? Holder;
    }

    private sealed class Lease(Entry entry) : ISessionLease
    {
        private readonly CancellationTokenSource _lost = new();

        public CancellationToken Lost => _lost.Token;
        public string? TakeoverNote => null;

        public void Dispose()
        {
            lock (entry.Gate)
                if (ReferenceEquals(entry.Holder, this)) entry.Holder = null;
        }
    }

    /// <summary>How many states were written, over every session (tests compare it with the outcomes).</summary>
    public int Saves => Volatile.Read(ref _saves);
    private int _saves;

    public ValueTask<ISessionLease> CreateAsync(SessionState initial, ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(initial);
        initial.EnsureValid();
        var entry = new Entry(initial, input.ToArray());
        var lease = new Lease(entry);
        entry.Holder = lease;
        if (!_sessions.TryAdd(initial.SessionId, entry))
            throw new SessionIdTakenException(initial.SessionId);
        Index(entry, initial);
        return ValueTask.FromResult<ISessionLease>(lease);
    }

    public bool Exists(string sessionId) => _sessions.ContainsKey(sessionId);

    public ValueTask<ISessionLease> AcquireLeaseAsync(string sessionId, CancellationToken cancellationToken)
    {
        var entry = Get(sessionId);
        lock (entry.Gate)
        {
            if (entry.Holder is not null)
                throw new SessionLockedException(sessionId, new LeaseInspection(LeaseStatus.Held, null, "held by another session run of this process"));
            var lease = new Lease(entry);
            entry.Holder = lease;
            return ValueTask.FromResult<ISessionLease>(lease);
        }
    }

    public bool IsHeld(string sessionId) => _sessions.TryGetValue(sessionId, out var entry) && entry.Holder is not null;

    public ValueTask<SessionLoadResult> LoadStateAsync(string sessionId, CancellationToken cancellationToken)
    {
        var entry = Get(sessionId);
        lock (entry.Gate) return ValueTask.FromResult(new SessionLoadResult(entry.State, StateSource.SessionJson, null, []));
    }

    public ISessionJournal Journal() => new MemoryJournal(this);

    public void AppendEvent(SessionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var entry = Get(e.Session);
        lock (entry.Gate) entry.Events.Add(e);
    }

    public EventLogReadResult ReadEvents(string sessionId)
    {
        if (!_sessions.TryGetValue(sessionId, out var entry)) return new EventLogReadResult([], []);
        lock (entry.Gate) return new EventLogReadResult(entry.Events.ToArray(), []);
    }

    public ValueTask<byte[]?> ReadInputAsync(string sessionId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<byte[]?>(Get(sessionId).Input);

    public void WriteAttachment(string sessionId, string name, ReadOnlySpan<byte> content) =>
        Get(sessionId).Attachments[name] = content.ToArray();

    public byte[]? ReadAttachment(string sessionId, string name) =>
        _sessions.TryGetValue(sessionId, out var entry) && entry.Attachments.TryGetValue(name, out var bytes) ? bytes : null;

    public IReadOnlyList<SessionSummary> List() => _sessions.Values
        .Select(e =>
        {
            lock (e.Gate) return e.State;
        })
        .Select(s => new SessionSummary(s.SessionId, s.Status, s.InputPath, s.PipelineName, s.Iteration,
            s.QualityHistory.Count > 0 ? s.QualityHistory[^1] : null, s.CreatedAt, s.UpdatedAt, s.StopReason, null))
        .OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Id, StringComparer.Ordinal)
        .ToArray();

    public IReadOnlyList<IndexedSession> Find(SessionKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _index.TryGetValue(key.Digest, out var sessions)
            ? sessions.Values.OrderByDescending(s => s.UpdatedAt).ToArray()
            : [];
    }

    /// <summary>The last checkpoint written of the session; null before its first.</summary>
    public SessionState? LastCheckpoint(string sessionId)
    {
        var entry = Get(sessionId);
        lock (entry.Gate) return entry.Checkpoint;
    }

    private void Save(SessionState state)
    {
        state.EnsureValid();
        var entry = Get(state.SessionId);
        lock (entry.Gate) entry.State = state;
        Interlocked.Increment(ref _saves);
        Index(entry, state);
    }

    private void Index(Entry entry, SessionState state)
    {
        var digest = SessionKey.Of(state).Digest;
        lock (entry.Gate)
        {
            if (entry.IndexedDigest is { } old && old != digest && _index.TryGetValue(old, out var before))
                before.TryRemove(state.SessionId, out _);
            entry.IndexedDigest = digest;
        }
        _index.GetOrAdd(digest, _ => new ConcurrentDictionary<string, IndexedSession>(StringComparer.Ordinal))[state.SessionId] =
            new IndexedSession(state.SessionId, state.Status, state.InputPath, state.UpdatedAt);
    }

    private Entry Get(string sessionId) =>
        _sessions.TryGetValue(sessionId, out var entry) ? entry : throw new SessionNotFoundException(sessionId, "memory");

    /// <summary>Writes on the caller's thread: memory is as fast as handing over.</summary>
    private sealed class MemoryJournal(MemorySessionStore store) : ISessionJournal
    {
        public void Save(SessionState state) => store.Save(state);

        public void Checkpoint(SessionState state)
        {
            var entry = store.Get(state.SessionId);
            lock (entry.Gate) entry.Checkpoint = state;
        }

        public void Append(SessionEvent e) => store.AppendEvent(e);
    }
}
