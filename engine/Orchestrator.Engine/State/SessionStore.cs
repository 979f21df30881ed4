using Orchestrator.Engine.Sessions;
using System.Text.Json;
using Orchestrator.Engine.Files;

namespace Orchestrator.Engine.State;

/// <summary>Settings of <see cref="SessionStore"/>.</summary>
public sealed record SessionStoreOptions
{
    public static SessionStoreOptions Default { get; } = new();

    /// <summary>Snapshots kept besides the first one (see <see cref="SnapshotStore.KeepLast"/>).</summary>
    public int KeepSnapshots { get; init; } = SnapshotStore.DefaultKeepLast;

    /// <summary>Flush every event to disk (fsync) as it is appended; off only where losing the last events is fine (benchmarks).</summary>
    public bool FlushEventsToDisk { get; init; } = true;

    public SessionLeaseOptions Lease { get; init; } = SessionLeaseOptions.Default;

    /// <summary>
    /// Whether a session's journal writes on a thread of its own, so the session never waits for the disk (default);
    /// false writes on the session's collector, each write durable before the next node is dispatched.
    /// </summary>
    public bool WriteBehind { get; init; } = true;

    /// <summary>Told what the store had to repair on its own (the session index rebuilt); null says nothing.</summary>
    public Action<string>? Warn { get; init; }
}

/// <summary>Where a loaded state came from.</summary>
public enum StateSource
{
    SessionJson,
    Snapshot,
}

/// <summary>
/// A loaded state, where it came from, and what the user should be told (a corrupt session.json or
/// snapshot that was skipped, an older session.json than the newest snapshot).
/// </summary>
public sealed record SessionLoadResult(SessionState State, StateSource Source, SnapshotInfo? Snapshot, IReadOnlyList<string> Warnings);

/// <summary>One line of a session listing, read from session.json alone.</summary>
/// <param name="UpdatedAt">From session.json; when it is unreadable, the time of the newest file in the session folder.</param>
/// <param name="Quality">The last iteration's quality, if any.</param>
/// <param name="Problem">Why session.json could not be read (the other fields are then null); null when it was.</param>
public sealed record SessionSummary(
    string Id,
    SessionStateStatus? Status,
    string? InputPath,
    string? PipelineName,
    int? Iteration,
    QualityRecord? Quality,
    DateTimeOffset? CreatedAt,
    DateTimeOffset UpdatedAt,
    string? StopReason,
    string? Problem);

/// <summary>
/// The sessions folder (<c>&lt;data&gt;/sessions</c>), one folder per session id:
/// <code>
/// session.json        the current state, indented JSON, replaced atomically on every save
/// snapshots/NNNNNN.msgpack   MessagePack backups with a checksummed header (<see cref="SnapshotStore"/>)
/// events.jsonl        append-only log of decisions and outcomes (<see cref="SessionEvent"/>)
/// manuscript          the input as loaded, written once
/// lease.json          the lock of the process driving the session (<see cref="SessionLease"/>)
/// </code>
/// Writing assumes the caller holds the session's lease (<see cref="AcquireLease"/>); reading and
/// listing do not need it. Thread-safe for writes from several threads of one process.
/// </summary>
public sealed class SessionStore : ISessionStore
{
    public const string StateFileName = "session.json";
    public const string EventsFileName = "events.jsonl";
    public const string ManuscriptFileName = "manuscript";
    public const string SnapshotsFolderName = "snapshots";
    private const string TrashPrefix = ".deleting-";
    private const string StagingPrefix = ".starting-";

    // One lock per session: writes of one session stay ordered while sessions of a batch write side by side.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lock> _gates = new(StringComparer.Ordinal);

    private Lock GateOf(string sessionId) => _gates.GetOrAdd(sessionId, static _ => new Lock());

    /// <param name="root">The sessions folder itself (e.g. <c>data/sessions</c>); created on the first write.</param>
    public SessionStore(string root, SessionStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
        Options = options ?? SessionStoreOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.KeepSnapshots, 1);
        _index = new SessionIndex(this, Options.Warn);
    }

    private readonly SessionIndex _index;

    /// <summary>The folder of the session index (a sibling of <see cref="Root"/>).</summary>
    public string IndexFolder => _index.Folder;

    /// <summary>The store of the <c>sessions</c> folder inside <paramref name="dataFolder"/>.</summary>
    public static SessionStore ForDataFolder(string dataFolder, SessionStoreOptions? options = null) =>
        new(Path.Combine(dataFolder, "sessions"), options);

    public string Root { get; }
    public SessionStoreOptions Options { get; }

    /// <summary>Letters, digits, '-', '_' and '.', at most 128, not starting with '.' — safe as a folder name everywhere.</summary>
    public static bool IsValidSessionId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 128 && id[0] != '.'
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public string SessionFolder(string sessionId)
    {
        if (!IsValidSessionId(sessionId)) throw new ArgumentException($"'{sessionId}' is not a valid session id", nameof(sessionId));
        return Path.Combine(Root, sessionId);
    }

    public string StatePath(string sessionId) => Path.Combine(SessionFolder(sessionId), StateFileName);
    public string EventsPath(string sessionId) => Path.Combine(SessionFolder(sessionId), EventsFileName);
    public string ManuscriptPath(string sessionId) => Path.Combine(SessionFolder(sessionId), ManuscriptFileName);

    public bool Exists(string sessionId) => Directory.Exists(SessionFolder(sessionId));

    public SnapshotStore Snapshots(string sessionId) =>
        new(Path.Combine(SessionFolder(sessionId), SnapshotsFolderName), Options.KeepSnapshots);

    /// <summary>A journal that persists a session loop's state in this store, writing behind the loop on a thread of its own (see <see cref="ISessionJournal.FlushAsync"/>).</summary>
    public ISessionJournal Journal() => new StoreJournal(this, Options.WriteBehind);

    /// <summary>
    /// Creates the session whole: its folder is built aside (<c>.starting-&lt;id&gt;-…</c>: lease, input copy, initial
    /// session.json, each flushed to disk) and renamed into place, so a kill at any moment leaves either no session
    /// (the staging folder, removed by <see cref="RemoveLeftovers"/>) or one with its state, resumable.
    /// </summary>
    public SessionLease Create(SessionState initial, ReadOnlySpan<byte> input)
    {
        ArgumentNullException.ThrowIfNull(initial);
        initial.EnsureValid();
        var folder = SessionFolder(initial.SessionId);
        if (Directory.Exists(folder))
            throw new SessionIdTakenException(folder);
        var staging = Path.Combine(Root, $"{StagingPrefix}{initial.SessionId}-{Guid.NewGuid():N}");
        var lease = SessionLease.Acquire(staging, Options.Lease);
        try
        {
            AtomicFile.Write(Path.Combine(staging, ManuscriptFileName), input);
            AtomicFile.Write(Path.Combine(staging, StateFileName), SessionStateJson.SerializePooled(initial).Span);
            // Not flushed: the index is rebuilt from the sessions when damaged, and a lookup checks the state it finds.
            _index.Note(initial, flushToDisk: false);
            try
            {
                Directory.Move(staging, folder);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                // Another create of the same id won the race between the check above and this rename.
                throw new SessionIdTakenException(folder);
            }
            lease.MovedTo(folder);
            return lease;
        }
        catch
        {
            lease.Dispose();
            try
            {
                if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for RemoveLeftovers.
            }
            throw;
        }
    }

    async ValueTask<ISessionLease> ISessionStore.CreateAsync(SessionState initial, ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // File writes are synchronous: moved off the caller's thread, which may be a host's request thread.
        return await Task.Run(() => Create(initial, input.Span), cancellationToken).ConfigureAwait(false);
    }

    ValueTask<ISessionLease> ISessionStore.AcquireLeaseAsync(string sessionId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ISessionLease>(AcquireLease(sessionId));

    public bool IsHeld(string sessionId) => InspectLease(sessionId).Status == LeaseStatus.Held;

    ValueTask<SessionLoadResult> ISessionStore.LoadStateAsync(string sessionId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(LoadState(sessionId));

    public ValueTask<byte[]?> ReadInputAsync(string sessionId, CancellationToken cancellationToken)
    {
        var path = ManuscriptPath(sessionId);
        return ValueTask.FromResult(File.Exists(path) ? File.ReadAllBytes(path) : null);
    }

    /// <summary>Writes <c>&lt;session&gt;/&lt;name&gt;</c> atomically; <paramref name="name"/> is a relative path inside the session folder.</summary>
    public void WriteAttachment(string sessionId, string name, ReadOnlySpan<byte> content)
    {
        var path = AttachmentPath(sessionId, name);
        lock (GateOf(sessionId))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.Write(path, content);
        }
    }

    public byte[]? ReadAttachment(string sessionId, string name)
    {
        var path = AttachmentPath(sessionId, name);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    public IReadOnlyList<IndexedSession> Find(SessionKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _index.Find(key);
    }

    private string AttachmentPath(string sessionId, string name)
    {
        var folder = SessionFolder(sessionId);
        var path = Path.GetFullPath(Path.Combine(folder, name));
        if (Path.IsPathRooted(name) || !path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"'{name}' is not a name inside the session folder", nameof(name));
        return path;
    }

    /// <summary>Takes the session's lease (creating its folder if needed); throws <see cref="SessionLockedException"/> when another process holds it.</summary>
    public SessionLease AcquireLease(string sessionId) => SessionLease.Acquire(SessionFolder(sessionId), Options.Lease);

    /// <summary>Whether the session is free, locked (by whom) or left with a stale lease.</summary>
    public LeaseInspection InspectLease(string sessionId) => SessionLease.Inspect(SessionFolder(sessionId), Options.Lease);

    /// <summary>
    /// Writes session.json atomically (temporary file, flush to disk, rename). Throws
    /// <see cref="InvalidSessionStateException"/> without writing when the state breaks an invariant.
    /// </summary>
    public void SaveState(SessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.EnsureValid();
        var folder = SessionFolder(state.SessionId);
        // Serialised outside the lock (the buffer is the thread's own): only the file operations need it.
        var json = SessionStateJson.SerializePooled(state);
        lock (GateOf(state.SessionId))
        {
            Directory.CreateDirectory(folder);
            AtomicFile.Write(Path.Combine(folder, StateFileName), json.Span);
        }
        // After the state: an index line never promises a state that is not on disk (a lookup checks what it loads).
        _index.Note(state, flushToDisk: false);
    }

    /// <summary>Writes the next snapshot of the state and prunes old ones.</summary>
    public SnapshotInfo WriteSnapshot(SessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (GateOf(state.SessionId)) return Snapshots(state.SessionId).Write(state);
    }

    /// <summary>Appends events of one session to events.jsonl in one write, flushed once.</summary>
    public void AppendEvents(IReadOnlyList<SessionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) return;
        var session = events[0].Session;
        var folder = SessionFolder(session);
        lock (GateOf(session))
        {
            Directory.CreateDirectory(folder);
            EventLog.Append(Path.Combine(folder, EventsFileName), events, Options.FlushEventsToDisk);
        }
    }

    /// <summary>Appends one event to events.jsonl (one write, flushed).</summary>
    public void AppendEvent(SessionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var folder = SessionFolder(e.Session);
        lock (GateOf(e.Session))
        {
            Directory.CreateDirectory(folder);
            EventLog.Append(Path.Combine(folder, EventsFileName), e, Options.FlushEventsToDisk);
        }
    }

    /// <summary>The session's events in order; a torn last line or any unparsable line is skipped and named in the warnings.</summary>
    public EventLogReadResult ReadEvents(string sessionId) => EventLog.Read(EventsPath(sessionId));

    /// <summary>Keeps a copy of the input as loaded. Written once: returns false, changing nothing, when the copy exists.</summary>
    public bool WriteManuscript(string sessionId, ReadOnlySpan<byte> content)
    {
        var path = ManuscriptPath(sessionId);
        lock (GateOf(sessionId))
        {
            if (File.Exists(path)) return false;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.Write(path, content);
            return true;
        }
    }

    /// <summary>
    /// The session's newest valid state: session.json when it is valid and not older than the newest valid
    /// snapshot; otherwise the newest valid snapshot, with a warning for each file skipped. Throws
    /// <see cref="SessionNotFoundException"/> when the session does not exist and
    /// <see cref="SessionStateCorruptException"/> (listing what was tried) when nothing valid is left.
    /// </summary>
    public SessionLoadResult LoadState(string sessionId)
    {
        var folder = SessionFolder(sessionId);
        if (!Directory.Exists(folder)) throw new SessionNotFoundException(sessionId, folder);

        var json = TryReadStateJson(sessionId, out var jsonProblem);
        var snapshots = Snapshots(sessionId).LoadNewestValid(sessionId);
        var warnings = new List<string>();
        if (json is not null)
        {
            warnings.AddRange(snapshots.Skipped.Select(s => s.ToString()));
            if (snapshots.State is { } newer && newer.UpdatedAt > json.UpdatedAt)
            {
                warnings.Add($"{StateFileName} (updated {json.UpdatedAt:o}) is older than snapshot {snapshots.Source!.Name} (updated {newer.UpdatedAt:o}); using the snapshot");
                return new SessionLoadResult(newer, StateSource.Snapshot, snapshots.Source, warnings);
            }
            return new SessionLoadResult(json, StateSource.SessionJson, null, warnings);
        }
        if (snapshots.State is { } fallback)
        {
            if (snapshots.Skipped.Count == 0)
                warnings.Add($"{jsonProblem}; using snapshot {snapshots.Source!.Name} (updated {fallback.UpdatedAt:o})");
            else
            {
                warnings.Add(jsonProblem!);
                warnings.AddRange(snapshots.Warnings);
            }
            return new SessionLoadResult(fallback, StateSource.Snapshot, snapshots.Source, warnings);
        }
        var tried = new List<string> { jsonProblem! };
        tried.AddRange(snapshots.Skipped.Select(s => s.ToString()));
        if (snapshots.Skipped.Count == 0) tried.Add("no snapshots");
        throw new SessionStateCorruptException(sessionId, tried);
    }

    /// <summary>Every session, most recently updated first, from session.json alone (no snapshot is read).</summary>
    public IReadOnlyList<SessionSummary> List()
    {
        if (!Directory.Exists(Root)) return [];
        var sessions = new List<SessionSummary>();
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var id = Path.GetFileName(folder);
            if (IsValidSessionId(id)) sessions.Add(Summarize(id, folder));
        }
        return sessions.OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>One session's line of <see cref="List"/>, read from its session.json alone.</summary>
    public SessionSummary Summary(string sessionId) => Summarize(sessionId, SessionFolder(sessionId));

    /// <summary>
    /// Every session the index holds whose folder is still there, each with its latest indexed status and time: a
    /// listing that reads the small index files, not every session.json. A session is indexed from its first saved state.
    /// </summary>
    public IReadOnlyList<IndexedSession> Indexed() => _index.All();

    /// <summary>
    /// Deletes the session's folder: takes its lease first (throws <see cref="SessionLockedException"/> when
    /// another process holds it), renames the folder aside so no one finds a half-deleted session, then deletes it.
    /// Returns false when there was no such session.
    /// </summary>
    public bool Delete(string sessionId)
    {
        var folder = SessionFolder(sessionId);
        if (!Directory.Exists(folder)) return false;
        var trash = Path.Combine(Root, $"{TrashPrefix}{sessionId}-{Guid.NewGuid():N}");
        using (AcquireLease(sessionId))
            Directory.Move(folder, trash);
        Directory.Delete(trash, recursive: true);
        return true;
    }

    /// <summary>
    /// Removes folders left half-deleted by a crash during <see cref="Delete"/>, and sessions cut while being created
    /// (see <see cref="Create"/>) whose process is gone; returns how many.
    /// </summary>
    public int RemoveLeftovers()
    {
        if (!Directory.Exists(Root)) return 0;
        var removed = 0;
        var staging = Directory.EnumerateDirectories(Root, StagingPrefix + "*")
            .Where(folder => SessionLease.Inspect(folder, Options.Lease).Status != LeaseStatus.Held);
        foreach (var trash in Directory.EnumerateDirectories(Root, TrashPrefix + "*").Concat(staging).ToArray())
        {
            try
            {
                Directory.Delete(trash, recursive: true);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return removed;
    }

    private SessionState? TryReadStateJson(string sessionId, out string? problem)
    {
        var path = StatePath(sessionId);
        StateBuffers.RentedBytes bytes;
        try
        {
            bytes = StateBuffers.ReadFile(path);
        }
        catch (FileNotFoundException)
        {
            problem = $"{StateFileName} is missing";
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"{StateFileName} is unreadable ({e.Message})";
            return null;
        }
        SessionState state;
        try
        {
            state = SessionStateJson.Deserialize(bytes.Span);
        }
        catch (JsonException e)
        {
            problem = $"{StateFileName} is corrupt ({e.Message})";
            return null;
        }
        finally
        {
            bytes.Dispose();
        }
        var problems = state.Validate().ToList();
        if (state.SessionId != sessionId) problems.Add($"it belongs to session {state.SessionId}");
        if (problems.Count > 0)
        {
            problem = $"{StateFileName} is invalid ({string.Join("; ", problems)})";
            return null;
        }
        problem = null;
        return state;
    }

    private static SessionSummary Summarize(string id, string folder)
    {
        var path = Path.Combine(folder, StateFileName);
        try
        {
            SummaryFields? fields;
            using (var bytes = StateBuffers.ReadFile(path))
                fields = JsonSerializer.Deserialize(bytes.Span, SessionStateJson.Info<SummaryFields>());
            var s = fields ?? throw new JsonException("null");
            if (s.UpdatedAt is not { } updated) throw new JsonException("no updatedAt");
            // The listing reads a few fields without the full validation; a figure it shows must not be one the load refuses.
            if (s.Iteration < 0)
                return new SessionSummary(id, null, null, null, null, null, null, updated, null,
                    $"{StateFileName} is invalid (iteration {s.Iteration} is negative)");
            return new SessionSummary(id, s.Status, s.InputPath, s.PipelineName, s.Iteration, s.QualityHistory?.LastOrDefault(),
                s.CreatedAt, updated, s.StopReason, null);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            var problem = e is FileNotFoundException ? $"{StateFileName} is missing" : $"{StateFileName} is unreadable ({e.Message})";
            return new SessionSummary(id, null, null, null, null, null, null, NewestWrite(folder), null, problem);
        }
    }

    private static DateTimeOffset NewestWrite(string folder)
    {
        var newest = DateTime.MinValue;
        try
        {
            newest = Directory.GetLastWriteTimeUtc(folder);
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories))
                if (file.LastWriteTimeUtc > newest) newest = file.LastWriteTimeUtc;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Deleted or unreadable meanwhile: what was seen so far will do.
        }
        return new DateTimeOffset(DateTime.SpecifyKind(newest, DateTimeKind.Utc), TimeSpan.Zero);
    }

    /// <summary>The few fields a listing needs; the rest of session.json (nodes, results) is skipped unread.</summary>
    internal sealed class SummaryFields
    {
        public SessionStateStatus? Status { get; init; }
        public string? PipelineName { get; init; }
        public string? InputPath { get; init; }
        public int? Iteration { get; init; }
        public DateTimeOffset? CreatedAt { get; init; }
        public DateTimeOffset? UpdatedAt { get; init; }
        public string? StopReason { get; init; }
        public List<QualityRecord>? QualityHistory { get; init; }
    }
}

/// <summary>No folder for the session id.</summary>
public sealed class SessionNotFoundException(string sessionId, string folder)
    : Exception($"no session {sessionId} (looked in {folder})")
{
    public string SessionId { get; } = sessionId;
}

/// <summary>Neither session.json nor any snapshot of the session holds a valid state; <see cref="Tried"/> says what was wrong with each.</summary>
public sealed class SessionStateCorruptException(string sessionId, IReadOnlyList<string> tried)
    : Exception($"session {sessionId} has no valid state left: {string.Join("; ", tried)}")
{
    public string SessionId { get; } = sessionId;
    public IReadOnlyList<string> Tried { get; } = tried;
}
