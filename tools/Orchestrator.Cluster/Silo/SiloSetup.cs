using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestrator.Cluster.Drain;
using Orchestrator.Cluster.Placement;
using Orchestrator.Cluster.Grains;
using Orchestrator.Cluster.Store;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Persistence;
using StackExchange.Redis;

namespace Orchestrator.Cluster.Silo;

/// <summary>
/// Makes a host an Orleans silo of the cluster: membership, grain state and reminders in Redis, the session store over
/// the same connection, this silo's pipelines, and liveness settings tuned so a dead silo's sessions run again within
/// seconds, not minutes.
/// </summary>
public static class SiloSetup
{
    /// <summary>The grain storage provider of the session grains.</summary>
    public const string StorageName = "sessions";
    public const string ServiceId = "orchestrator";

    /// <summary>
    /// Liveness: each silo is probed every 2 s by 2 others; 2 missed probes suspect it and one vote (enough in a cluster
    /// of two) declares it dead. A killed silo is thus declared dead in about 6-10 s (the default settings take over a
    /// minute); the lease it held in the store has run out by then, so its sessions resume at once.
    /// </summary>
    public static void TuneLiveness(ClusterMembershipOptions o)
    {
        o.ProbeTimeout = TimeSpan.FromSeconds(2);
        o.NumMissedProbesLimit = 2;
        o.NumProbedSilos = 2;
        o.NumVotesForDeathDeclaration = 1;
        o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        o.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
    }

    /// <summary>Everything but the silo's endpoints (tests let the testing host choose those).</summary>
    public static ISiloBuilder AddOrchestratorGrains(this ISiloBuilder silo, ClusterSettings settings, IConnectionMultiplexer redis, Serilog.ILogger log,
        SiloSessions? sessions = null)
    {
        // One connection for the whole silo; providers told it is shared leave it open when they stop.
        Task<(IConnectionMultiplexer, bool)> SharedFlagged(ConfigurationOptions _) => Task.FromResult((redis, true));
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = ServiceId;
        });
        silo.Configure<ClusterMembershipOptions>(TuneLiveness);
        // The default directory deactivates every grain whose registration sat on a silo that leaves, wherever the
        // grain runs: a silo that stops (or dies) would cut sessions running on the others, and the grains it hands
        // over would be deactivated as they arrive. The distributed directory hands its ranges over instead.
#pragma warning disable ORLEANSEXP003 // experimental in Orleans 10; the testing host runs its suites with it
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
        // After a silo dies, the directory holds its grains back for a while (30 s by default) in case it still runs
        // them. A session is already kept from a second driver by its lease in Redis, so holding it back longer than
        // that lease lives only delays its resume.
        silo.Configure<GrainDirectoryOptions>(o => o.RangeLeaseDuration = RedisLeaseOptions.Default.TimeToLive);
        silo.UseRedisClustering(o =>
        {
            o.ConfigurationOptions = settings.Redis.ToOptions();
            o.CreateMultiplexer = _ => SharedFlagged(o.ConfigurationOptions);
        });
        silo.AddRedisGrainStorage(StorageName, (RedisStorageOptions o) =>
        {
            o.ConfigurationOptions = settings.Redis.ToOptions();
            // A deleted session's grain clears its record: gone from Redis, not kept as an empty one.
            o.DeleteStateOnClear = true;
            o.CreateMultiplexer = _ => SharedFlagged(o.ConfigurationOptions);
        });
        silo.UseRedisReminderService(o =>
        {
            o.ConfigurationOptions = settings.Redis.ToOptions();
            o.CreateMultiplexer = _ => SharedFlagged(o.ConfigurationOptions);
        });
        // A grain's Redis outage must reach callers on other silos as one (Orleans has no codec for the client's exceptions).
        silo.AddIncomingGrainCallFilter<RedisOutageCallFilter>();
        // Reminders are meant for minutes; a session's resume check ticks every few seconds (ClusterSettings.ResumeCheckEvery).
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        silo.Services.AddSingleton(log);
        silo.Services.AddSingleton(settings);
        silo.Services.AddSingleton(new RedisSessionStore(redis, settings.ClusterId));
        silo.Services.AddSingleton<SiloPipelines>();
        silo.Services.AddSingleton(sessions ?? new SiloSessions());
        silo.Services.AddSingleton<HandOffTargets>();
        silo.Services.AddSingleton<ModelNeeds>();
        silo.Services.AddSingleton(sp => new SiloLoads(redis, settings, sp.GetRequiredService<SiloPipelines>(), sp.GetRequiredService<SiloSessions>(),
            sp.GetRequiredService<Orleans.Runtime.ILocalSiloDetails>(), sp.GetRequiredService<Orleans.Runtime.IClusterMembershipService>(), log));
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloLoads>());
        // Sessions go to the silo with the most free run slots (and a model when they need one), not the one that took the post.
        silo.AddPlacementDirector<SessionPlacement, SessionPlacementDirector>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SiloDrain>();
        return silo;
    }

    /// <summary>A silo of <c>orchestrator serve --cluster</c>: <see cref="AddOrchestratorGrains"/> plus its endpoints.</summary>
    public static ISiloBuilder UseOrchestratorCluster(this ISiloBuilder silo, ClusterSettings settings, IConnectionMultiplexer redis, Serilog.ILogger log,
        SiloSessions sessions)
    {
        silo.AddOrchestratorGrains(settings, redis, log, sessions);
        var port = settings.SiloPort != 0 ? settings.SiloPort : FreePort(settings.AdvertisedAddress);
        // No gateway: clients of the cluster are the silos' own HTTP APIs, which call grains from inside.
        silo.ConfigureEndpoints(settings.AdvertisedAddress, port, gatewayPort: 0, listenOnAnyHostAddress: false);
        return silo;
    }

    private static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
