using System.Text.Json;
using Orchestrator.Cluster.Drain;
using Orchestrator.Cluster.Silo;
using Orchestrator.Cluster.Store;
using Orleans.Runtime;
using StackExchange.Redis;

namespace Orchestrator.Cluster.Placement;

/// <summary>
/// The silos' loads as placement sees them. Every silo writes its own <see cref="SiloLoad"/> (one hash field,
/// <c>orchestrator:&lt;cluster-id&gt;:silos</c>) and reads the whole hash every <see cref="ClusterSettings.LoadPublishEvery"/>
/// (1 s): two Redis commands a second per silo, whatever the number of sessions, and none on the placement path, which
/// reads this table in memory. Chosen over Orleans' own load statistics (<c>DeploymentLoadPublisher</c>: CPU, memory and
/// activation counts, refreshed about as often) because a silo's load here is its sessions per run slot, which Orleans
/// does not know: the grains of finished sessions stay active and count as activations, and CPU is shared by every silo
/// of one machine. Silo metadata would carry the model but not the load. What the table misses between refreshes (the
/// sessions placed since) is counted here as pending, so a burst of posts to one silo spreads at once.
/// </summary>
public sealed class SiloLoads(IConnectionMultiplexer redis, ClusterSettings settings, SiloPipelines pipelines, SiloSessions here,
    ILocalSiloDetails local, IClusterMembershipService membership, Serilog.ILogger log) : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    /// <summary>
    /// A placement counts against its silo until that silo publishes the session among its own, at most this long (a
    /// grain activated to answer a GET of a finished session never is; neither is one that ended at once).
    /// </summary>
    private static readonly TimeSpan PendingAtMost = TimeSpan.FromSeconds(3);

    private readonly IDatabase _db = redis.GetDatabase();
    private readonly RedisKeys _keys = new(settings.ClusterId);
    private readonly Lock _gate = new();
    private readonly List<(string Silo, string Session, DateTimeOffset At)> _pending = [];
    private readonly Dictionary<string, (DateTimeOffset At, DateTimeOffset Seen)> _changed = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, SiloLoad> _table = new Dictionary<string, SiloLoad>();
    private CancellationTokenSource? _stop;
    private Task? _loop;
    private bool _unreachable;

    /// <summary>A silo whose line has not changed for this long is left out of placement.</summary>
    private TimeSpan StaleAfter => settings.LoadPublishEvery * 4;

    private string Me => local.SiloAddress.ToParsableString();

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloLoads), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    /// <summary>The loads as last read, this silo's as last published.</summary>
    public IReadOnlyDictionary<string, SiloLoad> Table => Volatile.Read(ref _table);

    /// <summary>Publishes this silo's load now (the drain does, so that no silo places a session here any more) and reads the others'.</summary>
    public async Task PublishAsync()
    {
        var mine = new SiloLoad(Me, settings.MaxRunning, pipelines.Running, here.Ids, settings.Model, here.Draining, DateTimeOffset.UtcNow)
        {
            Sees = Table.Keys.Order(StringComparer.Ordinal).ToArray(),
        };
        await _db.HashSetAsync(_keys.Silos, Me, JsonSerializer.SerializeToUtf8Bytes(mine, Json)).ConfigureAwait(false);
        var entries = await _db.HashGetAllAsync(_keys.Silos).ConfigureAwait(false);
        var table = new Dictionary<string, SiloLoad>(StringComparer.Ordinal);
        var dead = new List<RedisValue>();
        var members = membership.CurrentSnapshot.Members;
        foreach (var entry in entries)
        {
            SiloLoad? load;
            try
            {
                load = JsonSerializer.Deserialize<SiloLoad>((byte[])entry.Value!, Json);
            }
            catch (JsonException)
            {
                load = null;
            }
            if (load is null) continue;
            if (members.Values.Any(m => m.Status == SiloStatus.Dead && m.SiloAddress.ToParsableString() == load.Silo))
            {
                dead.Add(entry.Name);
                continue;
            }
            // A silo that stopped publishing (killed, frozen) is left out before the membership declares it dead, which
            // takes 10-15 s. Judged by this silo's clock (when its line last changed), not by the other silo's.
            lock (_gate)
            {
                if (!_changed.TryGetValue(load.Silo, out var changed) || changed.At != load.At) _changed[load.Silo] = changed = (load.At, DateTimeOffset.UtcNow);
                if (DateTimeOffset.UtcNow - changed.Seen > StaleAfter) continue;
            }
            table[load.Silo] = load;
        }
        table[Me] = mine;
        // A silo that died could not remove its own line.
        if (dead.Count > 0) await _db.HashDeleteAsync(_keys.Silos, dead.ToArray()).ConfigureAwait(false);
        lock (_gate)
        {
            Volatile.Write(ref _table, table);
            var now = DateTimeOffset.UtcNow;
            _pending.RemoveAll(p => now - p.At > PendingAtMost || (table.TryGetValue(p.Silo, out var l) && l.Sessions.Contains(p.Session)));
        }
    }

    /// <summary>
    /// The silo of <paramref name="candidates"/> a session goes to: one that published its load and is not stopping
    /// (for a session that needs a model, one that declares a model, if any does), with the fewest sessions per run slot
    /// counting those placed since it published (so one with a free slot first, else the shortest queue); the local
    /// silo on a tie, else any of the tied. Null when no candidate published a load.
    /// </summary>
    public SiloAddress? Choose(IReadOnlyCollection<SiloAddress> candidates, string sessionId, bool needsModel)
    {
        var table = Table;
        var me = local.SiloAddress;
        var open = candidates
            .Select(a => (Address: a, Load: table.GetValueOrDefault(a.ToParsableString())))
            .Where(c => c.Load is { Draining: false } && !(c.Address.Equals(me) && here.Draining))
            .ToList();
        if (needsModel && open.Any(c => c.Load!.Model is not null)) open.RemoveAll(c => c.Load!.Model is null);
        if (open.Count == 0) return null;
        lock (_gate)
        {
            var chosen = open
                .Select(c => (c.Address, PerSlot: c.Load!.PerSlot(_pending.Count(p => p.Silo == c.Load.Silo && !c.Load.Sessions.Contains(p.Session)))))
                .OrderBy(c => c.PerSlot)
                .ThenBy(c => c.Address.Equals(me) ? 0 : 1)
                .ThenBy(_ => Random.Shared.Next())
                .First().Address;
            _pending.RemoveAll(p => p.Session == sessionId);
            _pending.Add((chosen.ToParsableString(), sessionId, DateTimeOffset.UtcNow));
            return chosen;
        }
    }

    /// <summary>True when an active silo other than <paramref name="except"/> published a load declaring a model and is not stopping.</summary>
    public bool AnyWithModel(SiloAddress? except = null)
    {
        var table = Table;
        return membership.CurrentSnapshot.Members.Values.Any(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(except)
            && table.GetValueOrDefault(m.SiloAddress.ToParsableString()) is { Model: not null, Draining: false });
    }

    private async Task StartAsync(CancellationToken ct)
    {
        await TryPublishAsync();
        _stop = new CancellationTokenSource();
        _loop = LoopAsync(_stop.Token);
    }

    private async Task StopAsync(CancellationToken ct)
    {
        if (_stop is null) return;
        await _stop.CancelAsync();
        await _loop!.ConfigureAwait(false);
        try
        {
            await _db.HashDeleteAsync(_keys.Silos, Me).WaitAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or OperationCanceledException)
        {
            // Left behind: the others drop it once the membership has this silo dead.
        }
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(settings.LoadPublishEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false)) await TryPublishAsync();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task TryPublishAsync()
    {
        try
        {
            await PublishAsync().ConfigureAwait(false);
            if (_unreachable) log.Information("Silo loads are published again");
            _unreachable = false;
        }
        catch (Exception e) when (RedisOutage.Caused(e) || e is RedisException or TimeoutException)
        {
            // Placement goes on with the loads last read (and the sessions placed since).
            if (!_unreachable) log.Warning("Silo loads cannot be published ({Error}); placement uses the last ones read", e.Message);
            _unreachable = true;
        }
    }
}
