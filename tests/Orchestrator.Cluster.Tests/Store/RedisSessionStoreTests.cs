using Orchestrator.Cluster.Sessions;
using Orchestrator.Cluster.Store;
using Orchestrator.Engine.Sessions;
using Orchestrator.Engine.State;
using StackExchange.Redis;

namespace Orchestrator.Cluster.Tests.Store;

/// <summary>The Redis session store against a real redis-server: what it keeps, and that two owners never both write a session.</summary>
[TestFixture]
public sealed class RedisSessionStoreTests
{
    private RedisServer _redis = null!;

    [OneTimeSetUp]
    public async Task StartRedis() => _redis = await RedisServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopRedis() => await _redis.DisposeAsync();

    private RedisSessionStore NewStore(string cluster, RedisLeaseOptions? leases = null) => new(_redis.Connection, cluster, leases);

    private static SessionState Initial(string id) => SessionState.Start(id, "novel", "sha256:" + new string('a', 64), "/books/alice.txt",
        "sha256:" + new string('b', 64), "{\"genre\":\"fantasy\"}", ["structure", "style"], DateTimeOffset.Parse("2026-12-05T10:00:00Z"));

    [Test]
    public async Task A_created_session_keeps_state_input_events_attachments_listing_and_index()
    {
        var store = NewStore("keeps");
        var initial = Initial("s-1");
        using (var lease = await store.CreateAsync(initial, "Alice was beginning"u8.ToArray(), CancellationToken.None))
        {
            Assert.That(store.IsHeld("s-1"), Is.True);
            var journal = store.Journal();
            var later = initial with { Iteration = 2, UpdatedAt = initial.UpdatedAt.AddMinutes(1) };
            journal.Save(initial with { Iteration = 1 });
            journal.Save(later);
            journal.Checkpoint(later);
            journal.Append(new SessionEvent { Time = later.UpdatedAt, Kind = SessionEventKind.Warning, Session = "s-1", Details = "first", Sequence = 1 });
            await journal.FlushAsync();
            store.WriteAttachment("s-1", "report.md", "# Report"u8);
        }

        Assert.That(store.IsHeld("s-1"), Is.False, "disposing the lease releases it");
        Assert.That(store.Exists("s-1"), Is.True);
        Assert.That(store.Exists("s-2"), Is.False);
        var loaded = await store.LoadStateAsync("s-1", CancellationToken.None);
        Assert.That(loaded.State.Iteration, Is.EqualTo(2));
        Assert.That(loaded.Source, Is.EqualTo(StateSource.SessionJson));
        Assert.That(await store.ReadInputAsync("s-1", CancellationToken.None), Is.EqualTo("Alice was beginning"u8.ToArray()));
        Assert.That(store.ReadEvents("s-1").Events.Select(e => e.Details), Is.EqualTo(new[] { "first" }));
        Assert.That(store.ReadAttachment("s-1", "report.md"), Is.EqualTo("# Report"u8.ToArray()));
        Assert.That(store.ReadAttachment("s-1", "report.html"), Is.Null);
        Assert.That(store.List().Select(s => (s.Id, s.Iteration)), Is.EqualTo(new[] { ("s-1", (int?)2) }));
        Assert.That(store.Find(SessionKey.Of(initial)).Select(s => s.Id), Is.EqualTo(new[] { "s-1" }));
        Assert.That(NewStore("another-cluster").Exists("s-1"), Is.False, "clusters sharing a Redis do not meet");
    }

    [Test]
    public async Task A_second_create_of_the_same_id_and_a_second_lease_are_refused()
    {
        var store = NewStore("refused");
        using var lease = await store.CreateAsync(Initial("s-1"), "x"u8.ToArray(), CancellationToken.None);

        Assert.That(async () => await store.CreateAsync(Initial("s-1"), "y"u8.ToArray(), CancellationToken.None), Throws.TypeOf<SessionIdTakenException>());
        var other = NewStore("refused");
        var refusal = Assert.ThrowsAsync<SessionLockedException>(async () => await other.AcquireLeaseAsync("s-1", CancellationToken.None));
        Assert.That(refusal!.Message, Does.Contain("another owner holds its lease"));
    }

    [Test]
    public async Task A_delete_is_refused_while_the_lease_is_held_and_then_removes_every_key_and_field_of_the_session_alone()
    {
        var store = NewStore("deletes");
        var db = _redis.Connection.GetDatabase();
        // s-2 shares s-1's index digest (same manuscript, pipeline and requirements) and has a key of its own: both stay.
        var other = Initial("s-2");
        using (await store.CreateAsync(other, "kept"u8.ToArray(), CancellationToken.None))
        {
        }
        var postedAt = DateTimeOffset.Parse("2026-12-05T09:59:00Z");
        Assert.That(await store.ClaimIdempotencyKeyAsync("key-2", new PostedSession("s-2", "novel", "kept.txt", postedAt, "h2", "key-2")), Is.Null);
        // s-1 was posted before posted notes recorded their key (no idempotencyKey field): its key is found by its entry.
        await db.HashSetAsync(store.Keys.Posted, "s-1", """{"id":"s-1","pipeline":"novel","fileName":"alice.txt","postedAt":"2026-12-05T09:59:00+00:00","contentHash":"h1"}""");
        Assert.That(await store.ClaimIdempotencyKeyAsync("key-1", new PostedSession("s-1", "novel", "alice.txt", postedAt, "h1")), Is.Null);
        await store.WriteUploadAsync("s-1", "Alice was beginning"u8.ToArray());
        await store.NoteDrivenAsync("s-1", "silo-a", running: true);
        var initial = Initial("s-1");
        var lease = await store.CreateAsync(initial, "Alice was beginning"u8.ToArray(), CancellationToken.None);
        var journal = store.Journal();
        journal.Save(initial with { Iteration = 1 });
        journal.Checkpoint(initial with { Iteration = 1 });
        journal.Append(new SessionEvent { Time = initial.UpdatedAt, Kind = SessionEventKind.Warning, Session = "s-1", Details = "first", Sequence = 1 });
        await journal.FlushAsync();
        store.WriteAttachment("s-1", "report.md", "# Report"u8);
        var before = await RedisMentions.OfAsync(_redis.Connection, "s-1", "orchestrator:deletes:*");
        Assert.That(before, Is.SupersetOf(new[]
        {
            "state:s-1", "lease:s-1", "snapshots:s-1", "events:s-1", "input:s-1", "attachments:s-1", "upload:s-1",
            "summaries s-1", "posted s-1", "driven s-1", "idempotency-keys key-1",
        }.Select(k => "orchestrator:deletes:" + k)));
        Assert.That(before.Count(m => m.StartsWith("orchestrator:deletes:index:", StringComparison.Ordinal)), Is.EqualTo(1));

        Assert.That(await store.DeleteAsync("s-1"), Is.False, "a held lease refuses the delete");
        Assert.That(await RedisMentions.OfAsync(_redis.Connection, "s-1", "orchestrator:deletes:*"), Is.EqualTo(before), "and nothing is deleted");

        lease.Dispose();
        Assert.That(await store.DeleteAsync("s-1"), Is.True);

        Assert.That(await RedisMentions.OfAsync(_redis.Connection, "s-1", "orchestrator:deletes:*"), Is.Empty);
        Assert.That(store.Exists("s-2"), Is.True);
        Assert.That(await store.ReadInputAsync("s-2", CancellationToken.None), Is.EqualTo("kept"u8.ToArray()));
        Assert.That(store.List().Select(s => s.Id), Is.EqualTo(new[] { "s-2" }));
        Assert.That(store.Find(SessionKey.Of(other)).Select(s => s.Id), Is.EqualTo(new[] { "s-2" }));
        Assert.That((await store.ClaimIdempotencyKeyAsync("key-2", new PostedSession("s-3", "novel", "x.txt", postedAt)))?.Id, Is.EqualTo("s-2"),
            "another session's key stays");
        Assert.That(await store.ClaimIdempotencyKeyAsync("key-1", new PostedSession("s-3", "novel", "x.txt", postedAt)), Is.Null,
            "the deleted session's key is free again");
    }

    [Test]
    public async Task Two_owners_one_loses_when_its_lease_ran_out_and_the_other_took_the_session()
    {
        // Owner A stalls (no renewal) past its lease; owner B (another silo) takes the session over and writes it.
        var a = NewStore("two-owners", new RedisLeaseOptions { TimeToLive = TimeSpan.FromMilliseconds(300), RenewEvery = null });
        var b = NewStore("two-owners");
        var initial = Initial("s-1");
        using var leaseA = await a.CreateAsync(initial, "text"u8.ToArray(), CancellationToken.None);
        var journalA = a.Journal();
        journalA.Save(initial with { Iteration = 1 });
        await journalA.FlushAsync();

        await Task.Delay(600);
        using var leaseB = await b.AcquireLeaseAsync("s-1", CancellationToken.None);
        var journalB = b.Journal();
        journalB.Save(initial with { Iteration = 7, StopReason = "B's" });
        await journalB.FlushAsync();

        journalA.Save(initial with { Iteration = 2, StopReason = "A's" });
        var refused = Assert.ThrowsAsync<SessionWriteRefusedException>(async () => await journalA.FlushAsync());
        Assert.That(refused!.Message, Does.Contain("another owner took its lease over"));
        Assert.That(leaseA.Lost.IsCancellationRequested, Is.True, "the loser is told to stop");
        Assert.That(leaseB.Lost.IsCancellationRequested, Is.False);
        var stored = (await b.LoadStateAsync("s-1", CancellationToken.None)).State;
        Assert.That((stored.Iteration, stored.StopReason), Is.EqualTo((7, "B's")), "the winner's state stays");

        // Later writes of the loser are refused too, events and checkpoints included.
        journalA.Append(new SessionEvent { Time = initial.UpdatedAt, Kind = SessionEventKind.Warning, Session = "s-1", Details = "A late" });
        Assert.ThrowsAsync<SessionWriteRefusedException>(async () => await journalA.FlushAsync());
        Assert.That(b.ReadEvents("s-1").Events, Is.Empty);
    }

    [Test]
    public async Task A_write_behind_the_holders_back_moves_the_version_and_the_holder_is_refused()
    {
        var store = NewStore("etag");
        var initial = Initial("s-1");
        using var lease = await store.CreateAsync(initial, "text"u8.ToArray(), CancellationToken.None);
        var journal = store.Journal();
        journal.Save(initial with { Iteration = 1 });
        await journal.FlushAsync();
        Assert.That(((RedisSessionLease)lease).Version, Is.EqualTo(2));

        // Something wrote the state without the lease (an old tool, an operator): its version is not the one the holder wrote.
        await _redis.Connection.GetDatabase().HashIncrementAsync(store.Keys.State("s-1"), RedisKeys.VersionField);
        journal.Save(initial with { Iteration = 2 });

        var refused = Assert.ThrowsAsync<SessionWriteRefusedException>(async () => await journal.FlushAsync());
        Assert.That(refused!.Message, Does.Contain("no longer version 2"));
        Assert.That(lease.Lost.IsCancellationRequested, Is.True);
    }

    [Test]
    public async Task A_state_shown_again_is_not_read_again_until_its_version_moves()
    {
        var store = NewStore("view");
        var initial = Initial("s-1");
        Assert.That(await store.ReadForViewAsync("s-1", CancellationToken.None), Is.Null, "no state yet");
        using var lease = await store.CreateAsync(initial, "text"u8.ToArray(), CancellationToken.None);

        var first = await store.ReadForViewAsync("s-1", CancellationToken.None);
        var again = await store.ReadForViewAsync("s-1", CancellationToken.None);
        Assert.That(again, Is.SameAs(first), "an unmoved version is answered from what was read");
        Assert.That(first!.Iteration, Is.EqualTo(initial.Iteration));

        var journal = store.Journal();
        journal.Save(initial with { Iteration = 4 });
        await journal.FlushAsync();
        var moved = await store.ReadForViewAsync("s-1", CancellationToken.None);
        Assert.That(moved, Is.Not.SameAs(first));
        Assert.That(moved!.Iteration, Is.EqualTo(4));

        // Another process's write moves the version too (every write of the state does): the next view reads it.
        var other = NewStore("view");
        Assert.That((await other.ReadForViewAsync("s-1", CancellationToken.None))!.Iteration, Is.EqualTo(4));
        journal.Save(initial with { Iteration = 5 });
        await journal.FlushAsync();
        Assert.That((await other.ReadForViewAsync("s-1", CancellationToken.None))!.Iteration, Is.EqualTo(5));
    }

    [Test]
    public async Task A_renewed_lease_outlives_its_time_to_live_and_a_released_one_is_free_at_once()
    {
        var store = NewStore("renew", new RedisLeaseOptions { TimeToLive = TimeSpan.FromMilliseconds(600), RenewEvery = TimeSpan.FromMilliseconds(150) });
        var lease = await store.CreateAsync(Initial("s-1"), "text"u8.ToArray(), CancellationToken.None);
        await Task.Delay(1500);
        Assert.That(store.IsHeld("s-1"), Is.True);
        Assert.That(lease.Lost.IsCancellationRequested, Is.False);

        lease.Dispose();
        using var next = await NewStore("renew").AcquireLeaseAsync("s-1", CancellationToken.None);
        Assert.That(next.Lost.IsCancellationRequested, Is.False);
    }

    [Test]
    public async Task A_corrupt_state_falls_back_to_the_newest_snapshot_and_says_so()
    {
        var store = NewStore("corrupt");
        var initial = Initial("s-1");
        using (var lease = await store.CreateAsync(initial, "text"u8.ToArray(), CancellationToken.None))
        {
            var journal = store.Journal();
            journal.Checkpoint(initial with { Iteration = 1 });
            journal.Checkpoint(initial with { Iteration = 3 });
            await journal.FlushAsync();
        }
        await _redis.Connection.GetDatabase().HashSetAsync(store.Keys.State("s-1"), RedisKeys.StateField, "{ not json");

        var loaded = await store.LoadStateAsync("s-1", CancellationToken.None);

        Assert.That(loaded.State.Iteration, Is.EqualTo(3));
        Assert.That(loaded.Source, Is.EqualTo(StateSource.Snapshot));
        Assert.That(loaded.Warnings[0], Does.StartWith("the state is corrupt"));
        Assert.That(async () => await store.LoadStateAsync("nope", CancellationToken.None), Throws.TypeOf<SessionNotFoundException>());
    }
}
