using System.Net;
using System.Text.Json;
using Orchestrator.Manuscripts.Tests;

namespace Orchestrator.Server.Tests;

/// <summary>
/// The events stream on the engine's hub: a subscriber from the start and one that joins mid-session both get every
/// logged event once, in order, then the end; a quiet stream keeps alive. A <see cref="NodeGate"/> holds the session
/// where the test needs it, so nothing here depends on how fast the machine is.
/// </summary>
[TestFixture]
public sealed class EventsStreamTests
{
    private static readonly string[] Nodes = ["structure", "style", "characters", "pacing", "themes", "consistency", "recommendations"];

    [Test]
    public async Task A_subscriber_that_joins_mid_session_gets_the_history_then_the_live_tail_without_a_gap_or_a_repeat()
    {
        // Consistency waits at the gate; recommendations waits for consistency.
        var gate = new NodeGate("consistency");
        await using var server = await ServerHost.StartAsync(gate.Options());
        var id = await SessionsApiTests.PostAsync(server, Corpus.PathOf(Corpus.MobyDick));
        var early = server.ReadEventsAsync(id);
        await gate.WaitReachedAsync();

        // Join while the session is held mid-way; let it go on once this stream has its first event (it is subscribed then).
        var late = await server.ReadEventsAsync(id, seen: _ => gate.Open()).WaitAsync(NodeGate.Limit);
        var first = await early.WaitAsync(NodeGate.Limit);

        foreach (var (events, who) in new[] { (first, "early"), (late, "late") })
        {
            var ids = events.Where(e => e.Id is not null).Select(e => e.Id!.Value).ToArray();
            Assert.That(ids, Is.EqualTo(Enumerable.Range(1, ids.Length).Select(i => (long)i)), $"{who}: every logged event once, in order, from 1");
            Assert.That(events.Where(e => e.Event == "outcome").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("node").GetString()),
                Is.EquivalentTo(Nodes), who);
            Assert.That(events.Where(e => e.Id is not null).Select(e => e.Event).Last(), Is.EqualTo("stop"), who);
            Assert.That(events[^1].Event, Is.EqualTo("end"), who);
            Assert.That(events[^1].Data, Does.Contain("\"Completed\""), who);
        }
        Assert.That(late.Where(e => e.Id is not null).Select(e => e.Data), Is.EqualTo(first.Where(e => e.Id is not null).Select(e => e.Data)),
            "the late subscriber's history is the early one's live stream");
        var lateStarts = late.Where(e => e.Event == "node-started").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("node").GetString()).ToArray();
        Assert.That(lateStarts, Does.Contain("recommendations"), "recommendations started after the late subscriber joined: it saw that live");
        Assert.That(lateStarts, Does.Not.Contain("structure"), "live-only events from before it joined are not replayed");
    }

    [Test]
    public async Task A_quiet_stream_of_a_queued_session_sends_keep_alive_comments()
    {
        var gate = new NodeGate("consistency");
        await using var server = await ServerHost.StartAsync(gate.Options() with { MaxRunning = 1, KeepAlive = TimeSpan.FromMilliseconds(150) });
        var running = await SessionsApiTests.PostAsync(server, ServerHost.Sample);
        await gate.WaitReachedAsync();
        var queued = await SessionsApiTests.PostAsync(server, ServerHost.Sample, "?genre=fantasy");
        Assert.That((await server.GetJsonAsync($"/api/sessions/{queued}")).GetProperty("status").GetString(), Is.EqualTo("Queued"));

        using var limit = new CancellationTokenSource(NodeGate.Limit);
        using var response = await server.Client.GetAsync($"/api/sessions/{queued}/events", HttpCompletionOption.ResponseHeadersRead, limit.Token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(limit.Token));
        var lines = new List<string>();
        while (await reader.ReadLineAsync(limit.Token) is { } line)
        {
            lines.Add(line);
            if (lines.Count(l => l.StartsWith(": keep-alive", StringComparison.Ordinal)) == 2) break;
        }
        Assert.That(lines, Has.Exactly(2).StartsWith(": keep-alive"));
        Assert.That(lines.Where(l => l.StartsWith("event: ", StringComparison.Ordinal)), Is.Empty, "nothing happened to the queued session yet");

        using (await server.Client.PostAsync($"/api/sessions/{queued}/cancel", null)) { }
        using (await server.Client.PostAsync($"/api/sessions/{running}/cancel", null)) { }
        var stopped = await server.WaitUntilStoppedAsync(running);
        Assert.That(stopped.GetProperty("status").GetString(), Is.EqualTo("Cancelled"), "the cancel reached the node held at the gate");
    }

    [Test]
    public async Task A_stream_opened_while_the_session_is_queued_follows_it_through_its_run_to_the_end()
    {
        var gate = new NodeGate("consistency");
        await using var server = await ServerHost.StartAsync(gate.Options() with { MaxRunning = 1 });
        var running = await SessionsApiTests.PostAsync(server, ServerHost.Sample);
        await gate.WaitReachedAsync();
        var queued = await SessionsApiTests.PostAsync(server, Corpus.PathOf(Corpus.Alice));

        // Subscribed while queued (the response has begun); then the first session may go on.
        using var limit = new CancellationTokenSource(NodeGate.Limit);
        using var response = await server.Client.GetAsync($"/api/sessions/{queued}/events", HttpCompletionOption.ResponseHeadersRead, limit.Token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await server.GetJsonAsync($"/api/sessions/{queued}")).GetProperty("status").GetString(), Is.EqualTo("Queued"));
        gate.Open();
        var second = await SseReader.ReadAllAsync(await response.Content.ReadAsStreamAsync(limit.Token)).WaitAsync(limit.Token);
        var first = await server.ReadEventsAsync(running);

        foreach (var (stream, who) in new[] { (first, "first (replayed)"), (second, "queued (followed)") })
        {
            var ids = stream.Where(e => e.Id is not null).Select(e => e.Id!.Value).ToArray();
            Assert.That(ids, Is.EqualTo(Enumerable.Range(1, ids.Length).Select(i => (long)i)), who);
            Assert.That(stream.Count(e => e.Event == "outcome"), Is.EqualTo(Nodes.Length), who);
            Assert.That(stream[^1], Is.EqualTo(((long?)null, "end", "{\"status\":\"Completed\"}")), who);
        }
        Assert.That(second.First(e => e.Id is not null).Event, Is.EqualTo("started"));
    }

    [Test]
    public async Task A_client_that_disconnects_mid_session_cancels_nothing()
    {
        var gate = new NodeGate("consistency");
        await using var server = await ServerHost.StartAsync(gate.Options());
        var id = await SessionsApiTests.PostAsync(server, ServerHost.Sample);
        await gate.WaitReachedAsync();

        using (var limit = new CancellationTokenSource(NodeGate.Limit))
        {
            using var response = await server.Client.GetAsync($"/api/sessions/{id}/events", HttpCompletionOption.ResponseHeadersRead, limit.Token);
            var first = await SseReader.ReadAllAsync(await response.Content.ReadAsStreamAsync(limit.Token), stopAfter: _ => true);
            Assert.That(first.Single().Event, Is.EqualTo("started"));
        } // the client goes away mid-session
        gate.Open();

        var session = await server.WaitUntilStoppedAsync(id);
        Assert.That(session.GetProperty("status").GetString(), Is.EqualTo("Completed"));
        var events = await server.ReadEventsAsync(id);
        Assert.That(events.Count(e => e.Event == "outcome"), Is.EqualTo(Nodes.Length));
        Assert.That(events[^1].Data, Does.Contain("\"Completed\""));
    }
}
