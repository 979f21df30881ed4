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
        var sessions = new SiloSessions();
        host.UseOrleans(silo => silo.UseOrchestratorCluster(settings, redis, log, sessions));
        // What the HTTP API of this host reads and posts cluster sessions through.
        host.Services.AddSingleton<Sessions.ClusterSessions>();
        return sessions;
    }
}
