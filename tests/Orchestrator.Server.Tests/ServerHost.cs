using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;

namespace Orchestrator.Server.Tests;

/// <summary>
/// The server in this process, on a scratch data folder and the repository's pipelines: behind a TestServer
/// (in-memory HTTP, for API tests) or on a free loopback port (for the browser). Disposing stops it and deletes
/// the folder.
/// </summary>
internal sealed class ServerHost : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private ServerHost(WebApplication app, ServerOptions options, HttpClient client)
    {
        App = app;
        Options = options;
        Client = client;
    }

    public WebApplication App { get; }
    public ServerOptions Options { get; }
    public HttpClient Client { get; }
    public string DataDir => Options.DataDirectory;

    /// <summary>Leave the data folder on dispose (a test that starts a second server on it).</summary>
    public bool KeepData { get; set; }

    public static string RepoRoot { get; } = FindRepoRoot();
    public static string Sample => Path.Combine(RepoRoot, "samples", "the-lighthouse-keepers-daughter.md");

    public static ServerOptions NewOptions(string? dataDir = null) => new()
    {
        DataDirectory = dataDir ?? Directory.CreateTempSubdirectory("orchestrator-server-").FullName,
        PipelinesDirectory = Path.Combine(RepoRoot, "pipelines"),
    };

    /// <summary>An in-memory server (TestServer).</summary>
    public static async Task<ServerHost> StartAsync(ServerOptions? options = null)
    {
        options ??= NewOptions();
        var app = ServerApp.Build(options, Serilog.Core.Logger.None, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        var client = app.GetTestClient();
        client.Timeout = TimeSpan.FromMinutes(3);
        return new ServerHost(app, options, client);
    }

    /// <summary>A real Kestrel server on a free loopback port.</summary>
    public static async Task<ServerHost> StartOnPortAsync(ServerOptions? options = null)
    {
        options = (options ?? NewOptions()) with { Urls = $"http://127.0.0.1:{FreePort()}" };
        var app = ServerApp.Build(options, Serilog.Core.Logger.None);
        await app.StartAsync();
        return new ServerHost(app, options, new HttpClient { BaseAddress = new Uri(options.Urls), Timeout = TimeSpan.FromMinutes(3) });
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task<HttpResponseMessage> PostFileAsync(string path, string contentType, string query = "", string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sessions" + query)
        {
            Content = new ByteArrayContent(await File.ReadAllBytesAsync(path)),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await Client.SendAsync(request);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {path}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    /// <summary>Reads the session's events stream to its end; the events as (id, event, data).</summary>
    public async Task<IReadOnlyList<(long? Id, string Event, string Data)>> ReadEventsAsync(string sessionId, long? lastEventId = null,
        Action<(long? Id, string Event, string Data)>? seen = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sessions/{sessionId}/events");
        if (lastEventId is { } last) request.Headers.Add("Last-Event-ID", last.ToString());
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        return await SseReader.ReadAllAsync(await response.Content.ReadAsStreamAsync(), seen: seen);
    }

    /// <summary>Polls until the session is neither queued nor running (bounded: a test never hangs).</summary>
    public async Task<JsonElement> WaitUntilStoppedAsync(string sessionId, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromMinutes(3));
        while (true)
        {
            var session = await GetJsonAsync($"/api/sessions/{sessionId}");
            var status = session.GetProperty("status").GetString();
            if (status is not ("Queued" or "Running")) return session;
            if (DateTime.UtcNow > deadline) Assert.Fail($"session {sessionId} still {status} after the time limit");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (KeepData) return;
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Orchestrator.Dataflow.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (Orchestrator.Dataflow.sln) above " + AppContext.BaseDirectory);
    }
}
