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
            // Wait until the first novel's nodes are dispatched (its session is on disk by then), so the kill lands mid-run:
            // its whole analysis (about a second) is the margin. Waiting for its first outcome left too little: in one CI
            // run under load Moby-Dick completed before the signal landed, and there was nothing to resume.
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sessions/{ids[0]}/events");
            using var response = await serve.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await SseReader.ReadAllAsync(await response.Content.ReadAsStreamAsync(), stopAfter: kind => kind == "node-started");
            serve.KillHard();
        }
        var submissions = Directory.GetFiles(Path.Combine(data, "server", "submissions"));
        Assert.That(submissions, Has.Length.EqualTo(3));

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
            var first = await FollowAsync(again, ids[0]);
            Assert.That(first.Count(e => e.Event == "resume"), Is.EqualTo(1), "the killed novel was resumed, not started again");
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
