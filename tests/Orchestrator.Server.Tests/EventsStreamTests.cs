using System.Net;
using System.Text.Json;

namespace Orchestrator.Server.Tests;

/// <summary>The events stream on the engine's hub: a late subscriber gets the whole history then the live tail; a quiet stream keeps alive.</summary>
[TestFixture]
public sealed class EventsStreamTests
{
    [Test]
    public async Task A_subscriber_that_joins_mid_session_gets_the_history_then_the_live_tail_without_a_gap_or_a_repeat()
    {
        await using var server = await ServerHost.StartAsync();
        var id = await SessionsApiTests.PostAsync(server, SessionsApiTests.LongManuscript());
        var early = server.ReadEventsAsync(id);

        // Join once a node has finished and the session still runs.
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            var session = await server.GetJsonAsync($"/api/sessions/{id}");
            var succeeded = session.GetProperty("nodes").EnumerateArray().Count(n => n.GetProperty("status").GetString() == "Succeeded");
            Assert.That(session.GetProperty("status").GetString(), Is.AnyOf("Queued", "Running"), "the session ended before the test could join it");
            if (succeeded > 0) break;
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "no node finished in time");
            await Task.Delay(10);
        }
        var late = await server.ReadEventsAsync(id);
        var first = await early;

        foreach (var (events, who) in new[] { (first, "early"), (late, "late") })
        {
            var ids = events.Where(e => e.Id is not null).Select(e => e.Id!.Value).ToArray();
            Assert.That(ids, Is.EqualTo(Enumerable.Range(1, ids.Length).Select(i => (long)i)), $"{who}: every logged event once, in order, from 1");
            Assert.That(events.Where(e => e.Event == "outcome").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("node").GetString()),
                Is.EquivalentTo(new[] { "structure", "style", "characters", "pacing", "themes", "consistency", "recommendations" }), who);
            Assert.That(events[^1].Event, Is.EqualTo("end"), who);
            Assert.That(events[^1].Data, Does.Contain("\"Completed\""), who);
        }
        Assert.That(late.Where(e => e.Id is not null).Select(e => e.Data), Is.EqualTo(first.Where(e => e.Id is not null).Select(e => e.Data)),
            "the late subscriber's history is the early one's live stream");
        // The recommendations node waits for every other: it started after the late subscriber joined, so it saw that live.
        Assert.That(late.Where(e => e.Event == "node-started").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("node").GetString()),
            Does.Contain("recommendations"));
    }

    [Test]
    public async Task A_quiet_stream_of_a_queued_session_sends_keep_alive_comments()
    {
        var options = ServerHost.NewOptions() with { MaxRunning = 1, KeepAlive = TimeSpan.FromMilliseconds(150) };
        await using var server = await ServerHost.StartAsync(options);
        var running = await SessionsApiTests.PostAsync(server, SessionsApiTests.LongManuscript());
        await SessionsApiTests.WaitForStatusAsync(server, running, "Running");
        var queued = await SessionsApiTests.PostAsync(server, ServerHost.Sample);

        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var response = await server.Client.GetAsync($"/api/sessions/{queued}/events", HttpCompletionOption.ResponseHeadersRead, limit.Token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(limit.Token));
        var lines = new List<string>();
        while (await reader.ReadLineAsync(limit.Token) is { } line)
        {
            lines.Add(line);
            if (line.StartsWith(": keep-alive", StringComparison.Ordinal) && lines.Count(l => l.StartsWith(": keep-alive", StringComparison.Ordinal)) == 2) break;
        }
        Assert.That(lines, Has.Exactly(2).StartsWith(": keep-alive"));
        Assert.That(lines.Where(l => l.StartsWith("event: ", StringComparison.Ordinal)), Is.Empty, "nothing happened to the queued session yet");

        using (await server.Client.PostAsync($"/api/sessions/{queued}/cancel", null)) { }
        using (await server.Client.PostAsync($"/api/sessions/{running}/cancel", null)) { }
        await server.WaitUntilStoppedAsync(running);
    }
}
