using System.Net;
using System.Text.Json;

namespace Orchestrator.Cluster.Tests.Http;

/// <summary>
/// A fixture of HTTP tests against two silos of one cluster, in this process, on a redis-server of their own, started
/// once for the fixture; <c>name</c> prefixes the cluster id and the data folder.
/// </summary>
public abstract class TwoSiloTests(string name)
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private string? _root;

    private protected RedisServer Redis { get; private set; } = null!;
    protected string Cluster { get; } = $"{name}-{Guid.NewGuid().ToString("N")[..8]}";
    private protected SiloServer A { get; private set; } = null!;
    private protected SiloServer B { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartSilos()
    {
        Redis = await RedisServer.StartAsync();
        _root = Directory.CreateTempSubdirectory($"cluster-{name}-").FullName;
        A = await SiloServer.StartAsync(Redis, Cluster, Path.Combine(_root, "a"));
        B = await SiloServer.StartAsync(Redis, Cluster, Path.Combine(_root, "b"));
    }

    [OneTimeTearDown]
    public async Task StopSilos()
    {
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        if (Redis is not null) await Redis.DisposeAsync();
        if (_root is not null) Directory.Delete(_root, recursive: true);
    }

    /// <summary>Posts <paramref name="manuscript"/> as <paramref name="name"/> to the quick pipeline through the server's own API, with an Idempotency-Key; a refusal fails the test.</summary>
    private protected static async Task<(HttpStatusCode Status, string Id)> PostAsync(SiloServer silo, string name, byte[] manuscript, string idempotencyKey)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(manuscript), "file", name);
        form.Add(new StringContent("quick"), "pipeline");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sessions") { Content = form };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await silo.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.LessThan(300), body);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!);
    }
}
