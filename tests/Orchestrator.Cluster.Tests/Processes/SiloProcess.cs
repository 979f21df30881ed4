using System.Diagnostics;
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
        var url = $"http://127.0.0.1:{RedisServer.FreePort()}";
        var silo = new SiloProcess(Start(dataDir, "serve", "--urls", url, "--pipelines", Path.Combine(Grains.SessionGrainTests.RepoRoot(), "pipelines"),
            "--max-running", maxRunning.ToString(), "--cluster", redis, "--cluster-id", ClusterId), dataDir)
        {
            Client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) },
        };
        for (var i = 0; i < 600; i++)
        {
            if (silo._process.HasExited) Assert.Fail($"serve --cluster exited with {silo._process.ExitCode}: {await silo._stderr}");
            try
            {
                using var status = await silo.Client.GetAsync("/api/cluster/status");
                if (status.IsSuccessStatusCode) return silo;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        await silo.DisposeAsync();
        Assert.Fail("serve --cluster did not answer within 60 s");
        return null!;
    }

    public async Task<string> PostAsync(string path)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        using var response = await Client.PostAsync($"/api/cluster/sessions?name={Uri.EscapeDataString(Path.GetFileName(path))}", content);
        Assert.That((int)response.StatusCode, Is.EqualTo(202), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>This silo's Orleans address, as sessions' views name their silo.</summary>
    public async Task<string> SiloAddressAsync() => (await Client.GetFromJsonAsync<JsonElement>("/api/cluster/status")).GetProperty("silo").GetString()!;

    public async Task<JsonElement> SessionAsync(string id) => await Client.GetFromJsonAsync<JsonElement>($"/api/cluster/sessions/{id}");

    /// <summary>Sends <paramref name="signal"/> (TERM, STOP, CONT...) to the silo's process.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString()])!;
        await kill.WaitForExitAsync();
        Assert.That(kill.ExitCode, Is.Zero, $"kill -{signal} {_process.Id}");
    }

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
