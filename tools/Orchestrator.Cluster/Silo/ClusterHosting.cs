using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestrator.Cluster.Drain;
using StackExchange.Redis;

namespace Orchestrator.Cluster.Silo;

/// <summary>The one hook a host calls to become a silo: its host (the server's web app) also runs an Orleans silo of the cluster.</summary>
public static class ClusterHosting
{
    /// <summary>Connects to Redis (a clear error when it cannot) and returns what <see cref="Join"/> needs.</summary>
    /// <exception cref="ClusterStartException">Redis cannot be reached.</exception>
    public static Task<IConnectionMultiplexer> ConnectAsync(ClusterSettings settings, CancellationToken ct) =>
        RedisConnector.ConnectAsync(settings.Redis, ct);

    /// <summary>Makes the host a silo; the sessions it returns say, once the host stopped, which sessions its drain handed over.</summary>
    public static SiloSessions Join(IHostApplicationBuilder host, ClusterSettings settings, IConnectionMultiplexer redis, Serilog.ILogger log)
    {
        KeepWorkerThreads();
        var sessions = new SiloSessions();
        host.UseOrleans(silo => silo.UseOrchestratorCluster(settings, redis, log, sessions));
        // What the HTTP API of this host reads and posts cluster sessions through.
        host.Services.AddSingleton<Sessions.ClusterSessions>();
        return sessions;
    }

    /// <summary>The thread-pool worker threads a silo keeps ready, at the least.</summary>
    public const int MinWorkerThreads = 32;

    /// <summary>
    /// Raises the thread pool's minimum of worker threads to <see cref="MinWorkerThreads"/>. A session's store calls are
    /// partly synchronous (the engine's state and journal seams), so each blocks a pool thread for a Redis round trip;
    /// with as many threads as cores (2 here) those calls and the nodes' work starve each other, and the pool adds only
    /// about one thread per 0.5 s, leaving run slots idle meanwhile. Idle threads cost little.
    /// </summary>
    private static void KeepWorkerThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < MinWorkerThreads) ThreadPool.SetMinThreads(MinWorkerThreads, io);
    }
}
