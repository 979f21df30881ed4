using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Orchestrator.Cluster.Status;
using Orchestrator.Cluster.Store;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Tests;

namespace Orchestrator.Cluster.Tests.Processes;

/// <summary>
/// <c>orchestrator cluster status</c> against a real redis-server and a real silo: it lists the silo, its load and the
/// sessions it drives, read from Redis without joining the cluster; an unreachable Redis is one line and exit code 10.
/// </summary>
[TestFixture]
public sealed class ClusterStatusProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private string _root = null!;

    [SetUp]
    public void Folder() => _root = Directory.CreateTempSubdirectory("cluster-status-").FullName;

    [TearDown]
    public void Clean() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task It_lists_the_silo_with_its_heartbeat_and_load_and_the_sessions_it_drives()
    {
        await using var redis = await RedisServer.StartAsync();
        var store = new RedisSessionStore(redis.Connection, SiloProcess.ClusterId);
        await using var silo = await SiloProcess.StartAsync(Path.Combine(_root, "silo"), redis.Address, maxRunning: 1);
        var address = (await silo.Client.GetFromJsonAsync<JsonElement>("/api/cluster/status")).GetProperty("silo").GetString()!;
        var moby = await silo.PostAsync(Corpus.PathOf(Corpus.MobyDick));
        // Alice is posted once Moby-Dick holds the one run slot: posted together, either may take it first, and Alice,
        // short, then ends before anything is looked at.
        await WaitForAsync(() => Note(redis, store, moby) is { State: DrivenSession.Running }, "note of Moby-Dick running");
        var alice = await silo.PostAsync(Corpus.PathOf(Corpus.Alice));

        // Frozen while Moby-Dick runs (its first node's outcome is logged) and Alice waits for the one run slot.
        await WaitForAsync(() => store.ReadEvents(moby).Events.Any(e => e.Kind == SessionEventKind.Outcome), "Moby-Dick's first node outcome");
        await WaitForAsync(() => Note(redis, store, alice) is not null, "note of Alice driven");
        await silo.SignalAsync("STOP");
        // What the silo wrote just before the freeze has reached Redis, which the status reads.
        var frozen = await FrozenSessions.ReadAsync(redis, address);
        (int Code, string Out, string Err) busy;
        try
        {
            busy = await StatusAsync("--cluster", redis.Address, "--cluster-id", SiloProcess.ClusterId);
        }
        finally
        {
            await silo.SignalAsync("CONT");
        }
        await WaitForAsync(() => store.ReadAttachment(alice, "report.json") is not null, "Alice's report");
        await WaitForAsync(() => redis.Connection.GetDatabase().HashLength(store.Keys.Driven) == 0, "no session driven");
        var idle = await StatusAsync("--cluster", redis.Address, "--cluster-id", SiloProcess.ClusterId);
        TestContext.Out.WriteLine(busy.Out);

        Assert.That(frozen.Driven.Select(d => (d.Id, d.State)), Is.EquivalentTo(new[] { (moby, DrivenSession.Running), (alice, DrivenSession.Queued) }),
            "at the freeze, Moby-Dick ran and Alice waited for the slot");
        Assert.That((busy.Code, busy.Err), Is.EqualTo((0, "")));
        var lines = busy.Out.Split('\n', StringSplitOptions.TrimEntries);
        Assert.That(lines[0], Is.EqualTo($"cluster '{SiloProcess.ClusterId}' on {redis.Address}: 1 silo(s) not dead, 2 session(s) driven"));
        Assert.That(lines, Has.One.Match($@"^{Regex.Escape(address)}\s+Active\s+\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\dZ \(\d+ s ago\)\s+1\s+1$"),
            "the silo, active, its last heartbeat, one session running and one queued");
        Assert.That(lines, Has.One.Match($@"^{moby}\s+running\s+{Regex.Escape(address)}\s"));
        Assert.That(lines, Has.One.Match($@"^{alice}\s+queued\s+{Regex.Escape(address)}\s"));
        Assert.That(idle.Code, Is.Zero);
        Assert.That(idle.Out, Does.StartWith($"cluster '{SiloProcess.ClusterId}' on {redis.Address}: 1 silo(s) not dead, 0 session(s) driven")
            .And.Match($@"(?m)^{Regex.Escape(address)}\s+Active\s+.*\s0\s+0$"));
    }

    [Test]
    public async Task An_unreachable_Redis_is_one_clear_line_and_exit_code_10()
    {
        var port = RedisServer.FreePort();
        var (code, output, error) = await StatusAsync("--cluster", $"redis://127.0.0.1:{port}");

        Assert.That((code, output), Is.EqualTo((10, "")));
        Assert.That(error.Trim(), Is.EqualTo($"error: --cluster redis://127.0.0.1:{port}: Redis cannot be reached (It was not possible to connect to the redis server(s))"));
    }

    private async Task<(int Code, string Out, string Err)> StatusAsync(params string[] arguments)
    {
        using var process = SiloProcess.Start(Path.Combine(_root, "cli"), ["cluster", "status", .. arguments]);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private static DrivenSession? Note(RedisServer redis, RedisSessionStore store, string id) =>
        redis.Connection.GetDatabase().HashGet(store.Keys.Driven, id) is { HasValue: true } note
            ? JsonSerializer.Deserialize<DrivenSession>((string)note!, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            : null;

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"no {what} within {Patience.TotalSeconds:F0} s");
            await Task.Delay(5);
        }
    }
}
