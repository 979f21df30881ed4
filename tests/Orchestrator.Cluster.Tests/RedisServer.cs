using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Orchestrator.Cluster.Tests;

/// <summary>
/// A real <c>redis-server</c> of its own on a free loopback port, with a temporary folder and no persistence (or an
/// append-only file in that folder, for a server that is stopped and started again); disposing stops it and deletes the
/// folder. When redis-server is missing the test is ignored locally and fails on CI (where .ci/run installs it).
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly bool _persistent;
    private Process _process;

    private RedisServer(Process process, string folder, bool persistent, int port, IConnectionMultiplexer connection)
    {
        _process = process;
        _folder = folder;
        _persistent = persistent;
        Port = port;
        Connection = connection;
    }

    public int Port { get; }

    /// <summary>A connection for the test itself.</summary>
    public IConnectionMultiplexer Connection { get; }

    public string Address => $"redis://127.0.0.1:{Port}";

    /// <param name="persistent">Keep the data in an append-only file, so that it survives <see cref="StopAsync"/> and <see cref="RestartAsync"/>.</param>
    public static async Task<RedisServer> StartAsync(bool persistent = false)
    {
        var folder = Directory.CreateTempSubdirectory("cluster-redis-").FullName;
        var port = FreePort();
        var process = Launch(folder, port, persistent);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=true,connectTimeout=1000");
                await connection.GetDatabase().PingAsync();
                return new RedisServer(process, folder, persistent, port, connection);
            }
            catch (RedisConnectionException)
            {
                if (process.HasExited) break;
                await Task.Delay(100);
            }
        }
        process.Kill();
        Assert.Fail($"redis-server did not answer on port {port} within 10 s");
        return null!;
    }

    /// <summary>Stops the server as an operator would (SIGTERM: it writes its append-only file and exits).</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])!) await kill.WaitForExitAsync();
        await _process.WaitForExitAsync();
    }

    /// <summary>Starts the stopped server again on the same port and folder, and waits until it answers.</summary>
    public async Task RestartAsync()
    {
        Assert.That(_process.HasExited, Is.True, "redis-server is still running");
        _process.Dispose();
        _process = Launch(_folder, Port, _persistent);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},abortConnect=true,connectTimeout=1000");
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException)
            {
                if (_process.HasExited) break;
                await Task.Delay(100);
            }
        }
        Assert.Fail($"redis-server did not answer again on port {Port} within 10 s");
    }

    private static Process Launch(string folder, int port, bool persistent)
    {
        var start = new ProcessStartInfo(Find())
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder,
        };
        foreach (var a in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--dir", folder, "--save", "", "--appendonly", persistent ? "yes" : "no", "--daemonize", "no" })
            start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    /// <summary>Kills the server (a crash, not a shutdown).</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill();
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/bin").Append("/usr/sbin"))
        {
            var candidate = Path.Combine(dir, "redis-server");
            if (File.Exists(candidate)) return candidate;
        }
        const string message = "redis-server is not installed (apt-get install redis-server; .ci/run installs it when missing)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
        Assert.Ignore(message);
        return null!;
    }
}
