using System.Diagnostics;
using System.Text.Json;
using Orchestrator.Manuscripts.Tests;

namespace Orchestrator.Cluster.Tests.Processes;

/// <summary>
/// Real <c>orchestrator serve --cluster</c> processes on loopback with their own redis-server: a session posted to one
/// silo is followed and fetched from the other; a silo killed with <c>kill -9</c> loses no session; an unreachable
/// Redis is one message and exit code 10.
/// </summary>
[TestFixture]
public sealed class ClusterProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);
    private string _root = null!;

    [SetUp]
    public void Folder() => _root = Directory.CreateTempSubdirectory("cluster-processes-").FullName;

    [TearDown]
    public void Clean() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task Sessions_posted_to_a_silo_killed_with_kill_9_finish_on_the_other_and_any_silo_serves_them()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var a = await SiloProcess.StartAsync(Path.Combine(_root, "a"), redis.Address, maxRunning: 1);
        await using var b = await SiloProcess.StartAsync(Path.Combine(_root, "b"), redis.Address, maxRunning: 1);

        var alice = await a.PostAsync(Corpus.PathOf(Corpus.Alice));
        var first = await WaitForEndAsync(b, alice);
        Assert.That(first.GetProperty("status").GetString(), Is.EqualTo("Completed"), "posted to one silo, followed on the other");
        var reportFromA = await a.Client.GetStringAsync($"/api/cluster/sessions/{alice}/report");
        var reportFromB = await b.Client.GetStringAsync($"/api/cluster/sessions/{alice}/report");
        Assert.That(reportFromB, Is.EqualTo(reportFromA).And.Contain("Alice"));

        // Both silos' placement tables show them idle again (a line still counting Alice would send Moby-Dick to B).
        await ClusterBatchProcessTests.SeeEachOtherAsync(redis, [await a.SiloAddressAsync(), await b.SiloAddressAsync()], idle: true);
        // One run slot on each silo: of three novels posted to A, placement keeps Moby-Dick (the local silo on a tie) and
        // Frankenstein (a tie again once each silo has one) on A, Pride and Prejudice goes to B; both of A's are owed a
        // run when A is killed.
        var ids = new List<string>();
        foreach (var book in new[] { Corpus.MobyDick, Corpus.PrideAndPrejudice, Corpus.Frankenstein }) ids.Add(await a.PostAsync(Corpus.PathOf(book)));
        var siloA = await a.SiloAddressAsync();
        var unfinished = new List<string>();
        foreach (var id in ids)
            if ((await a.SessionAsync(id)) is var view && view.GetProperty("silo").GetString() == siloA && view.GetProperty("status").GetString() != "Completed") unfinished.Add(id);
        a.KillHard();
        var killed = Stopwatch.StartNew();

        var ends = new List<JsonElement>();
        foreach (var id in ids) ends.Add(await WaitForEndAsync(b, id));
        TestContext.Out.WriteLine($"all sessions of the killed silo finished on the other {killed.Elapsed.TotalSeconds:F1} s after the kill");

        // A session seen running just before the kill may have completed on A in the moment between: one run, on A.
        unfinished.RemoveAll(id => ends.Single(e => e.GetProperty("id").GetString() == id) is var end
            && end.GetProperty("silo").GetString() == siloA && end.GetProperty("runs").GetInt32() == 1);
        Assert.That(unfinished, Has.Count.GreaterThanOrEqualTo(2), "sessions were still owed a run when the silo died");
        Assert.That(ends.Select(e => e.GetProperty("status").GetString()), Is.All.EqualTo("Completed"));
        foreach (var end in ends.Where(e => unfinished.Contains(e.GetProperty("id").GetString()!)))
        {
            Assert.That(end.GetProperty("silo").GetString(), Is.Not.EqualTo(siloA), "it finished on the living silo");
            TestContext.Out.WriteLine($"{end.GetProperty("fileName")}: {end.GetProperty("runs")} runs");
            Assert.That(end.GetProperty("runs").GetInt32(), Is.GreaterThanOrEqualTo(2), "a run cut by the kill, then one that finished");
            Assert.That(end.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("status").GetString()), Is.All.EqualTo("Succeeded"));
        }
    }

    [Test]
    public async Task An_unreachable_Redis_is_one_clear_message_and_exit_code_10()
    {
        var port = RedisServer.FreePort();
        using var serve = SiloProcess.Start(Path.Combine(_root, "data"), "serve", "--urls", $"http://127.0.0.1:{RedisServer.FreePort()}",
            "--pipelines", Path.Combine(Grains.SessionGrainTests.RepoRoot(), "pipelines"), "--cluster", $"redis://127.0.0.1:{port}");
        var stderr = await serve.StandardError.ReadToEndAsync();
        await serve.WaitForExitAsync();

        Assert.That(serve.ExitCode, Is.EqualTo(10));
        Assert.That(stderr.Trim(), Is.EqualTo($"error: --cluster redis://127.0.0.1:{port}: Redis cannot be reached (It was not possible to connect to the redis server(s))"));
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
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // The grain's silo just died: calls wait until the cluster declares it dead.
            }
            if (DateTime.UtcNow > deadline) Assert.Fail($"session {id} did not finish within {Patience.TotalSeconds:F0} s");
            await Task.Delay(250);
        }
    }
}
