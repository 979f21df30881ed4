using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Cluster.Store;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Reports;
using Orchestrator.Manuscripts.Tests;

namespace Orchestrator.Cluster.Tests.Processes;

/// <summary>
/// Issue 16's batch: 30 manuscripts of varied length (corpus novels and slices of them) posted to a cluster of three
/// real silos with two run slots each; partway through one silo is stopped with SIGTERM (it drains), another is killed
/// with <c>kill -9</c>, and a new silo joins and takes the last posts. Every session completes exactly once (its nodes
/// run to the end in one run; a session cut just after it ended may log its end a second time, running nothing, and
/// those are counted), with the report of a single-machine run (<c>orchestrator batch</c>, apart from ids, paths and
/// durations); no node of a session ran twice but in the sessions the kill cut, and those are counted.
/// </summary>
[TestFixture]
public sealed class ClusterBatchProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(240);
    private const int Count = 30;
    /// <summary>Posted once the new silo joined.</summary>
    private const int Late = 6;
    private string _root = null!;

    [SetUp]
    public void Folder() => _root = Directory.CreateTempSubdirectory("cluster-batch-").FullName;

    [TearDown]
    public void Clean() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task Thirty_manuscripts_complete_once_each_as_a_single_machine_run_would_while_silos_leave_die_and_join()
    {
        var manuscripts = Manuscripts(Path.Combine(_root, "manuscripts"));
        await using var redis = await RedisServer.StartAsync();
        var store = new RedisSessionStore(redis.Connection, SiloProcess.ClusterId);
        await using var a = await SiloProcess.StartAsync(Path.Combine(_root, "a"), redis.Address, maxRunning: 2);
        await using var b = await SiloProcess.StartAsync(Path.Combine(_root, "b"), redis.Address, maxRunning: 2);
        await using var c = await SiloProcess.StartAsync(Path.Combine(_root, "c"), redis.Address, maxRunning: 2);
        var silos = new Dictionary<string, string> { [await a.SiloAddressAsync()] = "A", [await b.SiloAddressAsync()] = "B", [await c.SiloAddressAsync()] = "C" };
        await LoadLines.SeeEachOtherAsync(redis, silos.Keys);
        var clock = Stopwatch.StartNew();

        // 24 posted to A at once, as a client of one server would: placement spreads them. The longest go last, so that
        // silos still have work when the last post is answered: on a quiet machine a session is analysed about as fast
        // as a post is read and checked.
        var first = manuscripts.Take(Count - Late).OrderBy(m => new FileInfo(m).Length).ToArray();
        // Each answer names the silo the session was placed on (its grain starts its run there before answering).
        var answers = await Task.WhenAll(first.Select(a.PostPlacedAsync));
        var siloA = silos.Single(s => s.Value == "A").Key;
        var siloB = silos.Single(s => s.Value == "B").Key;
        var ids = manuscripts.Take(Count - Late).Select(m => answers[Array.IndexOf(first, m)].Id).ToList();
        var placedOn = manuscripts.Take(Count - Late).Select(m => answers[Array.IndexOf(first, m)].Silo).ToList();
        var placed = placedOn.GroupBy(silo => silos[silo]).ToDictionary(g => g.Key, g => g.Count());
        TestContext.Out.WriteLine($"posted {ids.Count} in {clock.Elapsed.TotalSeconds:F1} s; placed: {string.Join(", ", placed.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}");

        // B drains (SIGTERM) as soon as the last post is answered, while it still drives most of its sessions (on a quiet
        // machine a session is analysed about as fast as a post is read and checked): they are checkpointed and move
        // to the least loaded of A and C.
        var atTerm = ids.Count(id => Ended(store, id));
        var termAt = clock.Elapsed;
        // What a silo drives, from the notes it keeps in Redis from a run's start until its grain recorded its end: a
        // session that ended a moment before its silo stopped or died, but was not recorded as ended, is among them.
        var onB = DrivenBy(redis, siloB);
        await b.SignalAsync("TERM");
        while (true)
        {
            // Once B handed its sessions over (it takes a few seconds more to leave and exit).
            var open = new List<string?>();
            for (var i = 0; i < ids.Count; i++)
                if (!Ended(store, ids[i])) open.Add(await SiloOfAsync(c, ids[i]));
            if (open.All(silo => silo is not null && silo != siloB)) break;
            if (clock.Elapsed > Patience) Assert.Fail("silo B did not hand its sessions over");
            await Task.Delay(100);
        }

        // Then A dies (kill -9): its sessions, its own and those B handed to it, are cut where they were, and resume
        // elsewhere once the cluster declares A dead. It is frozen first, so that what it drove is known from the notes
        // silos keep in Redis (its grains cannot answer while it is frozen, so nothing below asks them).
        await a.SignalAsync("STOP");
        var onA = (await FrozenSessions.ReadAsync(redis, siloA)).Ids;
        var atKill = ids.Count(id => Ended(store, id));
        a.KillHard();
        var killedAt = clock.Elapsed;

        // Then D joins, and takes the last six posts (posted to C: D has every slot free), once neither C nor D places
        // sessions on the dead A (a silo leaves another out once its load line has not changed for 4 s).
        await using var d = await SiloProcess.StartAsync(Path.Combine(_root, "d"), redis.Address, maxRunning: 2);
        silos[await d.SiloAddressAsync()] = "D";
        var siloC = silos.Single(s => s.Value == "C").Key;
        var siloD = silos.Single(s => s.Value == "D").Key;
        await LoadLines.SeeEachOtherAsync(redis, [siloC, siloD]);
        await LoadLines.LeftOutAsync(redis, siloA, [siloC, siloD]);
        ids.AddRange(await Task.WhenAll(manuscripts.Skip(Count - Late).Select(c.PostAsync)));
        var drainExit = await b.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var ends = new List<JsonElement>();
        foreach (var id in ids) ends.Add(await WaitForEndAsync(c, id));
        var total = clock.Elapsed;
        var ranOn = ends.GroupBy(e => silos.GetValueOrDefault(e.GetProperty("silo").GetString()!, "?")).ToDictionary(g => g.Key, g => g.Count());
        TestContext.Out.WriteLine($"SIGTERM to B at {termAt.TotalSeconds:F1} s after {atTerm} completed, {onB.Count} driven by B (exit {drainExit}: {Handed(await b.Stderr)}); "
            + $"kill -9 of A at {killedAt.TotalSeconds:F1} s ({atKill} completed when it was frozen, {onA.Count} owed on A); D joined, {Late} more posted; all {Count} completed after {total.TotalSeconds:F1} s; "
            + $"finished on: {string.Join(", ", ranOn.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}");

        Assert.That(placed.Keys, Is.EquivalentTo(new[] { "A", "B", "C" }), "posts to one silo spread over the three");
        Assert.That(placed.Values, Is.All.GreaterThanOrEqualTo((Count - Late) / 4), "about evenly: they have the same run slots (sessions that end while others are posted free theirs)");
        Assert.That(drainExit, Is.Zero, $"the drained silo exits 0: {await b.Stderr}");
        Assert.That(Handed(await b.Stderr), Does.Match(@"\b[1-9]\d* cluster session\(s\) checkpointed and handed over"), "the drain handed sessions over");
        Assert.That(onA, Is.Not.Empty, "the killed silo was driving sessions");
        Assert.That(ranOn.GetValueOrDefault("D"), Is.GreaterThan(0), "the silo that joined took work");
        Assert.That(ends.Select(e => e.GetProperty("status").GetString()), Is.All.EqualTo("Completed"));
        var references = await ReferencesAsync(manuscripts);
        var rerun = new List<string>();
        var endedTwice = new List<string>();
        for (var i = 0; i < Count; i++)
        {
            var name = Path.GetFileName(manuscripts[i]);
            var events = store.ReadEvents(ids[i]).Events;
            // Completed once: its nodes ran to the end in one run. A run cut just after the session ended (by the kill or the
            // drain) but before its grain recorded that is resumed, finds it finished and logs its end again, running no
            // node: allowed only for a session the kill or the drain cut, and counted.
            var ends2 = events.Select((e, at) => (e, at)).Where(x => x.e.Kind == SessionEventKind.Checkpoint && x.e.Status == "Completed").Select(x => x.at).ToArray();
            var trace = $"cut by the kill: {onA.Contains(ids[i])}, by the drain: {onB.Contains(ids[i])}; {ends[i].GetProperty("runs")} runs; events: {string.Join(" ", events.Select(e => $"{e.Kind}/{e.Status}/{e.Node}"))}";
            Assert.That(ends2, Has.Length.InRange(1, 2), $"{name} completed once ({trace})");
            if (ends2.Length == 2)
            {
                endedTwice.Add(name);
                Assert.That(onA.Contains(ids[i]) || onB.Contains(ids[i]), Is.True, $"{name}: its end logged twice though neither the kill nor the drain cut it ({trace})");
                Assert.That(events.Skip(ends2[0]).Where(e => e.Kind == SessionEventKind.Outcome), Is.Empty, $"{name}: no node ran after it completed ({trace})");
            }
            var twice = events.Where(e => e.Kind == SessionEventKind.Outcome && e.Status == "Succeeded").GroupBy(e => e.Node).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
            if (twice.Length > 0)
            {
                rerun.Add($"{name}: {string.Join(", ", twice)}");
                Assert.That(onA, Does.Contain(ids[i]), $"{name}: nodes ran twice ({string.Join(", ", twice)}) though the kill did not cut it");
            }
            Assert.That(ComparableReport.Of(store.ReadAttachment(ids[i], ReportFiles.JsonName)!), Is.EqualTo(references[name]),
                $"{name}: the report of a single-machine run");
        }
        TestContext.Out.WriteLine($"sessions whose end was logged twice (cut after they completed; the resume ran no node): {endedTwice.Count}"
            + (endedTwice.Count > 0 ? ": " + string.Join(", ", endedTwice) : ""));
        TestContext.Out.WriteLine($"sessions with a node that succeeded twice (all cut by the kill): {rerun.Count} of the {onA.Count} the kill cut"
            + (rerun.Count > 0 ? ": " + string.Join("; ", rerun) : ""));
    }

    /// <summary>
    /// The 30 manuscripts: the three shorter novels whole, and 27 runs of consecutive paragraphs of the four novels
    /// (Moby-Dick only in slices), from about 5,000 to 80,000 words.
    /// </summary>
    private static List<string> Manuscripts(string folder)
    {
        Directory.CreateDirectory(folder);
        var books = new[] { Corpus.Alice, Corpus.Frankenstein, Corpus.PrideAndPrejudice, Corpus.MobyDick };
        var paragraphs = books.Select(b => File.ReadAllText(Corpus.PathOf(b)).ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var files = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var path = Path.Combine(folder, $"{files.Count + 1:00}-{Path.GetFileNameWithoutExtension(books[i])}.txt");
            File.Copy(Corpus.PathOf(books[i]), path);
            files.Add(path);
        }
        int[] sizes = [500, 1200, 2000, 3000];
        for (var i = 0; files.Count < Count; i++)
        {
            var book = i % books.Length;
            var all = paragraphs[book];
            var size = Math.Min(sizes[i % sizes.Length], all.Length / 2);
            var start = (int)((i * 7919L) % (all.Length - size));
            var path = Path.Combine(folder, $"{files.Count + 1:00}-{Path.GetFileNameWithoutExtension(books[book])}-{start}-{start + size}.txt");
            File.WriteAllText(path, string.Join("\n\n", all.Skip(start).Take(size)) + "\n");
            files.Add(path);
        }
        return files;
    }

    /// <summary>What one <c>orchestrator batch</c> of the folder on this machine reports for each manuscript (<see cref="ComparableReport"/>), by file name.</summary>
    private async Task<Dictionary<string, string>> ReferencesAsync(IReadOnlyList<string> manuscripts)
    {
        var data = Path.Combine(_root, "reference");
        using var batch = SiloProcess.Start(data, "batch", Path.GetDirectoryName(manuscripts[0])!, "--parallel", "2", "--pipeline",
            Path.Combine(Grains.SessionGrainTests.RepoRoot(), "pipelines", "novel.json"), "--out", Path.Combine(data, "out"));
        var stderr = batch.StandardError.ReadToEndAsync();
        await batch.StandardOutput.ReadToEndAsync();
        await batch.WaitForExitAsync();
        Assert.That(batch.ExitCode, Is.Zero, await stderr);
        var references = new Dictionary<string, string>();
        foreach (var report in Directory.GetFiles(Path.Combine(data, "out"), ReportFiles.JsonName, SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(report);
            var name = Path.GetFileName(JsonNode.Parse(bytes)!["manuscript"]!["path"]!.GetValue<string>());
            references[name] = ComparableReport.Of(bytes);
        }
        Assert.That(references.Keys, Is.EquivalentTo(manuscripts.Select(Path.GetFileName)), "the batch reported every manuscript");
        return references;
    }

    private static string Handed(string stderr) =>
        stderr.Split('\n').FirstOrDefault(l => l.Contains("handed over", StringComparison.Ordinal))?.Trim() ?? "no hand-over line";

    /// <summary>The silo a session's view names, or null when the silo asked could not say just then (a grain on its way between silos, Redis slow).</summary>
    private static async Task<string?> SiloOfAsync(SiloProcess silo, string id)
    {
        try
        {
            return (await silo.SessionAsync(id)).GetProperty("silo").GetString();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static List<string> DrivenBy(RedisServer redis, string silo) => redis.Connection.GetDatabase()
        .HashValues(new RedisKeys(SiloProcess.ClusterId).Driven)
        .Select(v => JsonSerializer.Deserialize<Cluster.Status.DrivenSession>((string)v!, new JsonSerializerOptions(JsonSerializerDefaults.Web))!)
        .Where(n => n.Silo == silo).Select(n => n.Id).ToList();

    private static bool Ended(RedisSessionStore store, string id) =>
        store.ReadEvents(id).Events.Any(e => e.Kind == SessionEventKind.Checkpoint && e.Status == "Completed");

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
