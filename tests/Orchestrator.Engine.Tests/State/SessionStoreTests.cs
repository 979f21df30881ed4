using System.Text;
using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Tests.State;

[TestFixture]
public sealed class SessionStoreTests
{
    private const string Id = StateSamples.Id;
    private SessionStore _store = null!;

    [SetUp]
    public void SetUp() => _store = SessionStore.ForDataFolder(StateSamples.NewFolder(), new SessionStoreOptions { KeepSnapshots = 3 });

    [Test]
    public void Session_json_is_written_atomically_and_loads_back()
    {
        var state = StateSamples.Full();
        var folder = _store.SessionFolder(Id);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "session.json.tmp"), "{ \"half\": ");   // left by a crash mid-write

        _store.SaveState(state);

        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EqualTo(new[] { "session.json" }), "the temporary file is gone");
        Assert.That(SessionStateJson.Deserialize(File.ReadAllBytes(_store.StatePath(Id))), Is.EqualTo(state), "the target parses whole");
        var loaded = _store.LoadState(Id);
        Assert.That(loaded, Has.Property(nameof(SessionLoadResult.Source)).EqualTo(StateSource.SessionJson)
            .And.Property(nameof(SessionLoadResult.Warnings)).Empty);
        Assert.That(loaded.State, Is.EqualTo(state));
    }

    [Test]
    public void A_reader_never_sees_a_half_written_session_json()
    {
        var state = StateSamples.Full();
        _store.SaveState(state);
        using var stop = new CancellationTokenSource();
        var reads = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var read = SessionStateJson.Deserialize(File.ReadAllBytes(_store.StatePath(Id)));
                Assert.That(read.Validate(), Is.Empty);
                reads++;
            }
        });
        for (var i = 0; i < 40; i++)
            _store.SaveState(state with { Iteration = 2 + i % 3, StopReason = new string('x', i * 500) });
        stop.Cancel();
        Assert.That(() => reader.Wait(TimeSpan.FromSeconds(30)), Throws.Nothing);
        Assert.That(reads, Is.GreaterThan(0));
    }

    [Test]
    public void A_write_cut_short_leaves_the_previous_state_whole()
    {
        var before = StateSamples.Full();
        _store.SaveState(before);
        // What a kill during the next save leaves: a partial temporary file, the target untouched.
        var partial = SessionStateJson.Serialize(before with { Iteration = 3 });
        File.WriteAllBytes(_store.StatePath(Id) + ".tmp", partial[..(partial.Length / 2)]);
        Assert.That(_store.LoadState(Id).State, Is.EqualTo(before));

        Assert.That(() => _store.SaveState(before with { Iteration = -1 }), Throws.TypeOf<InvalidSessionStateException>());
        Assert.That(_store.LoadState(Id).State, Is.EqualTo(before), "an invalid state is never written");
    }

    [Test]
    public void A_corrupt_session_json_falls_back_to_the_newest_snapshot_and_says_so()
    {
        var state = StateSamples.Full();
        _store.WriteSnapshot(state with { UpdatedAt = state.UpdatedAt.AddSeconds(-1) });
        _store.WriteSnapshot(state);
        _store.SaveState(state);
        var json = File.ReadAllBytes(_store.StatePath(Id));
        File.WriteAllBytes(_store.StatePath(Id), json[..(json.Length / 2)]);

        var loaded = _store.LoadState(Id);
        Assert.That(loaded.State, Is.EqualTo(state));
        Assert.That(loaded.Source, Is.EqualTo(StateSource.Snapshot));
        Assert.That(loaded.Snapshot!.Number, Is.EqualTo(2));
        Assert.That(loaded.Warnings.Single(), Does.StartWith("session.json is corrupt (").And.EndWith($"; using snapshot 000002 (updated {state.UpdatedAt:o})"));
    }

    [Test]
    public void A_corrupt_session_json_and_a_corrupt_newest_snapshot_fall_back_further()
    {
        var state = StateSamples.Full();
        _store.WriteSnapshot(state with { Iteration = 3 });
        var newest = _store.WriteSnapshot(state with { Iteration = 4 });
        File.WriteAllText(_store.StatePath(Id), "");
        var bytes = File.ReadAllBytes(newest.Path);
        bytes[100] ^= 0x40;
        File.WriteAllBytes(newest.Path, bytes);

        var loaded = _store.LoadState(Id);
        Assert.That(loaded.State.Iteration, Is.EqualTo(3));
        Assert.That(loaded.Warnings, Has.Count.EqualTo(2));
        Assert.That(loaded.Warnings[0], Does.StartWith("session.json is corrupt ("));
        Assert.That(loaded.Warnings[1], Is.EqualTo("snapshot 000002 is corrupt (checksum mismatch); using 000001"));
    }

    [Test]
    public void A_session_json_that_breaks_an_invariant_is_not_used()
    {
        var state = StateSamples.Full();
        _store.WriteSnapshot(state);
        var text = Encoding.UTF8.GetString(SessionStateJson.Serialize(state));
        var edited = text.Replace("\"status\": \"TimedOut\"", "\"status\": \"Succeeded\"");
        File.WriteAllText(_store.StatePath(Id), edited);

        var loaded = _store.LoadState(Id);
        Assert.That(loaded.Source, Is.EqualTo(StateSource.Snapshot));
        Assert.That(loaded.Warnings.Single(), Does.StartWith(
            "session.json is invalid (node 'style' is Succeeded but has no result; node 'style' is Succeeded but has no iteration of success); using snapshot 000001"));
    }

    [Test]
    public void Nothing_valid_left_is_a_clear_error_listing_what_was_tried()
    {
        var state = StateSamples.Full();
        _store.SaveState(state);
        var snapshot = _store.WriteSnapshot(state);
        File.WriteAllText(_store.StatePath(Id), "{\"sessionId\": 42}");
        File.WriteAllBytes(snapshot.Path, File.ReadAllBytes(snapshot.Path)[..40]);

        var e = Assert.Throws<SessionStateCorruptException>(() => _store.LoadState(Id))!;
        Assert.That(e.Tried, Has.Count.EqualTo(2));
        Assert.That(e.Tried[0], Does.StartWith("session.json is corrupt ("));
        Assert.That(e.Tried[1], Is.EqualTo("snapshot 000001 is corrupt (truncated: 40 bytes, shorter than the 48-byte header)"));
        Assert.That(e.Message, Does.StartWith($"session {Id} has no valid state left: session.json is corrupt ("));

        File.Delete(_store.StatePath(Id));
        File.Delete(snapshot.Path);
        Assert.That(Assert.Throws<SessionStateCorruptException>(() => _store.LoadState(Id))!.Tried,
            Is.EqualTo(new[] { "session.json is missing", "no snapshots" }));
        Assert.That(() => _store.LoadState("nobody"), Throws.TypeOf<SessionNotFoundException>().With.Message.StartsWith("no session nobody"));
    }

    [Test]
    public void The_newer_of_session_json_and_the_newest_snapshot_wins()
    {
        var state = StateSamples.Full();
        _store.WriteSnapshot(state with { Iteration = 3, UpdatedAt = state.UpdatedAt.AddSeconds(-5) });
        _store.SaveState(state);
        Assert.That(_store.LoadState(Id), Has.Property(nameof(SessionLoadResult.Source)).EqualTo(StateSource.SessionJson)
            .And.Property(nameof(SessionLoadResult.Warnings)).Empty);

        var later = state with { Iteration = 4, UpdatedAt = state.UpdatedAt.AddSeconds(5) };
        _store.WriteSnapshot(later);
        var loaded = _store.LoadState(Id);
        Assert.That(loaded.State, Is.EqualTo(later));
        Assert.That(loaded.Warnings.Single(), Does.StartWith("session.json (updated ").And.EndWith("; using the snapshot"));
    }

    [Test]
    public void Events_are_appended_one_per_line_and_a_torn_last_line_is_skipped()
    {
        var outcome = new ActionOutcome
        {
            SessionId = Id, NodeId = "pacing", Iteration = 1, Status = ActionStatus.Failed, Attempts = 3,
            Error = new ActionError("IOException", "gone"), StartedAt = StateSamples.T0, Duration = TimeSpan.FromSeconds(1),
        };
        var events = new[]
        {
            new SessionEvent { Time = StateSamples.T0, Kind = SessionEventKind.Iteration, Session = Id, Iteration = 1, Details = "started" },
            new SessionEvent { Time = StateSamples.T0.AddSeconds(1), Kind = SessionEventKind.Decision, Session = Id, Node = "pacing", Iteration = 1, Details = "run: never ran" },
            SessionEvent.FromOutcome(outcome, StateSamples.T0.AddSeconds(2)),
        };
        foreach (var e in events) _store.AppendEvent(e);
        var path = _store.EventsPath(Id);
        var lines = File.ReadAllLines(path);
        Assert.That(lines, Has.Length.EqualTo(3));
        Assert.That(lines[2], Does.Contain("\"kind\":\"Outcome\"").And.Contain("\"details\":\"IOException: gone\""));

        File.AppendAllText(path, "{\"time\":\"2026-11-25T14:30:25+01:00\",\"kind\":\"Sto");   // killed mid-append
        var read = _store.ReadEvents(Id);
        Assert.That(read.Events, Is.EqualTo(events));
        Assert.That(read.Warnings.Single(), Is.EqualTo("events.jsonl: the last line (4) is incomplete (a write was cut short); skipped"));

        var stop = new SessionEvent { Time = StateSamples.T0.AddSeconds(9), Kind = SessionEventKind.Stop, Session = Id, Status = "Cancelled" };
        _store.AppendEvent(stop);
        read = _store.ReadEvents(Id);
        Assert.That(read.Events, Is.EqualTo(events.Append(stop)), "the next append starts on a line of its own");
        Assert.That(read.Warnings.Single(), Does.StartWith("events.jsonl: line 4 is not a valid event; skipped ("));
    }

    [Test]
    public void The_manuscript_is_written_once()
    {
        Assert.That(_store.WriteManuscript(Id, "Chapter 1\nIt was."u8), Is.True);
        Assert.That(_store.WriteManuscript(Id, "something else"u8), Is.False);
        Assert.That(File.ReadAllText(_store.ManuscriptPath(Id)), Is.EqualTo("Chapter 1\nIt was."));
    }

    [Test]
    public void Sessions_are_listed_from_session_json_newest_first()
    {
        var old = StateSamples.Full("a_old", StateSamples.T0.AddHours(1));
        var recent = StateSamples.Full("b_recent", StateSamples.T0.AddHours(2)) with { Status = SessionStateStatus.Running, QualityHistory = [] };
        _store.SaveState(old);
        _store.SaveState(recent);
        Directory.CreateDirectory(_store.SessionFolder("c_broken"));
        File.WriteAllText(_store.StatePath("c_broken"), "{");
        Directory.CreateDirectory(Path.Combine(_store.Root, ".deleting-x-1"));

        var list = _store.List();
        Assert.That(list.Select(s => s.Id), Is.EqualTo(new[] { "c_broken", "b_recent", "a_old" }), "the broken one dates from its files (now)");
        Assert.That(list[2], Is.EqualTo(new SessionSummary("a_old", SessionStateStatus.CompletedWithErrors, "/books/pride-and-prejudice.txt", "novel", 2,
            old.QualityHistory[^1], old.CreatedAt, old.UpdatedAt, old.StopReason, null)));
        Assert.That(list[1], Has.Property(nameof(SessionSummary.Status)).EqualTo(SessionStateStatus.Running).And.Property(nameof(SessionSummary.Quality)).Null);
        Assert.That(list[0], Has.Property(nameof(SessionSummary.Status)).Null.And.Property(nameof(SessionSummary.Problem)).StartsWith("session.json is unreadable ("));
    }

    [Test]
    public void Delete_removes_the_session_unless_it_is_locked()
    {
        _store.SaveState(StateSamples.Full());
        _store.WriteSnapshot(StateSamples.Full());
        using (var lease = _store.AcquireLease(Id))
        {
            Assert.That(() => _store.Delete(Id), Throws.TypeOf<SessionLockedException>().With.Message.Contains($"pid {Environment.ProcessId}"));
            Assert.That(_store.Exists(Id), Is.True);
        }
        Assert.That(_store.Delete(Id), Is.True);
        Assert.That(_store.Exists(Id), Is.False);
        Assert.That(Directory.GetFileSystemEntries(_store.Root), Is.Empty, "nothing is left aside");
        Assert.That(_store.Delete(Id), Is.False);
    }

    [TestCase("")]
    [TestCase("..")]
    [TestCase("../x")]
    [TestCase(".hidden")]
    [TestCase("a/b")]
    public void Unsafe_session_ids_are_refused(string id) =>
        Assert.That(() => _store.SessionFolder(id), Throws.ArgumentException);
}
