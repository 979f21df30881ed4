using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Orchestrator.Cluster.Tests;

/// <summary>
/// A real <c>redis-server</c> of its own on a free loopback port, with a temporary folder and no persistence; disposing
/// stops it and deletes the folder. When redis-server is missing the test is ignored locally and fails on CI (where
/// .ci/run installs it).
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private RedisServer(Process process, string folder, int port, IConnectionMultiplexer connection)
    {
        _process = process;
        _folder = folder;
        Port = port;
        Connection = connection;
    }

    public int Port { get; }

    /// <summary>A connection for the test itself.</summary>
    public IConnectionMultiplexer Connection { get; }

    public string Address => $"redis://127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var executable = Find();
        var folder = Directory.CreateTempSubdirectory("cluster-redis-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder,
        };
        foreach (var a in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--dir", folder, "--save", "", "--appendonly", "no", "--daemonize", "no" })
            start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=true,connectTimeout=1000");
                await connection.GetDatabase().PingAsync();
                return new RedisServer(process, folder, port, connection);
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
