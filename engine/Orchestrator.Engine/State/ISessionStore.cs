using Orchestrator.Engine.Sessions;

namespace Orchestrator.Engine.State;

/// <summary>
/// Where sessions live: their state, event log, input copy, attachments (revised texts), leases and the index of
/// sessions by <see cref="SessionKey"/>. The engine and the domain use only this; the host chooses the store: the
/// file system (<see cref="SessionStore"/>, the embedded default) or memory (<see cref="MemorySessionStore"/>, tests).
/// </summary>
/// <remarks>
/// Writing assumes the caller holds the session's lease. Implementations are thread-safe. The calls that may touch
/// a remote store are asynchronous; listing and lease probes are synchronous because the CLI and status pages
/// call them in loops over many sessions and a store is expected to answer them from local metadata.
/// </remarks>
public interface ISessionStore
{
    /// <summary>
    /// Creates a session whole: its initial state and its input copy are durable, and its lease taken, before this
    /// returns, and no reader ever sees the session without its state. Throws <see cref="SessionLockedException"/>
    /// when a session of that id exists.
    /// </summary>
    ValueTask<ISessionLease> CreateAsync(SessionState initial, ReadOnlyMemory<byte> input, CancellationToken cancellationToken);

    bool Exists(string sessionId);

    /// <summary>Takes the lease of an existing session; throws <see cref="SessionLockedException"/> when another holder has it.</summary>
    ValueTask<ISessionLease> AcquireLeaseAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Whether a live holder drives the session now.</summary>
    bool IsHeld(string sessionId);

    /// <summary>
    /// The session's newest valid state and what loading had to work around; throws <see cref="SessionNotFoundException"/>
    /// or <see cref="SessionStateCorruptException"/>.
    /// </summary>
    ValueTask<SessionLoadResult> LoadStateAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>A journal that writes session loops' states, checkpoints and events into this store.</summary>
    ISessionJournal Journal();

    /// <summary>Appends one event now (outside a loop: warnings before a resume).</summary>
    void AppendEvent(SessionEvent e);

    /// <summary>The session's events in order, and the lines that had to be skipped.</summary>
    EventLogReadResult ReadEvents(string sessionId);

    /// <summary>The input as it was when the session was created; null when there is none.</summary>
    ValueTask<byte[]?> ReadInputAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Stores a named file of the session (e.g. <c>revisions/&lt;hash&gt;.md</c>) whole, replacing any earlier one.</summary>
    void WriteAttachment(string sessionId, string name, ReadOnlySpan<byte> content);

    /// <summary>A file stored with <see cref="WriteAttachment"/>; null when there is none.</summary>
    byte[]? ReadAttachment(string sessionId, string name);

    /// <summary>Every session, most recently updated first.</summary>
    IReadOnlyList<SessionSummary> List();

    /// <summary>The sessions stored under <paramref name="key"/>, most recently updated first, in time independent of how many sessions the store holds.</summary>
    IReadOnlyList<IndexedSession> Find(SessionKey key);
}
