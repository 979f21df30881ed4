using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Orchestrator.Server.Tests;

/// <summary>
/// The real `orchestrator serve` in a child process on a free loopback port. Disposing kills it if it is still
/// running (no process is left behind); <see cref="KillHard"/> is the <c>kill -9</c> of a crash.
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;

    private ServeProcess(Process process, string url)
    {
        _process = process;
        Url = url;
        Client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
        _stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
    }

    public string Url { get; }
    public HttpClient Client { get; }
    public Process Process => _process;

    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "orchestrator.dll");

    public static async Task<ServeProcess> StartAsync(string dataDir, params string[] extra)
    {
        Assert.That(File.Exists(CliDll), Is.True, $"the CLI was not built beside the tests: {CliDll}");
        var url = $"http://127.0.0.1:{ServerHost.FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
            WorkingDirectory = dataDir,
        };
        foreach (var a in new[] { CliDll, "serve", "--urls", url, "--data", dataDir, "--pipelines", Path.Combine(ServerHost.RepoRoot, "pipelines") }.Concat(extra))
            start.ArgumentList.Add(a);
        var serve = new ServeProcess(Process.Start(start)!, url);
        for (var i = 0; i < 300; i++)
        {
            if (serve._process.HasExited) Assert.Fail($"serve exited with {serve._process.ExitCode}: {await serve._stderr}");
            try
            {
                using var health = await serve.Client.GetAsync("/healthz");
                if (health.IsSuccessStatusCode) return serve;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        await serve.DisposeAsync();
        Assert.Fail("serve did not answer /healthz within 30 s");
        return null!;
    }

    public async Task<string> PostAsync(string path)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(path)), "file", Path.GetFileName(path) } };
        using var response = await Client.PostAsync("/api/sessions", form);
        Assert.That((int)response.StatusCode, Is.EqualTo(202), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>SIGKILL: no handler runs, nothing is flushed.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, then the exit code.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await kill.WaitForExitAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(limit.Token);
        return _process.ExitCode;
    }

    public async Task<string> StandardErrorAsync() => _process.HasExited ? await _stderr : "(still running)";

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited) KillHard();
        await _stderr.ConfigureAwait(false);
        _process.Dispose();
    }
}
