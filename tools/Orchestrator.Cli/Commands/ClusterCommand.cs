using System.CommandLine;
using System.Globalization;
using Orchestrator.Cli.Commands.Sessions;
using Orchestrator.Cli.Hosting;
using Orchestrator.Cluster.Silo;
using Orchestrator.Cluster.Status;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// <c>orchestrator cluster status --cluster redis://HOST:PORT [--cluster-id NAME]</c>: the silos of a cluster (address,
/// status, last heartbeat), their load and the sessions each drives, read from Redis without joining the cluster.
/// </summary>
public static class ClusterCommand
{
    public static Command Create()
    {
        var command = new Command("cluster", "Look at a cluster of servers (serve --cluster) from outside it") { Status() };
        return command;
    }

    private static Command Status()
    {
        var cluster = new Option<string>("--cluster") { Description = "The cluster's Redis: redis://HOST:PORT[,more]", Required = true };
        var clusterId = new Option<string?>("--cluster-id") { Description = $"Which cluster of that Redis (default {ClusterSettings.DefaultClusterId})" };
        var all = new Option<bool>("--all") { Description = "Also list dead silos that drive no session" };
        var command = new Command("status", "The silos of the cluster (status, last heartbeat), how many sessions each drives, and those sessions")
        {
            cluster, clusterId, all,
        };
        command.SetAction((parse, ct) => CliRunner.GuardAsync(async () =>
        {
            RedisAddress address;
            try
            {
                address = RedisAddress.Parse(parse.GetValue(cluster)!);
            }
            catch (FormatException ex)
            {
                return Fail(ex.Message);
            }
            StackExchange.Redis.IConnectionMultiplexer redis;
            try
            {
                redis = await RedisConnector.ConnectAsync(address, ct);
            }
            catch (ClusterStartException ex)
            {
                return Fail(ex.Message);
            }
            await using (redis)
            {
                ClusterStatus status;
                try
                {
                    status = await ClusterStatusReader.ReadAsync(redis.GetDatabase(), parse.GetValue(clusterId) ?? ClusterSettings.DefaultClusterId);
                }
                catch (Exception e) when (Orchestrator.Cluster.Store.RedisOutage.Caused(e))
                {
                    return Fail($"--cluster {address}: Redis cannot be reached ({Orchestrator.Cluster.Store.RedisOutage.Describe(e)})");
                }
                Write(Console.Out, status, address, parse.GetValue(all), DateTimeOffset.UtcNow);
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Write(TextWriter output, ClusterStatus status, RedisAddress address, bool all, DateTimeOffset now)
    {
        var shown = status.Silos.Where(s => all || !s.IsDead || status.SessionsOf(s.Address).Count > 0).ToArray();
        output.WriteLine($"cluster '{status.ClusterId}' on {address}: {status.Silos.Count(s => !s.IsDead)} silo(s) not dead, {status.Sessions.Count} session(s) driven");
        if (shown.Length > 0)
        {
            var silos = new TextTable("silo", "status", "last heartbeat", ">running", ">queued");
            foreach (var silo in shown)
            {
                var sessions = status.SessionsOf(silo.Address);
                silos.Add(silo.Address, silo.Status, Heartbeat(silo.LastHeartbeat, now),
                    sessions.Count(s => s.State == DrivenSession.Running).ToString(CultureInfo.InvariantCulture),
                    sessions.Count(s => s.State == DrivenSession.Queued).ToString(CultureInfo.InvariantCulture));
            }
            output.WriteLine();
            silos.WriteTo(output);
        }
        var hidden = status.Silos.Count - shown.Length;
        if (hidden > 0) output.WriteLine($"({hidden} dead silo(s) driving no session not shown; --all lists them)");
        // Sessions noted by a silo the table does not know (its entry was cleaned up) are listed too.
        if (status.Sessions.Count == 0) return;
        var table = new TextTable("session", "state", "silo", "since");
        foreach (var s in status.Sessions)
            table.Add(s.Id, s.State, s.Silo, s.Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        output.WriteLine();
        table.WriteTo(output);
    }

    private static string Heartbeat(DateTimeOffset? time, DateTimeOffset now) => time is { } t
        ? $"{t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)} ({Math.Max(0, (now - t).TotalSeconds):F0} s ago)"
        : "never";

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return ExitCodes.ClusterUnavailable;
    }
}
