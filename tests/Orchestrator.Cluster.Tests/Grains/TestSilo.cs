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
    /// <summary>Run slots of each silo (default 1).</summary>
    public const string MaxRunningProperty = "OrchestratorMaxRunning";
    /// <summary>The silos (by the testing host's names, <c>Secondary_N</c>, comma-separated) that declare the model of <see cref="ModelProperty"/>.</summary>
    public const string ModelSilosProperty = "OrchestratorModelSilos";
    /// <summary>A GGUF file: the silos of <see cref="ModelSilosProperty"/> run llm nodes on it, as <c>serve --model</c> would.</summary>
    public const string ModelProperty = "OrchestratorModel";
    /// <summary>Where the testing host puts each silo's name (Secondary_0, Secondary_1...).</summary>
    private const string NameKey = "Orleans:Name";

    /// <summary>
    /// A testing host of <paramref name="silos"/> such silos on <paramref name="redis"/> (Redis membership, not the testing
    /// host's own), keeping sessions in <paramref name="data"/> and reading <paramref name="pipelines"/>; a test adds its
    /// own properties (run slots, model) before building it.
    /// </summary>
    internal static TestClusterBuilder Builder(short silos, RedisServer redis, string data, string pipelines)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.ServiceId = SiloSetup.ServiceId;
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[RedisProperty] = redis.Address;
        builder.Properties[DataProperty] = data;
        builder.Properties[PipelinesProperty] = pipelines;
        builder.Properties[ClusterIdProperty] = builder.Options.ClusterId;
        builder.AddSiloBuilderConfigurator<TestSilo>();
        builder.AddClientBuilderConfigurator<TestSilo>();
        return builder;
    }

    public void Configure(ISiloBuilder silo)
    {
        var settings = Settings(silo.Configuration);
        var redis = ConnectionMultiplexer.Connect(settings.Redis.ToOptions());
        silo.AddOrchestratorGrains(settings, redis, Environment.GetEnvironmentVariable("ORCHESTRATOR_TEST_SILO_LOG") is { } log
            ? new Serilog.LoggerConfiguration().WriteTo.Sink(new FileLog(Path.Combine(log, (silo.Configuration[NameKey] ?? "silo") + ".log"))).CreateLogger()
            : Serilog.Core.Logger.None);
    }

    public void Configure(IConfiguration configuration, IClientBuilder client) =>
        client.UseRedisClustering(o => o.ConfigurationOptions = RedisAddress.Parse(configuration[RedisProperty]!).ToOptions());

    private static ClusterSettings Settings(IConfiguration configuration)
    {
        var data = configuration[DataProperty]!;
        var name = configuration[NameKey] ?? "";
        var model = (configuration[ModelSilosProperty] ?? "").Split(',').Contains(name) ? configuration[ModelProperty] : null;
        Func<string, Engine.Pipelines.PipelineDefinition?, Engine.Nodes.NodeRegistry>? nodeTypes = null;
        if (model is not null)
        {
            // The node types of `serve --model`: the novel types and llm on that model (its cache in this silo's data folder).
            var cli = Cli.Hosting.CliSettings.Load(Path.Combine(data, name));
            var llm = Cli.Hosting.LlmHosting.Create(cli, model, Serilog.Core.Logger.None);
            nodeTypes = new Cli.Hosting.ServerNodeTypes(cli, llm, null).For;
        }
        return new ClusterSettings
        {
            Redis = RedisAddress.Parse(configuration[RedisProperty]!),
            ClusterId = configuration[ClusterIdProperty]!,
            DataDirectory = data,
            PipelinesDirectory = configuration[PipelinesProperty]!,
            MaxRunning = int.TryParse(configuration[MaxRunningProperty], out var slots) ? slots : 1,
            ResumeCheckEvery = TimeSpan.FromSeconds(1),
            Model = model is null ? null : Path.GetFileName(model),
            NodeTypes = nodeTypes,
        };
    }
}

/// <summary>A test silo's log lines in a file (when ORCHESTRATOR_TEST_SILO_LOG names a folder), to see what a failing test's silos did.</summary>
internal sealed class FileLog(string path) : Serilog.Core.ILogEventSink
{
    private readonly Lock _gate = new();

    public void Emit(Serilog.Events.LogEvent e)
    {
        lock (_gate) File.AppendAllText(path, $"{e.Timestamp:HH:mm:ss.fff} {e.Level} {e.RenderMessage()} {e.Exception}\n");
    }
}
