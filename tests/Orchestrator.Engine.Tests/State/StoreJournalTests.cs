using Orchestrator.Engine.Sessions;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Tests.State;

/// <summary>The store's journal writes behind the session loop: in order, newest state last, failures reported.</summary>
[TestFixture]
public sealed class StoreJournalTests
{
    [Test]
    public async Task After_flush_the_newest_state_and_every_event_and_checkpoint_are_on_disk_in_order()
    {
        var store = SessionStore.ForDataFolder(StateSamples.NewFolder());
        var journal = store.Journal();
        var start = StateSamples.Full();
        for (var i = 1; i <= 40; i++)
        {
            journal.Save(start with { Iteration = 3, UpdatedAt = start.UpdatedAt.AddSeconds(i) });
            journal.Append(new SessionEvent { Time = start.UpdatedAt.AddSeconds(i), Kind = SessionEventKind.Outcome, Session = start.SessionId, Details = $"#{i}" });
            if (i % 10 == 0) journal.Checkpoint(start with { Iteration = 3, UpdatedAt = start.UpdatedAt.AddSeconds(i) });
        }
        await journal.FlushAsync();

        var loaded = store.LoadState(start.SessionId);
        Assert.That(loaded.Warnings, Is.Empty);
        Assert.That(loaded.Source, Is.EqualTo(StateSource.SessionJson));
        Assert.That(loaded.State.UpdatedAt, Is.EqualTo(start.UpdatedAt.AddSeconds(40)), "the newest state is the one on disk");
        Assert.That(store.ReadEvents(start.SessionId).Events.Select(e => e.Details), Is.EqualTo(Enumerable.Range(1, 40).Select(i => $"#{i}")));
        Assert.That(store.Snapshots(start.SessionId).List().Select(s => s.Number), Is.EqualTo(new[] { 1, 2, 3, 4 }));
    }

    [Test]
    public void A_failed_write_fails_flush_and_every_later_call()
    {
        var root = StateSamples.NewFolder();
        var blocker = Path.Combine(root, "not-a-folder");
        File.WriteAllText(blocker, "a file where the sessions folder should be");
        var journal = new SessionStore(blocker).Journal();
        var state = StateSamples.Full();

        journal.Save(state);

        Assert.That(async () => await journal.FlushAsync(), Throws.InstanceOf<IOException>());
        Assert.That(() => journal.Save(state), Throws.InstanceOf<IOException>());
    }

    [Test]
    public void An_invalid_state_is_never_written_and_fails_the_journal()
    {
        var folder = StateSamples.NewFolder();
        var store = SessionStore.ForDataFolder(folder);
        var journal = store.Journal();
        var invalid = StateSamples.Full() with { Iteration = -1 };
        journal.Save(invalid);

        Assert.That(async () => await journal.FlushAsync(), Throws.InstanceOf<InvalidSessionStateException>());
        Assert.That(File.Exists(store.StatePath(invalid.SessionId)), Is.False);
        Assert.That(() => journal.Save(StateSamples.Full()), Throws.InstanceOf<InvalidSessionStateException>(), "every later call fails too");
    }

    [Test]
    public void Without_write_behind_each_save_is_on_disk_on_return()
    {
        var store = SessionStore.ForDataFolder(StateSamples.NewFolder(), new SessionStoreOptions { WriteBehind = false });
        var state = StateSamples.Full();
        store.Journal().Save(state);
        Assert.That(store.LoadState(state.SessionId).State, Is.EqualTo(state));
    }
}
