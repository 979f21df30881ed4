using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Orchestrator.Manuscripts.Tests;

namespace Orchestrator.Cluster.Tests.Http;

/// <summary>
/// <c>DELETE /api/cluster/sessions/ID</c> (and the server's own <c>DELETE /api/sessions/ID</c>, which does the same with
/// <c>--cluster</c>) on two silos of one cluster, in this process on a real redis-server: a stopped
/// session deleted on the silo that did not run it leaves nothing of it in Redis (looked for by its id in every key,
/// field, value and member) and is no longer shown, listed or reported; its Idempotency-Key makes a new session. A
/// session still owed a run is refused until it is cancelled; an unknown id is 404, a malformed one 400.
/// </summary>
[TestFixture]
public sealed class ClusterDeleteTests() : TwoSiloTests("delete")
{
    [Test]
    public async Task A_completed_session_deleted_on_another_silo_leaves_nothing_in_Redis_and_its_Idempotency_Key_makes_a_new_session()
    {
        var key = "upload-" + Guid.NewGuid().ToString("N");
        var (status, id) = await PostAsync(A, "alice-opening.txt", Slice(Corpus.Alice, 20_000), key);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await WaitForStopAsync(id), Is.EqualTo("Completed"));
        var before = await MentionsAsync(id);
        TestContext.Out.WriteLine($"session {id} in Redis before the delete: {string.Join(", ", before)}");
        Assert.That(before, Is.SupersetOf(new[]
        {
            "state:" + id, "snapshots:" + id, "events:" + id, "input:" + id, "attachments:" + id,
            "summaries " + id, "posted " + id, "idempotency-keys " + key,
        }.Select(k => $"orchestrator:{Cluster}:{k}")));
        Assert.That(before, Has.Some.StartsWith($"orchestrator:{Cluster}:index:"));
        Assert.That(before, Has.Some.Not.StartsWith("orchestrator:"), "the grain's record, in Orleans' own key");

        using (var deleted = await B.Client.DeleteAsync($"/api/cluster/sessions/{id}"))
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await deleted.Content.ReadAsStringAsync());

        Assert.That(await MentionsAsync(id), Is.Empty);
        foreach (var silo in new[] { A, B })
        {
            foreach (var path in new[] { "", "/report", "/report.md", "/report.html" })
            {
                using var cluster = await silo.Client.GetAsync($"/api/cluster/sessions/{id}{path}");
                Assert.That(cluster.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"/api/cluster/sessions/ID{path}");
                using var server = await silo.Client.GetAsync($"/api/sessions/{id}{path}");
                Assert.That(server.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"/api/sessions/ID{path}");
            }
            var listed = await silo.Client.GetFromJsonAsync<JsonElement>("/api/sessions?limit=500");
            Assert.That(listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()), Does.Not.Contain(id));
        }
        using (var again = await A.Client.DeleteAsync($"/api/cluster/sessions/{id}"))
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        // Another manuscript with the same key: before the delete, a 409 naming the deleted session.
        var (reusedStatus, reused) = await PostAsync(B, "frankenstein-opening.txt", Slice(Corpus.Frankenstein, 20_000), key);
        Assert.That((reusedStatus, reused), Is.Not.EqualTo((HttpStatusCode.Accepted, id)));
        Assert.That(reusedStatus, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await WaitForStopAsync(reused), Is.EqualTo("Completed"));
    }

    [Test]
    public async Task A_session_owed_a_run_is_refused_until_it_is_cancelled_and_then_deleted()
    {
        // Moby-Dick (the novel pipeline) is still queued or running when the delete comes a moment after its post.
        using var posted = await A.Client.PostAsync("/api/cluster/sessions?name=moby-dick.txt",
            new ByteArrayContent(await File.ReadAllBytesAsync(Corpus.PathOf(Corpus.MobyDick))));
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await posted.Content.ReadAsStringAsync());
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        using (var refused = await B.Client.DeleteAsync($"/api/cluster/sessions/{id}"))
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Still running"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Match($"session {id} is (queued|running): cancel it first"));
        }
        using (var refused = await A.Client.DeleteAsync($"/api/sessions/{id}"))
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "the server's own API refuses it too");
        var shown = await A.Client.GetFromJsonAsync<JsonElement>($"/api/cluster/sessions/{id}");
        Assert.That(shown.GetProperty("status").GetString(), Is.AnyOf("Queued", "Running"), "the refused delete left it as it was");
        Assert.That(await Redis.Connection.GetDatabase().KeyExistsAsync($"orchestrator:{Cluster}:upload:{id}"), Is.True);

        using (var cancelled = await B.Client.PostAsync($"/api/cluster/sessions/{id}/cancel", null))
            Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await WaitForStopAsync(id), Is.EqualTo("Cancelled"));
        // Through the server's own API this time: with --cluster it deletes the same way.
        using (var deleted = await A.Client.DeleteAsync($"/api/sessions/{id}"))
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await deleted.Content.ReadAsStringAsync());

        Assert.That(await MentionsAsync(id), Is.Empty);
        using var gone = await A.Client.GetAsync($"/api/cluster/sessions/{id}");
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task An_unknown_session_is_404_and_a_malformed_id_400()
    {
        using var unknown = await B.Client.DeleteAsync("/api/cluster/sessions/novel_20260101_000000_0000");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), Is.EqualTo("No such session"));
        using var unknownToServer = await A.Client.DeleteAsync("/api/sessions/novel_20260101_000000_0000");
        Assert.That(unknownToServer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        foreach (var bad in new[] { new string('a', 129), "bad%20id", ".hidden" })
        {
            using var response = await B.Client.DeleteAsync($"/api/cluster/sessions/{bad}");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), bad);
        }
    }

    /// <summary>Where the session's id is in Redis, but for the silos' load lines (the sessions each drives now, rewritten every second).</summary>
    private Task<IReadOnlyList<string>> MentionsAsync(string id) => RedisMentions.OfAsync(Redis.Connection, id, "*", $"orchestrator:{Cluster}:silos");

    /// <summary>The opening of a corpus book, cut at a paragraph: a manuscript the quick pipeline analyses in a moment.</summary>
    private static byte[] Slice(string book, int chars)
    {
        var text = File.ReadAllText(Corpus.PathOf(book)).ReplaceLineEndings("\n");
        return Encoding.UTF8.GetBytes(text[..text.LastIndexOf("\n\n", chars, StringComparison.Ordinal)]);
    }

    /// <summary>
    /// The session's status once the cluster no longer owes it a run and no silo holds its lease (a run lets go of it
    /// as it ends, without waiting for Redis to answer: a delete at once could still find it held).
    /// </summary>
    private async Task<string> WaitForStopAsync(string id)
    {
        var lease = $"orchestrator:{Cluster}:lease:{id}";
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var status = (await B.Client.GetFromJsonAsync<JsonElement>($"/api/cluster/sessions/{id}")).GetProperty("status").GetString()!;
            if (status is not ("Queued" or "Running" or "Interrupted") && !await Redis.Connection.GetDatabase().KeyExistsAsync(lease)) return status;
            if (DateTime.UtcNow > deadline) Assert.Fail($"session {id} is still {status} after {Patience.TotalSeconds:F0} s");
            await Task.Delay(100);
        }
    }
}
