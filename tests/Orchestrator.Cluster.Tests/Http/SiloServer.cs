using Microsoft.AspNetCore.Builder;
using Orchestrator.Cli.Hosting;
using Orchestrator.Cluster.Http;
using Orchestrator.Cluster.Silo;
using Orchestrator.Server;
using StackExchange.Redis;

namespace Orchestrator.Cluster.Tests.Http;

/// <summary>
/// <c>orchestrator serve --cluster</c> in this process, wired as its <c>serve</c> verb wires it (the server's app, a silo
/// of the cluster in its host, the cluster as the server's session backend, <c>/api/cluster</c>), on a free loopback
/// port, with one run slot. Several share one process as silos of one cluster. Disposing stops it (its silo leaves).
/// </summary>
internal sealed class SiloServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IConnectionMultiplexer _redis;

    private SiloServer(WebApplication app, IConnectionMultiplexer redis, HttpClient client, string data)
    {
        _app = app;
        _redis = redis;
        Client = client;
        DataDir = data;
    }

    public HttpClient Client { get; }
    public string DataDir { get; }

    public static async Task<SiloServer> StartAsync(RedisServer redis, string clusterId, string data)
    {
        var pipelines = Path.Combine(Grains.SessionGrainTests.RepoRoot(), "pipelines");
        var url = $"http://127.0.0.1:{RedisServer.FreePort()}";
        var options = new ServerOptions { Urls = url, DataDirectory = data, PipelinesDirectory = pipelines, MaxRunning = 1 };
        var settings = new ClusterSettings
        {
            Redis = RedisAddress.Parse(redis.Address), ClusterId = clusterId, DataDirectory = data, PipelinesDirectory = pipelines, MaxRunning = 1,
            ResumeCheckEvery = TimeSpan.FromSeconds(1),
        };
        var connection = await ClusterHosting.ConnectAsync(settings, CancellationToken.None);
        var app = ServerApp.Build(options, Serilog.Core.Logger.None,
            builder => ClusterServer.Configure(builder, settings, connection, Serilog.Core.Logger.None), ClusterEndpoints.Map);
        await app.StartAsync();
        return new SiloServer(app, connection, new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) }, data);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _redis.DisposeAsync();
    }
}
