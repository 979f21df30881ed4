namespace Orchestrator.Cluster.Store;

/// <summary>
/// The writes that must be checked and done in one step on the server: Redis runs a script whole, so no other
/// client's write falls between the check and the write. Each returns a number the store turns into an outcome.
/// </summary>
internal static class RedisScripts
{
    public const long Done = 1;
    public const long Exists = 0;
    public const long LeaseLost = -1;
    public const long VersionConflict = -2;
    public const long LeaseHeld = -3;

    /// <summary>
    /// Creates a session whole (state version 1, input, lease, listing line, index entry) unless its state exists.
    /// KEYS: state, lease, input, summaries, index. ARGV: token, lease ms, state, id, summary, indexed, digest, input.
    /// </summary>
    public const string Create = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
        redis.call('HSET', KEYS[1], 'state', ARGV[3], 'version', 1, 'digest', ARGV[7])
        redis.call('SET', KEYS[3], ARGV[8])
        redis.call('HSET', KEYS[4], ARGV[4], ARGV[5])
        redis.call('HSET', KEYS[5], ARGV[4], ARGV[6])
        return 1
        """;

    /// <summary>
    /// Replaces the state when the caller still holds the lease and read the version it expects (an ETag): a holder
    /// that stalled and was replaced, or a second driver, is refused and told why; the winner's state stays.
    /// KEYS: state, lease, summaries, new index, old index. ARGV: token, expected version, state, id, summary, indexed, digest.
    /// Returns the new version, or LeaseLost / VersionConflict.
    /// </summary>
    public const string Save = """
        if redis.call('GET', KEYS[2]) ~= ARGV[1] then return -1 end
        local version = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
        if version ~= tonumber(ARGV[2]) then return -2 end
        redis.call('HSET', KEYS[1], 'state', ARGV[3], 'version', version + 1, 'digest', ARGV[7])
        redis.call('HSET', KEYS[3], ARGV[4], ARGV[5])
        if KEYS[5] ~= KEYS[4] then redis.call('HDEL', KEYS[5], ARGV[4]) end
        redis.call('HSET', KEYS[4], ARGV[4], ARGV[6])
        return version + 1
        """;

    /// <summary>Pushes a snapshot (newest first) and keeps the newest ARGV[3], for the lease holder only. KEYS: snapshots, lease. ARGV: token, bytes, keep.</summary>
    public const string Checkpoint = """
        if redis.call('GET', KEYS[2]) ~= ARGV[1] then return -1 end
        redis.call('LPUSH', KEYS[1], ARGV[2])
        redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[3]) - 1)
        return 1
        """;

    /// <summary>Appends an event line, for the lease holder only. KEYS: events, lease. ARGV: token, line.</summary>
    public const string Append = """
        if redis.call('GET', KEYS[2]) ~= ARGV[1] then return -1 end
        redis.call('RPUSH', KEYS[1], ARGV[2])
        return 1
        """;

    /// <summary>Extends the lease when it is still the caller's. KEYS: lease. ARGV: token, lease ms.</summary>
    public const string Renew = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
        """;

    /// <summary>
    /// Takes a lease back that this process let go of but whose release did not reach Redis (it was down): the key still
    /// holds the old token, which no other owner can have. KEYS: lease. ARGV: old token, new token, lease ms.
    /// </summary>
    public const string TakeBack = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
        redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
        return 1
        """;

    /// <summary>Deletes the lease when it is still the caller's. KEYS: lease. ARGV: token.</summary>
    public const string Release = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
        return 1
        """;

    /// <summary>
    /// Deletes a session whole unless a lease on it is held (a silo began driving it, or its last run is still letting
    /// go): its own keys, its fields in the cluster's hashes (listing line, posted note, driven note), its index entry
    /// (under the digest its state names, so the index key is made here), and those of the given Idempotency-Keys whose
    /// entry still names it. Those entries are checked before anything is deleted (an unreadable one is left alone): Redis
    /// does not undo what a script did before an error.
    /// KEYS: lease, state, snapshots, events, input, attachments, upload, summaries, posted, driven, idempotency keys.
    /// ARGV: id, index key prefix, Idempotency-Keys... Returns Done or LeaseHeld.
    /// </summary>
    public const string Delete = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return -3 end
        local named = {}
        for i = 3, #ARGV do
          local entry = redis.call('HGET', KEYS[11], ARGV[i])
          if entry then
            local ok, posted = pcall(cjson.decode, entry)
            if ok and type(posted) == 'table' and posted.id == ARGV[1] then table.insert(named, ARGV[i]) end
          end
        end
        local digest = redis.call('HGET', KEYS[2], 'digest')
        if digest then redis.call('HDEL', ARGV[2] .. digest, ARGV[1]) end
        redis.call('DEL', KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7])
        redis.call('HDEL', KEYS[8], ARGV[1])
        redis.call('HDEL', KEYS[9], ARGV[1])
        redis.call('HDEL', KEYS[10], ARGV[1])
        for _, key in ipairs(named) do redis.call('HDEL', KEYS[11], key) end
        return 1
        """;
}
