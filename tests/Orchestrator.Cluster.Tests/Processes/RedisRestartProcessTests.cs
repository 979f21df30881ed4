using System.Text.Json;
using Orchestrator.Cluster.Store;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Reports;
using Orchestrator.Manuscripts.Tests;

namespace Orchestrator.Cluster.Tests.Processes;

/// <summary>
/// The cluster's Redis stopped mid-run and started again (an append-only file keeps its data): real silos pause their
/// sessions, say so in one log line, and go on from their last saved state; every session completes on the silo and
/// in the run it began, with the report of an uninterrupted run.
/// </summary>
[TestFixture]
public sealed class RedisRestartProcessTests
{
    /// <summary>Longer than the client's 5 s timeouts: writes fail and sessions pause, rather than wait in the client's queue.</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);
    // One run slot per silo; placement spreads them over both (two on each), so the silo running Moby-Dick is looked up.
    private static readonly string[] Books = [Corpus.PrideAndPrejudice, Corpus.MobyDick, Corpus.Frankenstein, Corpus.Alice];
    private const int Moby = 1;
    private string _root = null!;

    [SetUp]
    public void Folder() => _root = Directory.CreateTempSubdirectory("cluster-redis-restart-").FullName;

    [TearDown]
    public void Clean() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task Sessions_pause_while_Redis_restarts_and_then_each_completes_in_its_one_run_as_an_uninterrupted_run_would()
    {
        await using var redis = await RedisServer.StartAsync(persistent: true);
        var store = new RedisSessionStore(redis.Connection, SiloProcess.ClusterId);
        await using var a = await SiloProcess.StartAsync(Path.Combine(_root, "a"), redis.Address, maxRunning: 1);
        await using var b = await SiloProcess.StartAsync(Path.Combine(_root, "b"), redis.Address, maxRunning: 1);
        var ids = new List<string>();
        for (var i = 0; i < Books.Length; i++) ids.Add(await (i < 2 ? a : b).PostAsync(Corpus.PathOf(Books[i])));
        var mobySilo = (await a.SessionAsync(ids[Moby])).GetProperty("silo").GetString();
        var m = await a.SiloAddressAsync() == mobySilo ? a : b;

        // Moby-Dick is mid-run once its first node's outcome is logged; its silo is frozen while Redis stops, so it is still mid-run then.
        await WaitForAsync(() => store.ReadEvents(ids[Moby]).Events.Any(e => e.Kind == SessionEventKind.Outcome), "Moby-Dick's first node outcome");
        await m.SignalAsync("STOP");
        var frozen = await FrozenSessions.ReadAsync(redis, mobySilo!);
        var midRun = frozen.Ids.Contains(ids[Moby]) && !frozen.Events[ids[Moby]].Any(e => e.Kind == SessionEventKind.Stop);
        await redis.StopAsync();
        await m.SignalAsync("CONT");
        await Task.Delay(Outage);
        var during = await m.Client.GetAsync($"/api/cluster/sessions/{ids[Moby]}");
        await redis.RestartAsync();

        var ends = new List<JsonElement>();
        foreach (var id in ids) ends.Add(await WaitForEndAsync(a, id));
        var logA = SiloLog(m);
        foreach (var line in (SiloLog(a) + SiloLog(b)).Split('\n').Where(l => ids.Any(l.Contains) && !l.Contains("HTTP")))
            TestContext.Out.WriteLine(line.Length > 220 ? line[..220] : line);

        Assert.That(midRun, Is.True, "Moby-Dick had not finished when Redis stopped");
        Assert.That((int)during.StatusCode, Is.EqualTo(503), "while Redis is away the API says so");
        Assert.That(logA, Does.Contain($"Session {ids[Moby]} paused: Redis cannot be reached"), "Moby-Dick was cut mid-run by the outage");
        Assert.That(logA, Does.Contain($"Session {ids[Moby]}: Redis answers again; going on from its last saved state"));
        var references = await ReferenceReports.OfAsync(Books, _root);
        for (var i = 0; i < ids.Count; i++)
        {
            var events = store.ReadEvents(ids[i]).Events;
            Assert.That((ends[i].GetProperty("status").GetString(), ends[i].GetProperty("runs").GetInt32()), Is.EqualTo(("Completed", 1)),
                $"{Books[i]}: paused and went on within its one run");
            // Not "completed once": a session whose last write's answer the outage lost is found finished by its resume,
            // which logs its end again (running no node); the report is what must not change.
            Assert.That(events.Last(e => e.Kind == SessionEventKind.Checkpoint).Status, Is.EqualTo("Completed"), $"{Books[i]} ended completed");
            Assert.That(ComparableReport.Of(store.ReadAttachment(ids[i], ReportFiles.JsonName)!), Is.EqualTo(references[Books[i]]),
                $"{Books[i]}: the report of an uninterrupted run");
        }
    }

    private static string SiloLog(SiloProcess silo) => string.Concat(Directory.GetFiles(Path.Combine(silo.DataDir, "logs"))
        .Select(path => { using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)); return reader.ReadToEnd(); }));

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"no {what} within {Patience.TotalSeconds:F0} s");
            await Task.Delay(5);
        }
    }

    private static async Task<JsonElement> WaitForEndAsync(SiloProcess silo, string id)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                var view = await silo.SessionAsync(id);
                if (view.GetProperty("status").GetString() is not ("Queued" or "Running" or "Interrupted")) return view;
            }
            catch (HttpRequestException)
            {
                // 503 until the silo's connection to Redis is back.
            }
            if (DateTime.UtcNow > deadline) Assert.Fail($"session {id} did not finish within {Patience.TotalSeconds:F0} s");
            await Task.Delay(250);
        }
    }
}
