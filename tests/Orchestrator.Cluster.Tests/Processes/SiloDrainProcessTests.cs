using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.Cluster.Store;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Reports;
using Orchestrator.Manuscripts.Tests;

namespace Orchestrator.Cluster.Tests.Processes;

/// <summary>
/// A silo given SIGTERM drains: real <c>orchestrator serve --cluster</c> processes and their own redis-server. The
/// sessions it drives (one cut mid-run, one waiting for its run slot) are checkpointed and handed over to the
/// other silo, which finishes each exactly once with the report a single uninterrupted run gives; the stopped silo
/// exits 0.
/// </summary>
[TestFixture]
public sealed class SiloDrainProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);
    // In the order posted to A (one run slot each): placement keeps Moby-Dick on A (the local silo on a tie), sends Pride
    // and Prejudice to B's free slot, Frankenstein to A (a tie: each full), where it waits, and Alice to B.
    private static readonly string[] Books = [Corpus.MobyDick, Corpus.PrideAndPrejudice, Corpus.Frankenstein, Corpus.Alice];
    private const int Moby = 0;
    private const int Waiting = 2;
    private string _root = null!;

    [SetUp]
    public void Folder() => _root = Directory.CreateTempSubdirectory("cluster-drain-").FullName;

    [TearDown]
    public void Clean() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task A_silo_given_SIGTERM_hands_its_sessions_to_the_other_which_finishes_each_once_as_an_uninterrupted_run_would()
    {
        await using var redis = await RedisServer.StartAsync();
        var store = new RedisSessionStore(redis.Connection, SiloProcess.ClusterId);
        await using var a = await SiloProcess.StartAsync(Path.Combine(_root, "a"), redis.Address, maxRunning: 1);
        await using var b = await SiloProcess.StartAsync(Path.Combine(_root, "b"), redis.Address, maxRunning: 1);
        var siloB = (await b.Client.GetFromJsonAsync<JsonElement>("/api/cluster/status")).GetProperty("silo").GetString();

        var siloA = await a.SiloAddressAsync();
        var ids = new List<string>();
        foreach (var book in Books) ids.Add(await a.PostAsync(Corpus.PathOf(book)));
        var onA = new List<string>();
        foreach (var id in ids)
            if ((await a.SessionAsync(id)).GetProperty("silo").GetString() == siloA) onA.Add(id);
        // Moby-Dick is mid-run once its first node's outcome is logged; A is frozen there so that what it had done is known.
        await WaitForAsync(() => store.ReadEvents(ids[Moby]).Events.Any(e => e.Kind == SessionEventKind.Outcome), "Moby-Dick's first node outcome");
        await a.SignalAsync("STOP");
        var logged = ids.ToDictionary(id => id, id => store.ReadEvents(id).Events);
        // Of A's sessions, every one that had not finished is owed a run; B's run there from the start.
        var finished = ids.Where(id => logged[id].Any(e => e.Kind == SessionEventKind.Stop)).ToArray();
        var owed = onA.Except(finished).ToArray();
        var midRun = owed.Where(id => logged[id].Any(e => e.Kind == SessionEventKind.Outcome)).ToArray();
        await a.SignalAsync("TERM");
        var signalled = Stopwatch.StartNew();
        await a.SignalAsync("CONT");

        // Taken over: each session's grain is on B (running there or waiting for one of B's slots).
        // A session may also end on A in the moment between the signal and the drain (a quiet machine runs the rest
        // of a book in a hundred milliseconds): one run, on A.
        var onB = new HashSet<string>();
        var endedOnA = new HashSet<string>();
        var refusals = new List<string>();
        while (onB.Count + endedOnA.Count < owed.Length)
        {
            foreach (var id in owed.Except(onB).Except(endedOnA))
            {
                using var response = await b.Client.GetAsync($"/api/cluster/sessions/{id}");
                var body = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode)
                {
                    refusals.Add($"{(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
                    continue;
                }
                var view = JsonDocument.Parse(body).RootElement;
                if (view.GetProperty("silo").GetString() == siloB) onB.Add(id);
                else if (view.GetProperty("status").GetString() == "Completed" && view.GetProperty("runs").GetInt32() == 1) endedOnA.Add(id);
            }
            if (signalled.Elapsed > Patience) Assert.Fail($"{owed.Length - onB.Count - endedOnA.Count} session(s) not taken over by silo B within {Patience.TotalSeconds:F0} s");
            await Task.Delay(20);
        }
        var takenOver = signalled.Elapsed;
        var exitCode = await a.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var exited = signalled.Elapsed;
        var ends = new List<JsonElement>();
        foreach (var id in ids) ends.Add(await WaitForEndAsync(b, id));
        TestContext.Out.WriteLine($"SIGTERM -> {onB.Count} of {owed.Length} owed sessions ({midRun.Length} mid-run at the freeze; {endedOnA.Count} ended on A before the drain) on silo B: {takenOver.TotalMilliseconds:F0} ms; "
            + $"silo A exited {exitCode} after {exited.TotalMilliseconds:F0} ms; all completed after {signalled.Elapsed.TotalSeconds:F1} s");

        foreach (var refusal in refusals) TestContext.Out.WriteLine($"a GET while the sessions moved was answered {refusal}");
        Assert.That(exitCode, Is.Zero, $"a drained silo exits 0; its stderr: {await a.Stderr}");
        Assert.That(onB, Is.Not.Empty, "the drain handed sessions over");
        Assert.That(await a.Stderr, Does.Contain($"{onB.Count} cluster session(s) checkpointed and handed over to other silos"));
        Assert.That(midRun, Does.Contain(ids[Moby]), "Moby-Dick was mid-run when A got SIGTERM");
        Assert.That(owed, Is.EquivalentTo(new[] { ids[Moby], ids[Waiting] }), "Moby-Dick, and Frankenstein waiting for A's slot behind it, were owed a run");
        var references = await ReferenceReports.OfAsync(Books, _root);
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            var end = ends[i];
            var expected = onB.Contains(id) ? ("Completed", siloB, 2) : endedOnA.Contains(id) ? ("Completed", end.GetProperty("silo").GetString(), 1) : ("Completed", siloB, 1);
            Assert.That((end.GetProperty("status").GetString(), end.GetProperty("silo").GetString(), end.GetProperty("runs").GetInt32()),
                Is.EqualTo(expected), onB.Contains(id) ? $"{Books[i]}: one run on A cut by the drain, one on B that finished"
                    : endedOnA.Contains(id) ? $"{Books[i]} ended on A before the drain" : $"{Books[i]} ran on B from the start");
            var events = store.ReadEvents(id).Events;
            Assert.That(events.Count(e => e.Kind == SessionEventKind.Checkpoint && e.Status == "Completed"), Is.EqualTo(1), $"{Books[i]} completed once");
            Assert.That(events.Where(e => e.Kind == SessionEventKind.Outcome && e.Status == "Succeeded").Select(e => e.Node),
                Is.Unique.And.Exactly(7).Items, $"{Books[i]}: each node succeeded once, on A or on B");
            if (midRun.Contains(id) && onB.Contains(id))
                Assert.That(events.Where(e => e.Kind == SessionEventKind.Stop).Select(e => e.Status).First(), Is.EqualTo("Cancelled"),
                    $"{Books[i]} was cut on A (checkpointed), then resumed");
            Assert.That(ComparableReport.Of(store.ReadAttachment(id, ReportFiles.JsonName)!), Is.EqualTo(references[Books[i]]),
                $"{Books[i]}: the report of an uninterrupted run");
        }
    }

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
            var view = await silo.SessionAsync(id);
            if (view.GetProperty("status").GetString() is not ("Queued" or "Running" or "Interrupted")) return view;
            if (DateTime.UtcNow > deadline) Assert.Fail($"session {id} did not finish within {Patience.TotalSeconds:F0} s");
            await Task.Delay(250);
        }
    }
}
