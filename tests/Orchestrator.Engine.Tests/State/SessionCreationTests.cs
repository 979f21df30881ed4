using System.Text;
using System.Text.Json;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Tests.State;

/// <summary>
/// A session is created whole: lease, input copy and initial state are written in a staging folder that is renamed
/// into place, so a kill at any of those first writes leaves no half session (never one without a state), and the
/// staging folder of a dead process is removed by the next cleanup.
/// </summary>
[TestFixture]
public sealed class SessionCreationTests
{
    private static readonly byte[] Input = Encoding.UTF8.GetBytes("It was a bright cold day in April.");

    [Test]
    public void Create_leaves_the_state_the_input_and_the_lease_in_the_session_folder()
    {
        var store = SessionStore.ForDataFolder(StateSamples.NewFolder());
        var state = StateSamples.Full() with { Status = SessionStateStatus.Running };

        using (var lease = store.Create(state, Input))
        {
            Assert.That(store.LoadState(state.SessionId).State, Is.EqualTo(state));
            Assert.That(File.ReadAllBytes(store.ManuscriptPath(state.SessionId)), Is.EqualTo(Input));
            Assert.That(lease.Path, Is.EqualTo(Path.Combine(store.SessionFolder(state.SessionId), SessionLease.FileName)), "the lease followed the folder");
            Assert.That(store.InspectLease(state.SessionId).Status, Is.EqualTo(LeaseStatus.Held));
            Assert.That(Directory.GetDirectories(store.Root).Select(Path.GetFileName), Is.EqualTo(new[] { state.SessionId }), "no staging folder left");
            lease.Renew();
        }
        Assert.That(File.Exists(Path.Combine(store.SessionFolder(state.SessionId), SessionLease.FileName)), Is.False, "released where it now is");
        Assert.That(() => store.Create(state, Input), Throws.InstanceOf<SessionLockedException>(), "an id is created once");
    }

    public enum CutAt { Lease, InputCopy, State }

    [TestCase(CutAt.Lease)]
    [TestCase(CutAt.InputCopy)]
    [TestCase(CutAt.State)]
    public void A_kill_during_creation_leaves_no_session_and_cleanup_removes_what_it_wrote(CutAt cut)
    {
        var store = SessionStore.ForDataFolder(StateSamples.NewFolder());
        var state = StateSamples.Full() with { Status = SessionStateStatus.Running };
        // The staging folder as a process killed after that write leaves it.
        var staging = Path.Combine(store.Root, $".starting-{state.SessionId}-0123456789abcdef");
        Directory.CreateDirectory(staging);
        File.WriteAllBytes(Path.Combine(staging, SessionLease.FileName), JsonSerializer.SerializeToUtf8Bytes(new LeaseInfo
        {
            Pid = StateSamples.DeadPid(), Host = Environment.MachineName, AcquiredAt = state.CreatedAt, RenewedAt = state.CreatedAt, Token = "dead",
        }, SessionStateJson.Options));
        if (cut >= CutAt.InputCopy) File.WriteAllBytes(Path.Combine(staging, SessionStore.ManuscriptFileName), Input);
        if (cut >= CutAt.State) File.WriteAllBytes(Path.Combine(staging, SessionStore.StateFileName), SessionStateJson.Serialize(state));

        Assert.That(store.List(), Is.Empty, "nothing half-created is listed (so nothing shows Corrupt)");
        Assert.That(store.Exists(state.SessionId), Is.False);
        Assert.That(store.Find(SessionKey.Of(state)), Is.Empty, "nor found by a re-run, which starts the session anew");

        Assert.That(store.RemoveLeftovers(), Is.EqualTo(1));
        Assert.That(Directory.Exists(staging), Is.False);
        using var lease = store.Create(state, Input);
        Assert.That(store.LoadState(state.SessionId).State, Is.EqualTo(state), "the same session can then be created");
    }

    [Test]
    public void Cleanup_keeps_a_staging_folder_a_live_process_is_writing()
    {
        var store = SessionStore.ForDataFolder(StateSamples.NewFolder());
        var staging = Path.Combine(store.Root, ".starting-live_20261101_120000_0001-0123456789abcdef");
        using var lease = SessionLease.Acquire(staging);

        Assert.That(store.RemoveLeftovers(), Is.Zero);
        Assert.That(Directory.Exists(staging), Is.True);
    }
}
