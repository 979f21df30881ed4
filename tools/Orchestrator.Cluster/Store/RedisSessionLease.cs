using Orchestrator.Engine.State;
using StackExchange.Redis;

namespace Orchestrator.Cluster.Store;

/// <summary>
/// The right to drive one session, held as a key with an expiry in Redis whose value is a random token: the holder
/// is an owner (a grain activation), not a process or a host. Every write of the holder carries the token and the
/// state version it last wrote, and Redis refuses it when either moved on; <see cref="Lost"/> is then cancelled and
/// the holder stops. A renewal that finds another token cancels it too.
/// </summary>
public sealed class RedisSessionLease : ISessionLease
{
    private readonly RedisSessionStore _store;
    private readonly CancellationTokenSource _lost = new();
    private readonly ITimer? _renewal;
    private int _released;

    internal RedisSessionLease(RedisSessionStore store, string sessionId, string token, long version, string? digest, RedisLeaseOptions options)
    {
        _store = store;
        SessionId = sessionId;
        Token = token;
        Version = version;
        Digest = digest;
        if (options.RenewEvery is { } every)
            _renewal = TimeProvider.System.CreateTimer(_ => _ = RenewAsync(), null, every, every);
    }

    public string SessionId { get; }

    /// <summary>The value of the lease key while this holder has it.</summary>
    public string Token { get; }

    /// <summary>The state version this holder wrote last: its next save expects it (an ETag).</summary>
    public long Version { get; internal set; }

    /// <summary>The index digest the state was last written under.</summary>
    internal string? Digest { get; set; }

    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    public string? TakeoverNote => null;

    internal void MarkLost()
    {
        if (!_lost.IsCancellationRequested) _lost.Cancel();
    }

    /// <summary>Extends the lease; false (and <see cref="Lost"/> cancelled) when another holder has it.</summary>
    public async Task<bool> RenewAsync()
    {
        if (IsLost || Volatile.Read(ref _released) == 1) return !IsLost;
        try
        {
            if (await _store.RenewAsync(this).ConfigureAwait(false)) return true;
            MarkLost();
            return false;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Redis unreachable for a moment: the next tick tries again, before the lease runs out.
            return true;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1) return;
        _renewal?.Dispose();
        _store.Release(this);
    }
}
