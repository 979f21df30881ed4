using System.Net;
using System.Net.Sockets;
using Orchestrator.Manuscripts.Tests;

namespace Orchestrator.Cli.Tests;

/// <summary>
/// <c>serve --library NAME</c>: the library is opened before the server listens (a missing one stops it with exit 9),
/// and its searches are made ready beside the start, so the first sessions do not wait for them.
/// </summary>
[TestFixture]
public sealed class ServeLibraryTests
{
    private CliProcess _cli = null!;

    [SetUp]
    public void SetUp() => _cli = new CliProcess();

    [TearDown]
    public void TearDown() => _cli.Dispose();

    [Test]
    public async Task A_served_library_says_its_searches_are_ready_while_the_server_answers()
    {
        var add = await _cli.RunAsync("library", "add", "series", Corpus.PathOf(Corpus.Frankenstein));
        Assert.That(add.ExitCode, Is.Zero, add.ToString());
        var url = $"http://127.0.0.1:{FreePort()}";
        using var serve = _cli.Start("serve", "--urls", url, "--library", "series");
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            string? ready = null;
            var healthy = false;
            for (var i = 0; i < 300 && (ready is null || !healthy); i++)
            {
                if (serve.Process.HasExited) Assert.Fail($"serve exited: {await serve.WaitAsync()}");
                healthy = healthy || await AnswersAsync(client);
                ready ??= LogLines().FirstOrDefault(l => l.Contains("Library series: searches ready in"));
                await Task.Delay(100);
            }
            Assert.That(healthy, Is.True, "serve answered /healthz");
            Assert.That(ready, Does.Match(@"Library series: searches ready in \d+ ms"));
        }
        finally
        {
            serve.Process.Kill(entireProcessTree: true);
            await serve.Process.WaitForExitAsync();
        }
    }

    [Test]
    public async Task A_library_that_does_not_exist_stops_the_server_before_it_listens_with_exit_9()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        using var serve = _cli.Start("serve", "--urls", url, "--library", "nowhere");
        var result = await serve.WaitAsync();
        Assert.That(result.ExitCode, Is.EqualTo(9), result.ToString());
        Assert.That(result.Stderr, Does.Contain("nowhere").And.Not.Contain("   at "));
    }

    private IEnumerable<string> LogLines()
    {
        var logs = Path.Combine(_cli.DataDir, "logs");
        if (!Directory.Exists(logs)) return [];
        return Directory.GetFiles(logs).SelectMany(f =>
        {
            using var reader = new StreamReader(new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return reader.ReadToEnd().Split('\n');
        }).ToArray();
    }

    private static async Task<bool> AnswersAsync(HttpClient client)
    {
        try
        {
            using var health = await client.GetAsync("/healthz");
            return health.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // Not listening yet.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
