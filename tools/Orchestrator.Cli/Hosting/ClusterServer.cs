using Microsoft.AspNetCore.Builder;
using Orchestrator.Cluster.Drain;
using Orchestrator.Cluster.Silo;
using StackExchange.Redis;

namespace Orchestrator.Cli.Hosting;

/// <summary>
/// Where <c>serve --cluster</c> makes the server's app a silo: the host joins the cluster, the API serves the cluster's
/// sessions (<see cref="ClusterSessionBackend"/>) and <c>/readyz</c> and <c>/metrics</c> report the silo's own load
/// (<see cref="SiloRunLoad"/>). One place, so the verb and the tests that host silos in process wire them alike.
/// </summary>
public static class ClusterServer
{
    /// <summary>Configures <paramref name="builder"/> (pass it as the server's configure step); the silo's sessions, which say after it stopped what its drain handed over.</summary>
    public static SiloSessions Configure(WebApplicationBuilder builder, ClusterSettings settings, IConnectionMultiplexer redis, Serilog.ILogger log)
    {
        var sessions = ClusterHosting.Join(builder, settings, redis, log);
        ClusterSessionBackend.Register(builder.Services);
        SiloRunLoad.Register(builder.Services, redis);
        return sessions;
    }
}
