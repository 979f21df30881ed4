using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.Cluster.Status;
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
    // Posted to A in this order, one run slot each; where each goes is read from the answers. Usually placement keeps
    // the long one on A (the local silo on a tie), sends Pride and Prejudice to B's free slot, Frankenstein to A (a tie:
    // each full), where it waits, and Alice to B.
    private static readonly string[] Books = [LongBook, Corpus.PrideAndPrejudice, Corpus.Frankenstein, Corpus.Alice];
    /// <summary>Made in the test's folder: Moby-Dick twice (about 2.5 MB), so that it is still running when SIGTERM comes.</summary>
    private const string LongBook = "moby-dick-twice.txt";
    private const int Long = 0;
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
        // Each places among both (else A, not yet knowing B's load, keeps every post).
        await LoadLines.SeeEachOtherAsync(redis, [siloA, siloB!]);
        var mobyDick = await File.ReadAllTextAsync(Corpus.PathOf(Corpus.MobyDick));
        await File.WriteAllTextAsync(Path.Combine(_root, LongBook), mobyDick + "\n\n" + mobyDick);
        var books = Books.Select(book => book == LongBook ? Path.Combine(_root, LongBook) : Corpus.PathOf(book)).ToArray();
        var ids = new List<string>();
        var placedOn = new List<string>();
        foreach (var book in books)
        {
            var (id, silo) = await a.PostPlacedAsync(book);
            ids.Add(id);
            placedOn.Add(silo);
        }
        TestContext.Out.WriteLine($"placed: {string.Join(", ", placedOn.Select(p => p == siloA ? "A" : "B"))}");
        Assert.That(placedOn[Long], Is.EqualTo(siloA), "the long book, posted first to two idle silos, stays on the silo posted to");
        // The long book is mid-run once its first node's outcome is logged; A is frozen there so that what it had done is known.
        await WaitForAsync(() => store.ReadEvents(ids[Long]).Events.Any(e => e.Kind == SessionEventKind.Outcome), "the long book's first node outcome");
        // A post is answered once its run began, before the run notes it driven: each of A's is noted, or ended, first.
        var onA = ids.Where((_, i) => placedOn[i] == siloA).ToArray();
        var driven = new RedisKeys(SiloProcess.ClusterId).Driven;
        await WaitForAsync(() => onA.All(id => redis.Connection.GetDatabase().HashExists(driven, id)
            || store.ReadEvents(id).Events.Any(e => e.Kind == SessionEventKind.Stop)), "a note of each session placed on A");
        await a.SignalAsync("STOP");
        // Every session A drove is owed a run; B's run there from the start.
        var frozen = await FrozenSessions.ReadAsync(redis, siloA);
        var owed = frozen.Ids.ToArray();
        var midRun = owed.Where(id => frozen.Events[id].Any(e => e.Kind == SessionEventKind.Outcome)).ToArray();
        var waiting = frozen.Driven.Where(d => d.State == DrivenSession.Queued).Select(d => d.Id).ToArray();
        // Nothing of A's changes while it is frozen: a session placed on it that it no longer drove had ended.
        var endedAtFreeze = onA.Except(owed).Where(id => store.ReadEvents(id).Events.Any(e => e.Kind == SessionEventKind.Stop)).ToArray();
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
        TestContext.Out.WriteLine($"SIGTERM -> {onB.Count} of {owed.Length} owed sessions ({midRun.Length} mid-run and {waiting.Length} waiting for A's slot at the freeze; {endedOnA.Count} ended on A before the drain) on silo B: {takenOver.TotalMilliseconds:F0} ms; "
            + $"silo A exited {exitCode} after {exited.TotalMilliseconds:F0} ms; all completed after {signalled.Elapsed.TotalSeconds:F1} s");

        foreach (var refusal in refusals) TestContext.Out.WriteLine($"a GET while the sessions moved was answered {refusal}");
        Assert.That(exitCode, Is.Zero, $"a drained silo exits 0; its stderr: {await a.Stderr}");
        Assert.That(onB, Is.Not.Empty, "the drain handed sessions over");
        Assert.That(await a.Stderr, Does.Contain($"{onB.Count} cluster session(s) checkpointed and handed over to other silos"));
        Assert.That(midRun, Does.Contain(ids[Long]), "the long book was mid-run when A got SIGTERM");
        Assert.That(endedOnA, Does.Not.Contain(ids[Long]), "the long book was still running when the drain came");
        Assert.That(owed.Concat(endedAtFreeze), Is.EquivalentTo(onA), "A owed a run to every session placed on it that had not ended");
        Assert.That(waiting, Is.Not.Empty, "a session placed on A waited for its one slot behind the long book");
        var references = await ReferenceReports.OfAsync(books, _root);
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
            Assert.That(ComparableReport.Of(store.ReadAttachment(id, ReportFiles.JsonName)!), Is.EqualTo(references[books[i]]),
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
