using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.Manuscripts.Tests;

namespace Orchestrator.Server.Tests;

/// <summary>The sessions API in process: post, follow, report, idempotency, cancel, resume, delete, paging.</summary>
[TestFixture]
public sealed class SessionsApiTests
{
    [Test]
    public async Task A_posted_sample_runs_to_a_report_and_its_events_stream_tells_every_node()
    {
        await using var server = await ServerHost.StartAsync();
        using var posted = await server.PostFileAsync(ServerHost.Sample, "text/markdown", "?genre=literary&targetLength=80000&themes=duty,solitude");
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await posted.Content.ReadAsStringAsync());
        var body = await posted.Content.ReadFromJsonAsync<JsonElement>(ServerHost.Json);
        var id = body.GetProperty("id").GetString()!;
        Assert.That(posted.Headers.Location?.ToString(), Is.EqualTo($"/api/sessions/{id}"));
        Assert.That(body.GetProperty("status").GetString(), Is.AnyOf("Queued", "Running"));

        var events = await server.ReadEventsAsync(id);
        var outcomes = events.Where(e => e.Event == "outcome").Select(e => JsonDocument.Parse(e.Data).RootElement).ToArray();
        Assert.That(outcomes.Select(o => o.GetProperty("node").GetString()),
            Is.EquivalentTo(new[] { "structure", "style", "characters", "pacing", "themes", "consistency", "recommendations" }));
        Assert.That(outcomes.Select(o => o.GetProperty("status").GetString()), Is.All.EqualTo("Succeeded"));
        Assert.That(events[^1].Event, Is.EqualTo("end"));
        Assert.That(events[^1].Data, Does.Contain("\"Completed\""));
        var ids = events.Where(e => e.Id is not null).Select(e => e.Id!.Value).ToArray();
        Assert.That(ids, Is.Ordered.Ascending.And.Unique);
        Assert.That(ids[0], Is.EqualTo(1));

        var session = await server.GetJsonAsync($"/api/sessions/{id}");
        Assert.That(session.GetProperty("status").GetString(), Is.EqualTo("Completed"));
        Assert.That(session.GetProperty("quality").GetDouble(), Is.InRange(0.0, 1.0));
        var nodes = session.GetProperty("nodes").EnumerateArray().ToArray();
        Assert.That(nodes, Has.Length.EqualTo(7));
        Assert.That(nodes.Select(n => n.GetProperty("status").GetString()), Is.All.EqualTo("Succeeded"));
        Assert.That(nodes.Select(n => n.GetProperty("attempts").GetInt32()), Is.All.EqualTo(1));

        var report = await server.GetJsonAsync($"/api/sessions/{id}/report");
        Assert.That(report.GetProperty("session").GetString(), Is.EqualTo(id));
        using var markdown = await server.Client.GetAsync($"/api/sessions/{id}/report.md");
        Assert.That(markdown.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/markdown"));
        Assert.That(await markdown.Content.ReadAsStringAsync(), Does.Contain("The Lighthouse Keeper"));
        using var html = await server.Client.GetAsync($"/api/sessions/{id}/report.html");
        Assert.That(html.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(await html.Content.ReadAsStringAsync(), Does.StartWith("<!DOCTYPE html").IgnoreCase);

        // History again, from after event 3: the same events from 4 on, then the end.
        var replay = await server.ReadEventsAsync(id, lastEventId: 3);
        Assert.That(replay.First(e => e.Id is not null).Id, Is.EqualTo(4));
        Assert.That(replay.Where(e => e.Id is not null).Select(e => e.Data), Is.EqualTo(events.Where(e => e.Id > 3).Select(e => e.Data)));
    }

    [Test]
    public async Task The_same_content_pipeline_and_requirements_answer_200_with_the_finished_session_and_other_requirements_start_anew()
    {
        await using var server = await ServerHost.StartAsync();
        var first = await PostAndWaitAsync(server, "?genre=literary");
        using var again = await server.PostFileAsync(ServerHost.Sample, "text/markdown", "?genre=literary");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await again.Content.ReadFromJsonAsync<JsonElement>(ServerHost.Json)).GetProperty("id").GetString(), Is.EqualTo(first));

        using var other = await server.PostFileAsync(ServerHost.Sample, "text/markdown", "?genre=fantasy");
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((await other.Content.ReadFromJsonAsync<JsonElement>(ServerHost.Json)).GetProperty("id").GetString(), Is.Not.EqualTo(first));
    }

    [Test]
    public async Task An_Idempotency_Key_makes_a_retried_post_return_the_same_session_and_refuses_other_content()
    {
        await using var server = await ServerHost.StartAsync();
        using var first = await server.PostFileAsync(ServerHost.Sample, "text/markdown", idempotencyKey: "retry-1");
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>(ServerHost.Json)).GetProperty("id").GetString();
        using var retry = await server.PostFileAsync(ServerHost.Sample, "text/markdown", idempotencyKey: "retry-1");
        Assert.That(retry.StatusCode, Is.AnyOf(HttpStatusCode.OK, HttpStatusCode.Accepted));
        Assert.That((await retry.Content.ReadFromJsonAsync<JsonElement>(ServerHost.Json)).GetProperty("id").GetString(), Is.EqualTo(id));

        using var other = await server.PostFileAsync(Corpus.PathOf(Corpus.Alice), "text/plain", idempotencyKey: "retry-1");
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await other.Content.ReadAsStringAsync(), Does.Contain("retry-1"));
        await server.WaitUntilStoppedAsync(id!);
        Assert.That(Directory.GetDirectories(Path.Combine(server.DataDir, "sessions")), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task A_raw_body_takes_its_name_from_the_query_and_keeps_its_content_types_format()
    {
        await using var server = await ServerHost.StartAsync();
        using var named = await server.PostFileAsync(Corpus.PathOf(Corpus.Alice), "text/plain", "?pipeline=quick&name=../chapters/alice%20in%20wonderland");
        using var unnamed = await server.PostFileAsync(ServerHost.Sample, "text/markdown", "?pipeline=quick");
        Assert.That(named.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await named.Content.ReadAsStringAsync());
        var namedId = (await named.Content.ReadFromJsonAsync<JsonElement>(ServerHost.Json)).GetProperty("id").GetString()!;
        var unnamedId = (await unnamed.Content.ReadFromJsonAsync<JsonElement>(ServerHost.Json)).GetProperty("id").GetString()!;
        await server.WaitUntilStoppedAsync(namedId);
        await server.WaitUntilStoppedAsync(unnamedId);

        // Folders are dropped and the content type gives the extension, as for a multipart part's file name.
        Assert.That((await server.GetJsonAsync($"/api/sessions/{namedId}")).GetProperty("fileName").GetString(), Is.EqualTo("alice in wonderland.txt"));
        Assert.That((await server.GetJsonAsync($"/api/sessions/{unnamedId}")).GetProperty("fileName").GetString(), Is.EqualTo("manuscript.md"));
    }

    [Test]
    public async Task A_multipart_post_with_form_fields_runs_the_chosen_pipeline_with_those_requirements()
    {
        await using var server = await ServerHost.StartAsync();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(ServerHost.Sample)), "file", "lighthouse.md" },
            { new StringContent("quick"), "pipeline" },
            { new StringContent("literary"), "genre" },
            { new StringContent("90000"), "targetLength" },
        };
        using var posted = await server.Client.PostAsync("/api/sessions", form);
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await posted.Content.ReadAsStringAsync());
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>(ServerHost.Json)).GetProperty("id").GetString()!;
        var session = await server.WaitUntilStoppedAsync(id);
        Assert.That(session.GetProperty("pipeline").GetString(), Is.EqualTo("quick"));
        Assert.That(session.GetProperty("fileName").GetString(), Is.EqualTo("lighthouse.md"));
        var report = await server.GetJsonAsync($"/api/sessions/{id}/report");
        Assert.That(report.GetRawText(), Does.Contain("90000"));
    }

    [Test]
    public async Task The_queue_holds_max_queued_then_answers_429_with_Retry_After_and_a_queued_session_has_no_report_yet()
    {
        var gate = new NodeGate("consistency");
        await using var server = await ServerHost.StartAsync(gate.Options() with { MaxRunning = 1, MaxQueued = 1 });
        var running = await PostAsync(server, ServerHost.Sample);
        await gate.WaitReachedAsync();
        Assert.That((await server.GetJsonAsync($"/api/sessions/{running}")).GetProperty("status").GetString(), Is.EqualTo("Running"));
        var queued = await PostAsync(server, Corpus.PathOf(Corpus.Frankenstein));
        var waiting = await server.GetJsonAsync($"/api/sessions/{queued}");
        Assert.That(waiting.GetProperty("status").GetString(), Is.EqualTo("Queued"));
        Assert.That(waiting.GetProperty("queuePosition").GetInt32(), Is.EqualTo(1));

        using var full = await server.PostFileAsync(Corpus.PathOf(Corpus.Alice), "text/plain");
        Assert.That(full.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(full.Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThanOrEqualTo(1));
        Assert.That(full.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));

        using var report = await server.Client.GetAsync($"/api/sessions/{running}/report");
        Assert.That(report.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        using var delete = await server.Client.DeleteAsync($"/api/sessions/{running}");
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));

        // Cancel both: the queued one leaves the queue, the running one checkpoints; both can be resumed.
        using (var cancel = await server.Client.PostAsync($"/api/sessions/{queued}/cancel", null))
            Assert.That(cancel.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        using (var cancel = await server.Client.PostAsync($"/api/sessions/{running}/cancel", null))
            Assert.That(cancel.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var cancelled = await server.WaitUntilStoppedAsync(running);
        Assert.That(cancelled.GetProperty("status").GetString(), Is.EqualTo("Cancelled"));
        Assert.That((await server.GetJsonAsync($"/api/sessions/{queued}")).GetProperty("status").GetString(), Is.EqualTo("Cancelled"));
        using (var again = await server.Client.PostAsync($"/api/sessions/{queued}/cancel", null))
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));

        gate.Open();
        using (var resume = await server.Client.PostAsync($"/api/sessions/{queued}/resume", null))
            Assert.That(resume.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var finished = await server.WaitUntilStoppedAsync(queued);
        Assert.That(finished.GetProperty("status").GetString(), Is.EqualTo("Completed"));
        using (var resume = await server.Client.PostAsync($"/api/sessions/{queued}/resume", null))
            Assert.That(resume.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a completed session has nothing to resume");
    }

    [Test]
    public async Task Delete_removes_a_stopped_session_and_the_list_pages_newest_first()
    {
        await using var server = await ServerHost.StartAsync();
        var a = await PostAndWaitAsync(server, "?genre=literary");
        var b = await PostAndWaitAsync(server, "?genre=fantasy");
        var c = await PostAndWaitAsync(server, "?genre=thriller");

        var page1 = await server.GetJsonAsync("/api/sessions?limit=2");
        Assert.That(page1.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()), Is.EqualTo(new[] { c, b }));
        var next = page1.GetProperty("next").GetString();
        var page2 = await server.GetJsonAsync($"/api/sessions?limit=2&after={next}");
        Assert.That(page2.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()), Is.EqualTo(new[] { a }));
        Assert.That(page2.GetProperty("next").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var completed = await server.GetJsonAsync("/api/sessions?status=completed");
        Assert.That(completed.GetProperty("items").GetArrayLength(), Is.EqualTo(3));

        using var delete = await server.Client.DeleteAsync($"/api/sessions/{b}");
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(Directory.Exists(Path.Combine(server.DataDir, "sessions", b)), Is.False);
        using var gone = await server.Client.GetAsync($"/api/sessions/{b}");
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var badLimit = await server.Client.GetAsync("/api/sessions?limit=0");
        Assert.That(badLimit.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task A_session_stopped_with_the_server_is_resumed_by_the_next_start_without_a_client_asking()
    {
        var options = ServerHost.NewOptions();
        var gate = new NodeGate("consistency");
        string id;
        await using (var first = await ServerHost.StartAsync(gate.Options(options)))
        {
            first.KeepData = true;
            id = await PostAsync(first, ServerHost.Sample);
            await gate.WaitReachedAsync(); // stopped while consistency is held: mid-run
            await WaitForFileAsync(Path.Combine(options.DataDirectory, "sessions", id, "session.json"));
        }
        await using var second = await ServerHost.StartAsync(options);
        // Until the second start has queued it again the session still reads Cancelled (from the first stop).
        await WaitForStatusAsync(second, id, "Completed");
        var events = await second.ReadEventsAsync(id);
        Assert.That(events.Count(e => e.Event == "resume"), Is.EqualTo(1), "the second start resumed the session");
        Assert.That(events.Count(e => e.Event == "stop"), Is.EqualTo(2), "stopped once with the first server (cancelled), once completed");
    }

    internal static async Task<string> PostAsync(ServerHost server, string path, string query = "")
    {
        using var posted = await server.PostFileAsync(path, path.EndsWith(".md") ? "text/markdown" : "text/plain", query);
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await posted.Content.ReadAsStringAsync());
        return (await posted.Content.ReadFromJsonAsync<JsonElement>(ServerHost.Json)).GetProperty("id").GetString()!;
    }

    private static async Task<string> PostAndWaitAsync(ServerHost server, string query)
    {
        var id = await PostAsync(server, ServerHost.Sample, query);
        await server.WaitUntilStoppedAsync(id);
        return id;
    }

    internal static async Task WaitForStatusAsync(ServerHost server, string id, string status)
    {
        for (var i = 0; i < 2400; i++)
        {
            if ((await server.GetJsonAsync($"/api/sessions/{id}")).GetProperty("status").GetString() == status) return;
            await Task.Delay(50);
        }
        Assert.Fail($"session {id} never became {status}");
    }

    private static async Task WaitForFileAsync(string path)
    {
        for (var i = 0; i < 600 && !File.Exists(path); i++) await Task.Delay(50);
        Assert.That(File.Exists(path), Is.True, $"{path} never appeared");
    }
}
