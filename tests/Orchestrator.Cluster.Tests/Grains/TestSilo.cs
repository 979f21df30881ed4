using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orchestrator.Cluster.Silo;
using Orleans.Hosting;
using Orleans.TestingHost;
using StackExchange.Redis;

namespace Orchestrator.Cluster.Tests.Grains;

/// <summary>
/// Makes each in-process test silo a silo of <c>orchestrator serve --cluster</c>: Redis membership, grain state,
/// reminders and sessions on the test's redis-server, one run slot, the repository's pipelines. The testing host picks
/// the endpoints; the values come through the cluster's properties.
/// </summary>
public sealed class TestSilo : ISiloConfigurator, IClientBuilderConfigurator
{
    public const string RedisProperty = "OrchestratorRedis";
    public const string DataProperty = "OrchestratorData";
    public const string PipelinesProperty = "OrchestratorPipelines";
    public const string ClusterIdProperty = "OrchestratorClusterId";

    public void Configure(ISiloBuilder silo)
    {
        var settings = Settings(silo.Configuration);
        var redis = ConnectionMultiplexer.Connect(settings.Redis.ToOptions());
        silo.AddOrchestratorGrains(settings, redis, Serilog.Core.Logger.None);
    }

    public void Configure(IConfiguration configuration, IClientBuilder client) =>
        client.UseRedisClustering(o => o.ConfigurationOptions = RedisAddress.Parse(configuration[RedisProperty]!).ToOptions());

    private static ClusterSettings Settings(IConfiguration configuration) => new()
    {
        Redis = RedisAddress.Parse(configuration[RedisProperty]!),
        ClusterId = configuration[ClusterIdProperty]!,
        DataDirectory = configuration[DataProperty]!,
        PipelinesDirectory = configuration[PipelinesProperty]!,
        MaxRunning = 1,
        ResumeCheckEvery = TimeSpan.FromSeconds(1),
    };
}
