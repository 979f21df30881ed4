using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Net.Http.Json;
using System.Text.Json;

namespace Orchestrator.Cluster.Tests.Processes;

/// <summary>
/// A real <c>orchestrator serve --cluster</c> in a child process on a free loopback port. Disposing kills it if it is
/// still running (no process is left behind); <see cref="KillHard"/> is the <c>kill -9</c> of a dead machine,
/// <see cref="SignalAsync"/> sends any other signal (TERM to stop it, STOP and CONT to freeze it for a moment).
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;

    private SiloProcess(Process process, string dataDir)
    {
        _process = process;
        DataDir = dataDir;
        _stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
    }

    public HttpClient Client { get; private init; } = null!;

    /// <summary>The silo's data folder (its log is under logs/).</summary>
    public string DataDir { get; }

    /// <summary>All the process wrote to stderr, once it exited.</summary>
    public Task<string> Stderr => _stderr;

    /// <summary>The <c>--cluster-id</c> of every silo these tests start.</summary>
    public const string ClusterId = "processes";

    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "orchestrator.dll");

    public static Process Start(string dataDir, params string[] arguments)
    {
        Assert.That(File.Exists(CliDll), Is.True, $"the CLI was not built beside the tests: {CliDll}");
        Directory.CreateDirectory(dataDir);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = dataDir,
        };
        foreach (var a in new[] { CliDll, "--data", dataDir }.Concat(arguments)) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }

    /// <summary>Starts a silo and waits until its HTTP API and its silo answer.</summary>
    public static async Task<SiloProcess> StartAsync(string dataDir, string redis, int maxRunning)
    {
        // A port found free can be taken before the silo binds it (an outgoing connection of another silo gets an
        // ephemeral port from the same range): a silo that fails to bind is started again on other ports.
        for (var attempt = 1; ; attempt++)
        {
            var (silo, failure) = await TryStartAsync(dataDir, redis, maxRunning);
            if (silo is not null) return silo;
            if (attempt == 3 || !failure!.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
                Assert.Fail(failure!);
            TestContext.Out.WriteLine($"a silo could not bind its port (attempt {attempt}); starting it again");
        }
    }

    private static async Task<(SiloProcess? Silo, string? Failure)> TryStartAsync(string dataDir, string redis, int maxRunning)
    {
        var url = $"http://127.0.0.1:{RedisServer.FreePort()}";
        var silo = new SiloProcess(Start(dataDir, "serve", "--urls", url, "--pipelines", Path.Combine(Grains.SessionGrainTests.RepoRoot(), "pipelines"),
            "--max-running", maxRunning.ToString(), "--cluster", redis, "--cluster-id", ClusterId), dataDir)
        {
            Client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) },
        };
        for (var i = 0; i < 600; i++)
        {
            if (silo._process.HasExited)
            {
                var failure = $"serve --cluster exited with {silo._process.ExitCode}: {await silo._stderr}";
                await silo.DisposeAsync();
                return (null, failure);
            }
            try
            {
                using var status = await silo.Client.GetAsync("/api/cluster/status");
                if (status.IsSuccessStatusCode) return (silo, null);
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        await silo.DisposeAsync();
        return (null, "serve --cluster did not answer within 60 s");
    }

    public async Task<string> PostAsync(string path)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        using var response = await Client.PostAsync($"/api/cluster/sessions?name={Uri.EscapeDataString(Path.GetFileName(path))}", content);
        Assert.That((int)response.StatusCode, Is.EqualTo(202), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>
    /// Posts a manuscript to <c>/api/cluster/sessions</c>; its id and the silo placement put it on (the grain starts its
    /// run there before the post is answered), as its view names it.
    /// </summary>
    public async Task<(string Id, string Silo)> PostPlacedAsync(string path)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        using var response = await Client.PostAsync($"/api/cluster/sessions?name={Uri.EscapeDataString(Path.GetFileName(path))}", content);
        Assert.That((int)response.StatusCode, Is.EqualTo(202), await response.Content.ReadAsStringAsync());
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (view.GetProperty("id").GetString()!, view.GetProperty("silo").GetString()!);
    }

    /// <summary>Posts a manuscript through the server's own API (<c>POST /api/sessions</c>, multipart), as any client of a single server does.</summary>
    public async Task<JsonElement> PostSessionAsync(string path)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", Path.GetFileName(path));
        using var response = await Client.PostAsync("/api/sessions", form);
        Assert.That((int)response.StatusCode, Is.EqualTo(202), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.Location?.ToString(), Does.StartWith("/api/sessions/"));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// Follows <c>GET /api/sessions/{id}/events</c> to its <c>end</c> event as a browser's EventSource does: a stream that
    /// breaks or closes before it is followed again after the <c>retry:</c> delay with the Last-Event-ID it reached. The
    /// events as (id, event, data) of all the streams, and how many times it reconnected.
    /// </summary>
    public async Task<(IReadOnlyList<(long? Id, string Event, string Data)> Events, int Reconnects)> FollowEventsAsync(string id, long? lastEventId = null)
    {
        var events = new List<(long? Id, string Event, string Data)>();
        for (var reconnects = 0; ; reconnects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sessions/{id}/events");
            var last = events.LastOrDefault(e => e.Id is not null).Id ?? lastEventId;
            if (last is { } from) request.Headers.Add("Last-Event-ID", from.ToString());
            try
            {
                using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                if ((int)response.StatusCode != 200) Assert.Fail($"events of {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
                await Server.Tests.SseReader.ReadAllAsync(await response.Content.ReadAsStreamAsync(), seen: events.Add);
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                TestContext.Out.WriteLine($"events of {id}: the stream broke after {events.Count} events ({e.Message})");
            }
            if (events.Count > 0 && events[^1].Event == "end") return (events, reconnects);
            if (reconnects == 10) Assert.Fail($"events of {id}: no end after 10 reconnections");
            await Task.Delay(2000);
        }
    }

    /// <summary>This silo's Orleans address, as sessions' views name their silo.</summary>
    public async Task<string> SiloAddressAsync() => (await Client.GetFromJsonAsync<JsonElement>("/api/cluster/status")).GetProperty("silo").GetString()!;

    public async Task<JsonElement> SessionAsync(string id) => await Client.GetFromJsonAsync<JsonElement>($"/api/cluster/sessions/{id}");

    /// <summary>Sends <paramref name="signal"/> (TERM, STOP or CONT) to the silo's process.</summary>
    public Task SignalAsync(string signal)
    {
        // kill(2) itself, not the kill command: starting a process takes milliseconds, in which a warm silo runs a whole
        // novel's nodes, and the kill -9 test must freeze its silo mid-run.
        var number = signal switch
        {
            "TERM" => 15,
            "CONT" => 18,
            "STOP" => 19,
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "TERM, CONT or STOP"),
        };
        Assert.That(Kill(_process.Id, number), Is.Zero, $"kill -{signal} {_process.Id}: errno {Marshal.GetLastPInvokeError()}");
        return Task.CompletedTask;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>Waits for the process to end by itself; its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the silo did not exit within {patience.TotalSeconds:F0} s");
        }
        return _process.ExitCode;
    }

    public void KillHard()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        KillHard();
        await _stderr.ContinueWith(_ => { }, TaskScheduler.Default);
        _process.Dispose();
    }
}
