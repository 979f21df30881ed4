using System.Text.Json;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Tests.State;

[TestFixture]
public sealed class SessionCleanupTests
{
    [Test]
    public void Old_sessions_go_recent_running_and_locked_ones_stay()
    {
        var now = DateTimeOffset.UtcNow;
        var time = new ManualTime(now);
        var lease = new SessionLeaseOptions { Time = time, RenewEvery = null };
        var store = SessionStore.ForDataFolder(StateSamples.NewFolder(), new SessionStoreOptions { Lease = lease });
        SessionState Session(string id, double daysAgo, SessionStateStatus status) =>
            StateSamples.Full(id) with { Status = status, CreatedAt = now.AddDays(-daysAgo - 1), UpdatedAt = now.AddDays(-daysAgo) };

        store.SaveState(Session("old_done", 10, SessionStateStatus.CompletedWithErrors));
        store.SaveState(Session("recent", 2, SessionStateStatus.CompletedWithErrors));
        store.SaveState(Session("old_running_live", 30, SessionStateStatus.Running));
        store.SaveState(Session("old_locked_foreign", 30, SessionStateStatus.Cancelled));
        store.SaveState(Session("old_running_dead", 30, SessionStateStatus.Running));
        store.SaveState(Session("old_cancelled", 8, SessionStateStatus.Cancelled));

        using var live = store.AcquireLease("old_running_live");
        using var other = StateSamples.StartSleeper();
        var dead = StateSamples.DeadPid();
        try
        {
            WriteLease(store, "old_locked_foreign", other.Id, StateSamples.StartTimeOf(other), now);
            WriteLease(store, "old_running_dead", dead, null, now);

            var report = new SessionCleanup(store).Run();

            Assert.That(report.Deleted.Select(d => d.SessionId), Is.EquivalentTo(new[] { "old_done", "old_running_dead", "old_cancelled" }));
            Assert.That(report.Kept.Select(k => k.SessionId), Is.EquivalentTo(new[] { "recent", "old_running_live", "old_locked_foreign" }));
            Assert.That(store.List().Select(s => s.Id), Is.EquivalentTo(new[] { "recent", "old_running_live", "old_locked_foreign" }));

            Assert.That(Reason(report.Kept, "recent"), Is.EqualTo("updated 2 days ago, within the retention of 7 days"));
            Assert.That(Reason(report.Kept, "old_running_live"), Does.StartWith($"locked (held by pid {Environment.ProcessId} on host "));
            Assert.That(Reason(report.Kept, "old_locked_foreign"), Does.StartWith($"locked (held by pid {other.Id} on host "));
            Assert.That(Reason(report.Deleted, "old_done"), Is.EqualTo("updated 10 days ago, past the retention of 7 days"));
            Assert.That(Reason(report.Deleted, "old_running_dead"), Is.EqualTo(
                $"updated 30 days ago, past the retention of 7 days; Running but no live process drives it; its lease was stale (process {dead} on {Environment.MachineName} is no longer running)"));
        }
        finally
        {
            other.Kill();
            other.WaitForExit();
        }
    }

    [Test]
    public void A_shorter_retention_and_a_dry_run()
    {
        var now = DateTimeOffset.UtcNow;
        var store = SessionStore.ForDataFolder(StateSamples.NewFolder(),
            new SessionStoreOptions { Lease = new SessionLeaseOptions { Time = new ManualTime(now), RenewEvery = null } });
        store.SaveState(StateSamples.Full("two_days") with { CreatedAt = now.AddDays(-3), UpdatedAt = now.AddDays(-2) });
        store.SaveState(StateSamples.Full("two_hours") with { CreatedAt = now.AddDays(-3), UpdatedAt = now.AddHours(-2) });
        Directory.CreateDirectory(Path.Combine(store.Root, ".deleting-gone-1", "snapshots"));

        var dry = new SessionCleanup(store).Run(TimeSpan.FromDays(1), dryRun: true);
        Assert.That(dry.Deleted.Single().Reason, Is.EqualTo("would delete: updated 2 days ago, past the retention of 1 day"));
        Assert.That(store.Exists("two_days"), Is.True);

        var report = new SessionCleanup(store).Run(TimeSpan.FromDays(1));
        Assert.That(report.Deleted.Single().SessionId, Is.EqualTo("two_days"));
        Assert.That(report.Kept.Single().Reason, Is.EqualTo("updated 2 h ago, within the retention of 1 day"));
        Assert.That(Directory.GetDirectories(store.Root).Select(Path.GetFileName), Is.EqualTo(new[] { "two_hours" }), "a half-deleted folder is removed");
    }

    private static string Reason(IEnumerable<CleanupEntry> entries, string id) => entries.Single(e => e.SessionId == id).Reason;

    private static void WriteLease(SessionStore store, string id, int pid, DateTimeOffset? started, DateTimeOffset renewed) =>
        File.WriteAllBytes(Path.Combine(store.SessionFolder(id), SessionLease.FileName), JsonSerializer.SerializeToUtf8Bytes(new LeaseInfo
        {
            Pid = pid, Host = Environment.MachineName, ProcessStartedAt = started, AcquiredAt = renewed, RenewedAt = renewed, Token = "t",
        }, SessionStateJson.Options));
}
