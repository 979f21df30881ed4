using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Tests.State;

/// <summary>
/// The file store's session index: sessions found by input hash, pipeline hash and requirements; current after every
/// write (status changes, a resume under another pipeline); rebuilt from the sessions when missing or damaged, saying so once.
/// </summary>
[TestFixture]
public sealed class SessionIndexTests
{
    private static readonly byte[] Input = "text"u8.ToArray();

    private static SessionState Session(int n, string input = "sha256:aa", string pipeline = "sha256:pp", string? requirements = """{"genre":"fantasy"}""") =>
        SessionState.Start($"index_20261101_120000_{n:x4}", "novel", pipeline, $"/books/{input[7..]}.txt", input, requirements, ["a", "b"],
            new DateTimeOffset(2026, 11, 1, 12, 0, n % 60, TimeSpan.Zero));

    [Test]
    public void A_session_is_found_by_its_key_and_only_by_it()
    {
        var store = SessionStore.ForDataFolder(StateSamples.NewFolder());
        var target = Session(1);
        store.Create(target, Input).Dispose();
        store.Create(Session(2, input: "sha256:bb"), Input).Dispose();
        store.Create(Session(3, pipeline: "sha256:qq"), Input).Dispose();
        store.Create(Session(4, requirements: null), Input).Dispose();

        Assert.That(store.Find(SessionKey.Of(target)).Select(s => (s.Id, s.Status, s.InputPath)),
            Is.EqualTo(new[] { (target.SessionId, SessionStateStatus.Running, "/books/aa.txt") }));
        Assert.That(store.Find(new SessionKey("sha256:cc", "sha256:pp", null)), Is.Empty);
    }

    [Test]
    public void Every_write_keeps_the_index_current()
    {
        var store = SessionStore.ForDataFolder(StateSamples.NewFolder());
        var state = Session(1);
        store.Create(state, Input).Dispose();

        var finished = state with { Status = SessionStateStatus.Completed, UpdatedAt = state.UpdatedAt.AddMinutes(1) };
        store.SaveState(finished);
        Assert.That(store.Find(SessionKey.Of(state)).Single().Status, Is.EqualTo(SessionStateStatus.Completed));

        // A new store object (another process) sees the same; a resume under a changed pipeline moves the session's key.
        var other = SessionStore.ForDataFolder(Path.GetDirectoryName(store.Root)!);
        var moved = finished with { PipelineHash = "sha256:new", Status = SessionStateStatus.Running };
        other.SaveState(moved);
        Assert.That(other.Find(SessionKey.Of(moved)).Single().Id, Is.EqualTo(state.SessionId));
        Assert.That(store.Find(SessionKey.Of(moved)).Single().Status, Is.EqualTo(SessionStateStatus.Running));

        store.Delete(state.SessionId);
        Assert.That(store.Find(SessionKey.Of(moved)), Is.Empty, "a deleted session is not found");
    }

    [Test]
    public void A_missing_index_is_rebuilt_from_the_sessions_and_said_once()
    {
        var data = StateSamples.NewFolder();
        var first = SessionStore.ForDataFolder(data);
        for (var n = 1; n <= 5; n++) first.Create(Session(n, input: $"sha256:{n:x2}"), Input).Dispose();
        Directory.Delete(first.IndexFolder, recursive: true);

        var said = new List<string>();
        var store = SessionStore.ForDataFolder(data, new SessionStoreOptions { Warn = said.Add });
        Assert.That(store.Find(SessionKey.Of(Session(3, input: "sha256:03"))).Single().Id, Is.EqualTo(Session(3).SessionId));
        Assert.That(store.Find(SessionKey.Of(Session(4, input: "sha256:04"))).Single().Id, Is.EqualTo(Session(4).SessionId));
        Assert.That(said, Is.EqualTo(new[] { $"the session index ({store.IndexFolder}) was missing; rebuilt it from the sessions (5 session(s))" }));
    }

    [Test]
    public void A_damaged_index_file_is_rebuilt_and_said_once()
    {
        var data = StateSamples.NewFolder();
        var state = Session(1);
        var said = new List<string>();
        var store = SessionStore.ForDataFolder(data, new SessionStoreOptions { Warn = said.Add });
        store.Create(state, Input).Dispose();
        var file = Path.Combine(store.IndexFolder, SessionKey.Of(state).Digest + ".jsonl");
        File.AppendAllText(file, "{\"id\":\"torn");

        Assert.That(store.Find(SessionKey.Of(state)).Single().Id, Is.EqualTo(state.SessionId));
        Assert.That(store.Find(SessionKey.Of(state)).Single().Id, Is.EqualTo(state.SessionId));
        Assert.That(said, Has.Count.EqualTo(1).And.Some.Contains("is damaged").And.Some.Contains("rebuilt it from the sessions (1 session(s))"));
    }
}
