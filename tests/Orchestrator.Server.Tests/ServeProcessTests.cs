using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Orchestrator.Manuscripts.Tests;

namespace Orchestrator.Server.Tests;

/// <summary>
/// `orchestrator serve` as a user runs it: corpus novels posted at once, followed to their end over SSE, with the
/// same reports as `orchestrator run`; then a kill -9 mid-run and a restart that finishes every session unasked.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ServeProcessTests
{
    private string _work = null!;

    [SetUp]
    public void CreateFolder() => _work = Directory.CreateTempSubdirectory("orchestrator-serve-").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    [Test]
    public async Task Novels_posted_at_once_follow_their_events_to_the_end_and_their_reports_equal_run()
    {
        string[] books = [Corpus.PathOf(Corpus.Alice), Corpus.PathOf(Corpus.Frankenstein)];
        var data = Directory.CreateDirectory(Path.Combine(_work, "serve")).FullName;
        var reports = new Dictionary<string, JsonNode>();
        await using (var serve = await ServeProcess.StartAsync(data, "--max-running", "2"))
        {
            var ids = await Task.WhenAll(books.Select(serve.PostAsync));
            var streams = await Task.WhenAll(ids.Select(id => FollowAsync(serve, id)));
            foreach (var (events, book, id) in streams.Zip(books, ids))
            {
                Assert.That(events[^1].Event, Is.EqualTo("end"), book);
                var session = await serve.Client.GetStringAsync($"/api/sessions/{id}");
                Assert.That(events[^1].Data, Does.Contain("Completed"), $"{book}: {session}");
                Assert.That(events.Count(e => e.Event == "outcome"), Is.EqualTo(7), book);
            }
            foreach (var (id, book) in ids.Zip(books))
                reports[book] = JsonNode.Parse(await serve.Client.GetStringAsync($"/api/sessions/{id}/report"))!;
            Assert.That(await serve.StopAsync(), Is.EqualTo(0), "SIGTERM stops the server with exit 0");
        }

        foreach (var book in books)
        {
            var outDir = Path.Combine(_work, "run-" + Path.GetFileNameWithoutExtension(book));
            using var run = Process.Start(new ProcessStartInfo("dotnet", [ServeProcess.CliDll, "run", book, "--out", outDir, "--data", Path.Combine(_work, "run-data")])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _work,
            })!;
            var stderr = run.StandardError.ReadToEndAsync();
            await run.StandardOutput.ReadToEndAsync();
            await run.WaitForExitAsync();
            Assert.That(run.ExitCode, Is.EqualTo(0), await stderr);
            var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "report.json")))!;
            var served = Normalised(reports[book]);
            Assert.That(served, Has.Length.GreaterThan(20_000), "the comparison covers the whole report");
            Assert.That(served, Is.EqualTo(Normalised(expected)), $"{Path.GetFileName(book)}: served report differs from run's");
        }
    }

    [Test]
    public async Task A_server_killed_mid_run_finishes_every_session_after_a_restart_without_a_new_post()
    {
        string[] books = [Corpus.PathOf(Corpus.MobyDick), Corpus.PathOf(Corpus.PrideAndPrejudice), Corpus.PathOf(Corpus.Alice)];
        var data = Directory.CreateDirectory(Path.Combine(_work, "serve")).FullName;
        string[] ids;
        await using (var serve = await ServeProcess.StartAsync(data, "--max-running", "2"))
        {
            ids = await Task.WhenAll(books.Select(serve.PostAsync));
            // Killed once the first novel's session is on disk (its state is written before any node runs), so the kill
            // lands mid-run: its whole analysis (about a second) is the margin. Read from the disk rather than its events
            // stream: waiting there for its first outcome left too little margin under load, and waiting for its first
            // node-started, a CI run once found nothing of it to resume (cause not pinned down).
            var state = Engine.State.SessionStore.ForDataFolder(data).StatePath(ids[0]);
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (!File.Exists(state))
            {
                if (DateTime.UtcNow > deadline) Assert.Fail($"{ids[0]}: no session state after 2 minutes");
                await Task.Delay(5);
            }
            serve.KillHard();
        }
        var submissions = Directory.GetFiles(Path.Combine(data, "server", "submissions"));
        Assert.That(submissions, Has.Length.EqualTo(3));
        // What the kill cut: sessions with a state on disk that is not final (the newest of session.json and the
        // snapshots, as a resume loads it). One that ended before the signal landed has nothing to resume.
        var store = Engine.State.SessionStore.ForDataFolder(data);
        var atKill = ids.Where(store.Exists).ToDictionary(id => id, id => store.LoadState(id).State);
        var cut = atKill.Where(s => s.Value.Status == Engine.State.SessionStateStatus.Running).Select(s => s.Key).ToArray();
        // The node results each cut session's state kept: these must not run again.
        var kept = cut.ToDictionary(id => id, id => atKill[id].Nodes.Count(n => n.Status == Engine.State.NodeRunStatus.Succeeded));
        TestContext.Out.WriteLine($"cut by the kill: {cut.Length} of 3 ({(cut.Contains(ids[0]) ? "Moby-Dick among them" : "not Moby-Dick")})");
        Assert.That(cut, Is.Not.Empty, "the kill cut a running session: " + string.Join(", ",
            ids.Select(id => $"{id} {(atKill.TryGetValue(id, out var state) ? state.Status.ToString() : "no folder")}")));

        await using (var again = await ServeProcess.StartAsync(data, "--max-running", "2"))
        {
            foreach (var id in ids)
            {
                var events = await FollowAsync(again, id);
                Assert.That(events[^1].Data, Does.Contain("Completed"), id);
                var session = await again.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}");
                Assert.That(session.GetProperty("status").GetString(), Is.EqualTo("Completed"), id);
                Assert.That(session.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("status").GetString()), Is.All.EqualTo("Succeeded"));
            }
            // A cut session goes on in the same session: the run after the restart is its last "resume" (or "started"
            // again, when the first run had neither a node result nor a decision to keep; a kill in the first instant
            // finds even the first run's "started" not yet logged), and only the nodes whose results the state did not
            // keep run in it. (An outcome logged just before the kill whose result had not reached the state yet runs
            // again: outcomes are logged behind the node, and the state is saved behind the log.)
            foreach (var id in cut)
            {
                var events = await FollowAsync(again, id);
                var names = string.Join(" ", events.Select(e => e.Event));
                var runs = events.Select((e, i) => (e.Event, i)).Where(e => e.Event is "started" or "resume").ToArray();
                Assert.That(runs, Has.Length.InRange(1, 2), $"{id}, cut by the kill, went on in one session: {names}");
                var nodes = (await again.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}")).GetProperty("nodes").GetArrayLength();
                Assert.That(events.Skip(runs[^1].i).Count(e => e.Event == "outcome"), Is.EqualTo(nodes - kept[id]),
                    $"{id}: after the restart only the nodes not kept ran ({kept[id]} of {nodes} kept): {names}");
            }
        }
        Assert.That(Directory.GetFiles(Path.Combine(data, "server", "submissions")), Has.Length.EqualTo(3), "nothing was posted again");
        Assert.That(Directory.GetDirectories(Path.Combine(data, "sessions")), Has.Length.EqualTo(3));
    }

    private static async Task<IReadOnlyList<(long? Id, string Event, string Data)>> FollowAsync(ServeProcess serve, string id)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        using var response = await serve.Client.GetAsync($"/api/sessions/{id}/events", HttpCompletionOption.ResponseHeadersRead, limit.Token);
        return await SseReader.ReadAllAsync(await response.Content.ReadAsStreamAsync(limit.Token));
    }

    /// <summary>The report without what differs between any two runs: timings, times, paths and the session id.</summary>
    private static string Normalised(JsonNode report)
    {
        Strip(report);
        return report.ToJsonString();
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToArray())
                {
                    if (Volatile().IsMatch(name)) obj.Remove(name);
                    else Strip(obj[name]);
                }
                break;
            case JsonArray array:
                foreach (var item in array) Strip(item);
                break;
        }
    }

    // Case-sensitive suffixes, so "format" or "items" stay.
    [GeneratedRegex("^(session|path|file|timings)$|[Dd]uration|[Ss]econds|[Tt]ime|[Ee]lapsed|[a-z]At$|[a-z]Ms$")]
    private static partial Regex Volatile();
}
