using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.Cli.Hosting;
using Orchestrator.Cluster.Sessions;
using Orchestrator.Manuscripts.Tests;
using Orleans.Runtime;
using StackExchange.Redis;

namespace Orchestrator.Cluster.Tests.Http;

/// <summary>
/// The server's own API on two silos of one cluster, in this process on a real redis-server: a batch posted to one
/// silo runs as cluster sessions that the other lists, shows, follows and serves the reports of, in the shapes of a
/// single server; what a cluster does not do is refused in words. And the failures that pass map to 503.
/// </summary>
[TestFixture]
public sealed class ClusterApiTests() : TwoSiloTests("api")
{
    [Test]
    public async Task A_batch_posted_to_one_silo_runs_as_cluster_sessions_the_other_lists_follows_and_serves()
    {
        using var form = new MultipartFormDataContent();
        foreach (var path in new[] { Corpus.PathOf(Corpus.Alice), Path.Combine(Grains.SessionGrainTests.RepoRoot(), "samples", "the-lighthouse-keepers-daughter.md") })
            form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(path)), "file", Path.GetFileName(path));
        form.Add(new StringContent("quick"), "pipeline");
        using var posted = await A.Client.PostAsync("/api/batches", form);
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await posted.Content.ReadAsStringAsync());
        var batch = await posted.Content.ReadFromJsonAsync<JsonElement>();
        var batchId = batch.GetProperty("id").GetString()!;
        var sessions = batch.GetProperty("manuscripts").EnumerateArray().Select(m => m.GetProperty("sessionId").GetString()!).ToArray();
        Assert.That(sessions, Has.Length.EqualTo(2).And.Unique);

        var listed = await B.Client.GetFromJsonAsync<JsonElement>("/api/sessions?limit=500");
        Assert.That(listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()), Is.SupersetOf(sessions),
            "the other silo lists the batch's sessions");
        var events = await ReadEventsAsync(B, sessions[0]);
        Assert.That(events[^1], Is.EqualTo(((long?)null, "end", "{\"status\":\"Completed\"}")));
        var logged = events.Where(e => e.Id is not null).Select(e => e.Id!.Value).ToArray();
        Assert.That(logged, Is.EqualTo(Enumerable.Range(1, logged.Length).Select(i => (long)i)));

        var done = await WaitForBatchAsync(A, batchId);
        Assert.That(done.GetProperty("totals").GetProperty("succeeded").GetInt32(), Is.EqualTo(2), done.ToString());
        foreach (var id in sessions)
        {
            var shown = await B.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}");
            Assert.That((shown.GetProperty("status").GetString(), shown.GetProperty("pipeline").GetString(), shown.GetProperty("runs").GetInt32()),
                Is.EqualTo(("Completed", "quick", 1)));
            Assert.That(shown.GetProperty("silo").GetString(), Is.Not.Empty);
            Assert.That(shown.GetProperty("nodes").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(await B.Client.GetStringAsync($"/api/sessions/{id}/report.md"), Is.EqualTo(await A.Client.GetStringAsync($"/api/sessions/{id}/report.md")));
        }
    }

    [Test]
    public async Task A_post_retried_on_another_silo_with_its_Idempotency_Key_answers_the_same_session()
    {
        var sample = Path.Combine(Grains.SessionGrainTests.RepoRoot(), "samples", "the-lighthouse-keepers-daughter.md");
        var key = "upload-" + Guid.NewGuid().ToString("N");
        var first = await PostAsync(A, sample, key);
        var retried = await PostAsync(B, sample, key);
        using var other = new MultipartFormDataContent();
        other.Add(new ByteArrayContent("Chapter 1\n\nAnother book altogether, of a few words.\n"u8.ToArray()), "file", "other.md");
        other.Add(new StringContent("quick"), "pipeline");
        using var otherRequest = new HttpRequestMessage(HttpMethod.Post, "/api/sessions") { Content = other };
        otherRequest.Headers.Add("Idempotency-Key", key);
        using var conflict = await B.Client.SendAsync(otherRequest);

        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(retried.Status, Is.AnyOf(HttpStatusCode.OK, HttpStatusCode.Accepted));
        Assert.That(retried.Id, Is.EqualTo(first.Id), "the retry on the other silo answers the session the first post made");
        Assert.That(conflict.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await conflict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), Does.Contain(first.Id));
    }

    [Test]
    public async Task What_a_cluster_does_not_do_is_refused_in_words()
    {
        using var unknown = await B.Client.GetAsync("/api/sessions/novel_20260101_000000_0000");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var events = await B.Client.GetAsync("/api/sessions/novel_20260101_000000_0000/events");
        Assert.That(events.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var resume = await B.Client.PostAsync("/api/sessions/novel_20260101_000000_0000/resume", null);
        Assert.That(resume.StatusCode, Is.EqualTo(HttpStatusCode.NotImplemented));
        Assert.That((await resume.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), Does.Contain("resumes by itself"));
    }

    [Test]
    public void A_grain_on_an_unreachable_silo_and_an_unreachable_Redis_are_a_503_with_Retry_After()
    {
        var rejected = new SiloUnavailableException();
        Assert.That(SiloUnreachableException.IsUnreachable(rejected), Is.True);
        Assert.That(SiloUnreachableException.IsUnreachable(new TimeoutException()), Is.True);
        Assert.That(SiloUnreachableException.IsUnreachable(new OperationCanceledException()), Is.True,
            "the grain directory cancelled the lookup addressing the call (seen after a kill -9)");
        Assert.That(SiloUnreachableException.IsUnreachable(new InvalidOperationException()), Is.False);

        var silo = ClusterSessionBackend.RefusalOf(new SiloUnreachableException("novel_1", rejected))!;
        Assert.That((silo.Status, silo.RetryAfterSeconds, silo.Title), Is.EqualTo((503, 5, "Silo unreachable")));
        Assert.That(silo.Message, Does.Contain("novel_1").And.Contain(nameof(SiloUnavailableException)));
        var redis = ClusterSessionBackend.RefusalOf(new RedisConnectionException(ConnectionFailureType.UnableToConnect, "It was not possible to connect"))!;
        Assert.That((redis.Status, redis.RetryAfterSeconds, redis.Title), Is.EqualTo((503, 5, "Redis unreachable")));
        Assert.That(ClusterSessionBackend.RefusalOf(new InvalidOperationException("a bug")), Is.Null, "a fault of ours stays a 500");
    }

    [Test]
    public void Orleans_storage_errors_that_name_a_lost_Redis_connection_are_a_503_and_others_a_500()
    {
        // Orleans' Redis grain storage keeps the client's error only as words in its message (no inner exception);
        // this is the text a silo logged when its connection dropped under load.
        var lost = new Orleans.Persistence.Redis.RedisStorageException("Failed to read grain state for session grain with ID session/novel_20261206_201035_4cc2 and "
            + "storage key orchestrator/state/session/novel_20261206_201035_4cc2/session. StackExchange.Redis.RedisConnectionException: Failed to write");
        var refusal = ClusterSessionBackend.RefusalOf(new Orleans.Runtime.OrleansException("activation failed", lost))!;
        Assert.That((refusal.Status, refusal.Title), Is.EqualTo((503, "Redis unreachable")));
        Assert.That(refusal.Message, Does.Contain("(Failed to write)"));

        var wrongType = new Orleans.Persistence.Redis.RedisStorageException("Failed to write grain state for session grain with ID session/x and storage key k. "
            + "StackExchange.Redis.RedisServerException: WRONGTYPE Operation against a key holding the wrong kind of value");
        Assert.That(ClusterSessionBackend.RefusalOf(wrongType), Is.Null, "a fault that is not an outage stays a 500");
    }

    [Test]
    public async Task Posts_are_accepted_and_run_while_Redis_keeps_dropping_the_silos_connections()
    {
        // Every 50 ms Redis drops every client but the test's own (CLIENT KILL skips the caller): each silo's connection
        // is cut mid-call again and again while posts go to alternate silos, at least six and until connections were
        // dropped four times. A call cut that way waits for Redis and is tried again; the sessions pause on their
        // writes and go on.
        var alice = (await File.ReadAllBytesAsync(Corpus.PathOf(Corpus.Alice)))[..40_000];
        using var stop = new CancellationTokenSource();
        var kills = 0;
        var killing = Task.Run(async () =>
        {
            var server = Redis.Connection.GetServer(Redis.Connection.GetEndPoints()[0]);
            while (!stop.IsCancellationRequested)
            {
                if ((long)await server.ExecuteAsync("CLIENT", "KILL", "TYPE", "normal") > 0) Interlocked.Increment(ref kills);
                await Task.Delay(50);
            }
        });
        var ids = new List<string>();
        try
        {
            for (var i = 0; i < 6 || (Volatile.Read(ref kills) < 4 && i < 60); i++)
            {
                var silo = i % 2 == 0 ? A : B;
                using var content = new ByteArrayContent([.. alice, .. System.Text.Encoding.UTF8.GetBytes($"\n\nCopy {i}.\n")]);
                using var posted = await silo.Client.PostAsync($"/api/cluster/sessions?name=alice-{i}.txt&pipeline=quick", content);
                Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), $"post {i}: {await posted.Content.ReadAsStringAsync()}");
                ids.Add((await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await killing;
        }
        Assert.That(kills, Is.GreaterThanOrEqualTo(4), "connections were dropped while the posts went in");

        var deadline = DateTime.UtcNow + Patience;
        foreach (var id in ids)
        {
            while (true)
            {
                var status = (await B.Client.GetFromJsonAsync<JsonElement>($"/api/cluster/sessions/{id}")).GetProperty("status").GetString();
                if (status == "Completed") break;
                Assert.That(status, Is.AnyOf("Queued", "Running", "Interrupted"), id);
                if (DateTime.UtcNow > deadline) Assert.Fail($"session {id} is still {status} after {Patience.TotalSeconds:F0} s");
                await Task.Delay(100);
            }
        }
    }

    [Test]
    public async Task Readyz_on_a_silo_counts_the_sessions_that_silo_runs()
    {
        // Moby-Dick twice (2.5 MB, the novel pipeline) runs long enough for polls 10 ms apart to see it running.
        var moby = await File.ReadAllBytesAsync(Corpus.PathOf(Corpus.MobyDick));
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent([.. moby, .. moby]), "file", "moby-dick-twice.txt");
        using var posted = await A.Client.PostAsync("/api/sessions", form);
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await posted.Content.ReadAsStringAsync());
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var silos = new[] { A, B };
        var addresses = new List<string>();
        foreach (var silo in silos)
            addresses.Add((await silo.Client.GetFromJsonAsync<JsonElement>("/api/cluster/status")).GetProperty("silo").GetString()!);

        // While it runs, the silo its view names counts it in /readyz (a silo's local queue stays empty: before, every
        // silo said 0 running whatever it ran). /metrics reads the same IRunLoad (ServerMetricsTests); it is not read
        // here because both silos of this process export both servers' meters, which share one name.
        var seen = false;
        var deadline = DateTime.UtcNow + Patience;
        while (!seen)
        {
            var view = await B.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}");
            var status = view.GetProperty("status").GetString();
            Assert.That(status, Is.AnyOf("Queued", "Running"), "the session ended before a poll saw it run");
            if (status == "Running" && view.TryGetProperty("silo", out var on) && addresses.IndexOf(on.GetString()!) is var index and >= 0)
            {
                var ready = await silos[index].Client.GetFromJsonAsync<JsonElement>("/readyz");
                if (ready.GetProperty("running").GetInt32() >= 1)
                {
                    Assert.That(ready.GetProperty("status").GetString(), Is.EqualTo("ready"), "a silo with its slot taken still takes posts (placed where there is room)");
                    seen = true;
                }
            }
            if (DateTime.UtcNow > deadline) Assert.Fail($"session {id} was not seen running within {Patience.TotalSeconds:F0} s");
            if (!seen) await Task.Delay(10);
        }
    }

    private static async Task<(HttpStatusCode Status, string Id)> PostAsync(SiloServer silo, string path, string idempotencyKey) =>
        await PostAsync(silo, Path.GetFileName(path), await File.ReadAllBytesAsync(path), idempotencyKey);

    private static async Task<IReadOnlyList<(long? Id, string Event, string Data)>> ReadEventsAsync(SiloServer silo, string id)
    {
        using var response = await silo.Client.GetAsync($"/api/sessions/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await Server.Tests.SseReader.ReadAllAsync(await response.Content.ReadAsStreamAsync());
    }

    private static async Task<JsonElement> WaitForBatchAsync(SiloServer silo, string id)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var batch = await silo.Client.GetFromJsonAsync<JsonElement>($"/api/batches/{id}");
            if (batch.GetProperty("status").GetString() == "done") return batch;
            if (DateTime.UtcNow > deadline) Assert.Fail($"batch {id} still runs after {Patience.TotalSeconds:F0} s: {batch}");
            await Task.Delay(200);
        }
    }
}
