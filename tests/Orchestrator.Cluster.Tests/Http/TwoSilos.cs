namespace Orchestrator.Cluster.Tests.Http;

/// <summary>Two silos of one cluster, in this process, on a redis-server of their own: what the HTTP tests run against.</summary>
internal sealed class TwoSilos : IAsyncDisposable
{
    private TwoSilos(RedisServer redis, string cluster, string root, SiloServer a, SiloServer b) =>
        (Redis, Cluster, Root, A, B) = (redis, cluster, root, a, b);

    public RedisServer Redis { get; }
    public string Cluster { get; }
    public string Root { get; }
    public SiloServer A { get; }
    public SiloServer B { get; }

    /// <summary>Starts Redis and the two silos; <paramref name="name"/> prefixes the cluster id and the data folder.</summary>
    public static async Task<TwoSilos> StartAsync(string name)
    {
        var redis = await RedisServer.StartAsync();
        var root = Directory.CreateTempSubdirectory($"cluster-{name}-").FullName;
        var cluster = $"{name}-{Guid.NewGuid().ToString("N")[..8]}";
        var a = await SiloServer.StartAsync(redis, cluster, Path.Combine(root, "a"));
        var b = await SiloServer.StartAsync(redis, cluster, Path.Combine(root, "b"));
        return new TwoSilos(redis, cluster, root, a, b);
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Redis.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
