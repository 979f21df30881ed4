using System.Collections.Concurrent;
using System.Text.Json;
using Orchestrator.Engine.Sessions;
using Orchestrator.Engine.State;
using StackExchange.Redis;

namespace Orchestrator.Cluster.Store;

/// <summary>
/// The session store of a cluster: every silo reads and writes the same sessions in one Redis. A session's state is a
/// JSON value with a version; snapshots (MessagePack, as on disk), events, the input copy and attachments sit beside
/// it. Writes go through the lease (<see cref="RedisSessionLease"/>) and are checked on the server against its token
/// and the version the holder last wrote, so a session is never driven by two owners: the second is refused.
/// </summary>
/// <remarks>
/// Needs one Redis (a primary, with replicas if wanted), not a sharded Redis Cluster: a checked write touches the
/// session's keys and the cluster-wide listing in one script.
/// </remarks>
public sealed class RedisSessionStore : ISessionStore
{
    /// <summary>Snapshots kept per session, newest first (the file store keeps the same number of recent ones).</summary>
    public const int KeepSnapshots = 5;

    // Listing lines and index entries carry nulls (a summary of a fresh session has no quality): the state's options leave nulls out.
    private static readonly JsonSerializerOptions LineJson = new(JsonSerializerDefaults.Web);

    private readonly IDatabase _db;
    private readonly RedisKeys _keys;
    private readonly RedisLeaseOptions _leases;
    private readonly ConcurrentDictionary<string, RedisSessionLease> _held = new(StringComparer.Ordinal);
    // The token of the last lease of each session this process let go of: when Redis was down as it was released, the
    // key still holds it, and this process may take it back rather than wait for it to run out.
    private readonly ConcurrentDictionary<string, string> _letGo = new(StringComparer.Ordinal);
    private readonly ViewedStates<long> _viewed = new(ViewedStates<long>.DefaultCapacity);

    public RedisSessionStore(IConnectionMultiplexer redis, string clusterId, RedisLeaseOptions? leases = null)
    {
        _db = redis.GetDatabase();
        _keys = new RedisKeys(clusterId);
        _leases = leases ?? RedisLeaseOptions.Default;
    }

    public RedisKeys Keys => _keys;

    public async ValueTask<ISessionLease> CreateAsync(SessionState initial, ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(initial);
        initial.EnsureValid();
        var id = initial.SessionId;
        var token = NewToken();
        var digest = SessionKey.Of(initial).Digest;
        var result = (long)await _db.ScriptEvaluateAsync(RedisScripts.Create,
            [_keys.State(id), _keys.Lease(id), _keys.Input(id), _keys.Summaries, _keys.Index(digest)],
            [token, (long)_leases.TimeToLive.TotalMilliseconds, SessionStateJson.Serialize(initial), id, Summary(initial), Indexed(initial), digest,
                input]).ConfigureAwait(false);
        if (result == RedisScripts.Exists)
            throw new SessionIdTakenException(id);
        return Hold(new RedisSessionLease(this, id, token, version: 1, digest, _leases));
    }

    public bool Exists(string sessionId) => _db.KeyExists(_keys.State(sessionId));

    /// <summary><see cref="Exists"/> without holding a thread for the round trip (a session's own path uses this).</summary>
    public Task<bool> ExistsAsync(string sessionId) => _db.KeyExistsAsync(_keys.State(sessionId));

    public async ValueTask<ISessionLease> AcquireLeaseAsync(string sessionId, CancellationToken cancellationToken)
    {
        var token = NewToken();
        if (!await _db.StringSetAsync(_keys.Lease(sessionId), token, _leases.TimeToLive, When.NotExists).ConfigureAwait(false)
            && !(_letGo.TryGetValue(sessionId, out var mine) && (long)await _db.ScriptEvaluateAsync(RedisScripts.TakeBack, [_keys.Lease(sessionId)],
                [mine, token, (long)_leases.TimeToLive.TotalMilliseconds]).ConfigureAwait(false) == RedisScripts.Done))
            throw new SessionLockedException(sessionId, new LeaseInspection(LeaseStatus.Held, null,
                $"another owner holds its lease (it runs out {_leases.TimeToLive.TotalSeconds:F0} s after its holder stops renewing it)"));
        _letGo.TryRemove(sessionId, out _);
        var fields = await _db.HashGetAsync(_keys.State(sessionId), [RedisKeys.VersionField, RedisKeys.DigestField]).ConfigureAwait(false);
        var version = fields[0].HasValue ? (long)fields[0] : 0;
        return Hold(new RedisSessionLease(this, sessionId, token, version, fields[1].HasValue ? (string?)fields[1] : null, _leases));
    }

    public bool IsHeld(string sessionId) => _db.KeyExists(_keys.Lease(sessionId));

    /// <summary>Waits until Redis answers again (<see cref="RedisOutage"/>).</summary>
    public Task WaitUntilReachableAsync(CancellationToken ct) => RedisOutage.WaitUntilReachableAsync(_db, ct);

    public async ValueTask<SessionLoadResult> LoadStateAsync(string sessionId, CancellationToken cancellationToken)
    {
        var json = await _db.HashGetAsync(_keys.State(sessionId), RedisKeys.StateField).ConfigureAwait(false);
        if (json.IsNull) throw new SessionNotFoundException(sessionId, $"Redis, cluster {_keys.ClusterId}");
        var tried = new List<string>();
        try
        {
            var state = SessionStateJson.Deserialize((byte[])json!);
            state.EnsureValid();
            if (state.SessionId == sessionId) return new SessionLoadResult(state, StateSource.SessionJson, null, []);
            tried.Add($"the state is of session {state.SessionId}");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            tried.Add($"the state is corrupt ({e.Message})");
        }
        var snapshots = await _db.ListRangeAsync(_keys.Snapshots(sessionId)).ConfigureAwait(false);
        for (var i = 0; i < snapshots.Length; i++)
        {
            try
            {
                var state = SnapshotStore.Decode((byte[])snapshots[i]!, $"snapshot {i + 1} of {snapshots.Length}");
                state.EnsureValid();
                return new SessionLoadResult(state, StateSource.Snapshot, null, [.. tried, $"using the snapshot of {state.UpdatedAt:u}"]);
            }
            catch (Exception e) when (e is SnapshotCorruptException or InvalidOperationException or ArgumentException)
            {
                tried.Add($"snapshot {i + 1} is corrupt ({e.Message})");
            }
        }
        throw new SessionStateCorruptException(sessionId, tried);
    }

    /// <summary>
    /// The stored state of a session, to show it (read only: it may be shared with other callers); null when it has none.
    /// A state whose version has not moved since it was last shown here is not fetched and parsed again
    /// (<see cref="ViewedStates{TVersion}"/>): a status page polling a running novel would otherwise move its whole state out of
    /// Redis and through the JSON parser at every poll.
    /// </summary>
    public async Task<SessionState?> ReadForViewAsync(string sessionId, CancellationToken cancellationToken)
    {
        var stored = await _db.HashGetAsync(_keys.State(sessionId), RedisKeys.VersionField).ConfigureAwait(false);
        if (stored.IsNull) return null;
        var version = (long)stored;
        if (_viewed.Find(sessionId, version) is { } state) return state;
        state = (await LoadStateAsync(sessionId, cancellationToken).ConfigureAwait(false)).State;
        _viewed.Keep(sessionId, version, state);
        return state;
    }

    public ISessionJournal Journal() => new RedisJournal(this);

    public void AppendEvent(SessionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        _db.ListRightPush(_keys.Events(e.Session), JsonSerializer.SerializeToUtf8Bytes(e, SessionStateJson.CompactOptions));
    }

    public EventLogReadResult ReadEvents(string sessionId)
    {
        var events = new List<SessionEvent>();
        var warnings = new List<string>();
        var lines = _db.ListRange(_keys.Events(sessionId));
        for (var i = 0; i < lines.Length; i++)
        {
            try
            {
                if (JsonSerializer.Deserialize<SessionEvent>((byte[])lines[i]!, SessionStateJson.CompactOptions) is { } e) events.Add(e);
            }
            catch (JsonException ex)
            {
                warnings.Add($"event {i + 1} of session {sessionId} is unreadable and skipped ({ex.Message})");
            }
        }
        return new EventLogReadResult(events, warnings);
    }

    /// <summary>
    /// The logged events from position <paramref name="index"/> of the session's list on (0 for all): a follower on a
    /// silo that does not drive the session reads only what was appended since its last read. <c>Read</c> is how many
    /// entries were read, unreadable ones (skipped, as <see cref="ReadEvents"/> skips them) included.
    /// </summary>
    public async Task<(IReadOnlyList<SessionEvent> Events, long Read)> ReadEventsFromAsync(string sessionId, long index)
    {
        var lines = await _db.ListRangeAsync(_keys.Events(sessionId), index).ConfigureAwait(false);
        var events = new List<SessionEvent>(lines.Length);
        foreach (var line in lines)
        {
            try
            {
                if (JsonSerializer.Deserialize<SessionEvent>((byte[])line!, SessionStateJson.CompactOptions) is { } e) events.Add(e);
            }
            catch (JsonException)
            {
            }
        }
        return (events, lines.Length);
    }

    /// <summary>Notes a session posted to the cluster, so that it is listed before its first state exists.</summary>
    public Task NotePostedAsync(Sessions.PostedSession posted) =>
        _db.HashSetAsync(_keys.Posted, posted.Id, JsonSerializer.SerializeToUtf8Bytes(posted, LineJson));

    /// <summary>
    /// Takes a post's Idempotency-Key for <paramref name="posted"/>, atomically (HSETNX): null when it is now this post's,
    /// else the session an earlier post with that key made.
    /// </summary>
    public async Task<Sessions.PostedSession?> ClaimIdempotencyKeyAsync(string key, Sessions.PostedSession posted)
    {
        if (await _db.HashSetAsync(_keys.IdempotencyKeys, key, JsonSerializer.SerializeToUtf8Bytes(posted, LineJson), When.NotExists).ConfigureAwait(false))
            return null;
        var earlier = await _db.HashGetAsync(_keys.IdempotencyKeys, key).ConfigureAwait(false);
        return earlier.IsNull ? null : JsonSerializer.Deserialize<Sessions.PostedSession>((byte[])earlier!, LineJson);
    }

    /// <summary>Lets go of a key whose post made no session after all (best effort: an outage leaves it to its earlier claim).</summary>
    public async Task ReleaseIdempotencyKeyAsync(string key)
    {
        try
        {
            await _db.HashDeleteAsync(_keys.IdempotencyKeys, key).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisOutage.Caused(e))
        {
        }
    }

    /// <summary>Every session posted to the cluster (in no order).</summary>
    public async Task<IReadOnlyList<Sessions.PostedSession>> PostedAsync() => (await _db.HashValuesAsync(_keys.Posted).ConfigureAwait(false))
        .Select(v => JsonSerializer.Deserialize<Sessions.PostedSession>((byte[])v!, LineJson))
        .OfType<Sessions.PostedSession>()
        .ToArray();

    public async ValueTask<byte[]?> ReadInputAsync(string sessionId, CancellationToken cancellationToken) =>
        (byte[]?)await _db.StringGetAsync(_keys.Input(sessionId)).ConfigureAwait(false);

    public void WriteAttachment(string sessionId, string name, ReadOnlySpan<byte> content) =>
        _db.HashSet(_keys.Attachments(sessionId), name, content.ToArray());

    public byte[]? ReadAttachment(string sessionId, string name) => (byte[]?)_db.HashGet(_keys.Attachments(sessionId), name);

    /// <summary>
    /// Writes several attachments, sent one after another on the connection without waiting for each answer; Redis
    /// applies them in that order, so the last is stored only once the others are.
    /// </summary>
    public Task WriteAttachmentsAsync(string sessionId, IReadOnlyList<(string Name, byte[] Content)> attachments) =>
        Task.WhenAll(attachments.Select(a => _db.HashSetAsync(_keys.Attachments(sessionId), a.Name, a.Content)));

    /// <summary><see cref="ReadAttachment"/> without holding a thread for the round trip.</summary>
    public async Task<byte[]?> ReadAttachmentAsync(string sessionId, string name) =>
        (byte[]?)await _db.HashGetAsync(_keys.Attachments(sessionId), name).ConfigureAwait(false);

    public IReadOnlyList<SessionSummary> List() => _db.HashValues(_keys.Summaries)
        .Select(v => JsonSerializer.Deserialize<SessionSummary>((byte[])v!, LineJson))
        .OfType<SessionSummary>()
        .OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Id, StringComparer.Ordinal)
        .ToArray();

    public IReadOnlyList<IndexedSession> Find(SessionKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _db.HashValues(_keys.Index(key.Digest))
            .Select(v => JsonSerializer.Deserialize<IndexedSession>((byte[])v!, LineJson))
            .OfType<IndexedSession>()
            .OrderByDescending(s => s.UpdatedAt)
            .ToArray();
    }

    /// <summary>Stores a posted manuscript for a session that is yet to be created.</summary>
    public Task WriteUploadAsync(string sessionId, ReadOnlyMemory<byte> bytes) => _db.StringSetAsync(_keys.Upload(sessionId), bytes);

    /// <summary>
    /// Drops the posted manuscript of a session that ended: its input copy (written with its first state) serves every
    /// later resume, so keeping both would store the manuscript twice. Best effort: an outage leaves it in place.
    /// </summary>
    public async Task DeleteUploadAsync(string sessionId)
    {
        try
        {
            await _db.KeyDeleteAsync(_keys.Upload(sessionId)).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisOutage.Caused(e))
        {
        }
    }

    public async Task<byte[]?> ReadUploadAsync(string sessionId) => (byte[]?)await _db.StringGetAsync(_keys.Upload(sessionId)).ConfigureAwait(false);

    /// <summary>
    /// Notes that <paramref name="silo"/> drives the session now (waiting for a run slot or running). Best effort: it
    /// only informs <c>cluster status</c>, so a Redis outage skips it rather than stopping the session.
    /// </summary>
    public async Task NoteDrivenAsync(string sessionId, string silo, bool running)
    {
        var entry = new Status.DrivenSession(sessionId, silo, running ? Status.DrivenSession.Running : Status.DrivenSession.Queued, DateTimeOffset.UtcNow);
        try
        {
            await _db.HashSetAsync(_keys.Driven, sessionId, JsonSerializer.SerializeToUtf8Bytes(entry, LineJson)).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisOutage.Caused(e))
        {
        }
    }

    /// <summary>Notes that no silo drives the session any more (its run ended); best effort, as <see cref="NoteDrivenAsync"/>.</summary>
    public async Task NoteUndrivenAsync(string sessionId)
    {
        try
        {
            await _db.HashDeleteAsync(_keys.Driven, sessionId).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisOutage.Caused(e))
        {
        }
    }

    /// <summary>
    /// Deletes a session from Redis in one step (<see cref="RedisScripts.Delete"/>): its state, snapshots, events, input
    /// copy, attachments (the reports) and upload, its listing line, index entry, posted and driven notes, and the
    /// Idempotency-Key its post took. False, deleting nothing, while a lease on it is held. The caller (the session's
    /// grain) makes sure the session is no longer owed a run; the lease check keeps out a driver it does not know of.
    /// </summary>
    public async Task<bool> DeleteAsync(string sessionId)
    {
        var idempotencyKeys = await IdempotencyKeysOfAsync(sessionId).ConfigureAwait(false);
        var result = (long)await _db.ScriptEvaluateAsync(RedisScripts.Delete,
            [_keys.Lease(sessionId), _keys.State(sessionId), _keys.Snapshots(sessionId), _keys.Events(sessionId), _keys.Input(sessionId),
                _keys.Attachments(sessionId), _keys.Upload(sessionId), _keys.Summaries, _keys.Posted, _keys.Driven, _keys.IdempotencyKeys],
            [sessionId, _keys.IndexPrefix, .. idempotencyKeys]).ConfigureAwait(false);
        if (result != RedisScripts.Done) return false;
        _viewed.Forget(sessionId);
        return true;
    }

    /// <summary>
    /// The Idempotency-Keys that may name the session: the one its posted note records (none when the post had none),
    /// or, for a session whose note records no key field (posted before notes did) or that has no note, every key whose
    /// entry names it, found by scanning the hash. The delete script checks each again as it deletes.
    /// </summary>
    private async Task<RedisValue[]> IdempotencyKeysOfAsync(string sessionId)
    {
        var posted = await _db.HashGetAsync(_keys.Posted, sessionId).ConfigureAwait(false);
        if (!posted.IsNull)
        {
            using var note = JsonDocument.Parse((byte[])posted!);
            if (note.RootElement.TryGetProperty("idempotencyKey", out var key))
                return key.ValueKind == JsonValueKind.String ? [key.GetString()] : [];
        }
        var named = new List<RedisValue>();
        await foreach (var entry in _db.HashScanAsync(_keys.IdempotencyKeys).ConfigureAwait(false))
        {
            if (JsonSerializer.Deserialize<Sessions.PostedSession>((byte[])entry.Value!, LineJson)?.Id == sessionId) named.Add(entry.Name);
        }
        return [.. named];
    }

    /// <summary>The lease this process holds of the session; null when it holds none.</summary>
    public RedisSessionLease? HeldLease(string sessionId) => _held.GetValueOrDefault(sessionId);

    /// <summary>Replaces the state as the lease holder; false (and the lease marked lost) when Redis refused it.</summary>
    internal async Task<long> SaveAsync(RedisSessionLease lease, SessionState state)
    {
        var id = state.SessionId;
        var digest = SessionKey.Of(state).Digest;
        var result = (long)await _db.ScriptEvaluateAsync(RedisScripts.Save,
            [_keys.State(id), _keys.Lease(id), _keys.Summaries, _keys.Index(digest), _keys.Index(lease.Digest ?? digest)],
            [lease.Token, lease.Version, SessionStateJson.Serialize(state), id, Summary(state), Indexed(state), digest]).ConfigureAwait(false);
        if (result > 0)
        {
            lease.Version = result;
            lease.Digest = digest;
        }
        return result;
    }

    internal async Task<long> CheckpointAsync(RedisSessionLease lease, SessionState state) =>
        (long)await _db.ScriptEvaluateAsync(RedisScripts.Checkpoint,
            [_keys.Snapshots(state.SessionId), _keys.Lease(state.SessionId)],
            [lease.Token, SnapshotStore.Encode(state), KeepSnapshots]).ConfigureAwait(false);

    internal async Task<long> AppendAsync(RedisSessionLease lease, SessionEvent e) =>
        (long)await _db.ScriptEvaluateAsync(RedisScripts.Append,
            [_keys.Events(e.Session), _keys.Lease(e.Session)],
            [lease.Token, JsonSerializer.SerializeToUtf8Bytes(e, SessionStateJson.CompactOptions)]).ConfigureAwait(false);

    internal async Task<bool> RenewAsync(RedisSessionLease lease) =>
        (long)await _db.ScriptEvaluateAsync(RedisScripts.Renew, [_keys.Lease(lease.SessionId)],
            [lease.Token, (long)_leases.TimeToLive.TotalMilliseconds]).ConfigureAwait(false) == RedisScripts.Done;

    internal void Release(RedisSessionLease lease)
    {
        _held.TryRemove(new KeyValuePair<string, RedisSessionLease>(lease.SessionId, lease));
        if (lease.IsLost) return;
        var letGo = new KeyValuePair<string, string>(lease.SessionId, lease.Token);
        _letGo[lease.SessionId] = lease.Token;
        // Not awaited (a lease is released as it is disposed): a release that does not reach Redis leaves the token in
        // _letGo, so this process can take the lease back at once; any other owner waits for it to run out.
        _ = ReleaseAsync();

        async Task ReleaseAsync()
        {
            try
            {
                await _db.ScriptEvaluateAsync(RedisScripts.Release, [_keys.Lease(lease.SessionId)], [lease.Token]).ConfigureAwait(false);
                _letGo.TryRemove(letGo);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
            }
        }
    }

    private RedisSessionLease Hold(RedisSessionLease lease)
    {
        _held[lease.SessionId] = lease;
        return lease;
    }

    private static string NewToken() => Guid.NewGuid().ToString("N");

    private static byte[] Summary(SessionState s) => JsonSerializer.SerializeToUtf8Bytes(
        new SessionSummary(s.SessionId, s.Status, s.InputPath, s.PipelineName, s.Iteration,
            s.QualityHistory.Count > 0 ? s.QualityHistory[^1] : null, s.CreatedAt, s.UpdatedAt, s.StopReason, null),
        LineJson);

    private static byte[] Indexed(SessionState s) => JsonSerializer.SerializeToUtf8Bytes(
        new IndexedSession(s.SessionId, s.Status, s.InputPath, s.UpdatedAt), LineJson);
}
