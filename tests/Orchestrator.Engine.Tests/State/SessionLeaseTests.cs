using System.Text.Json;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Tests.State;

[TestFixture]
public sealed class SessionLeaseTests
{
    private string _folder = null!;
    private ManualTime _time = null!;
    private SessionLeaseOptions _options = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = Path.Combine(StateSamples.NewFolder(), "session_1");
        _time = new ManualTime(DateTimeOffset.UtcNow);
        _options = new SessionLeaseOptions { Time = _time, RenewEvery = null, HostName = "here" };
    }

    private string LeasePath => Path.Combine(_folder, SessionLease.FileName);

    [Test]
    public void Take_refuse_a_second_holder_and_release()
    {
        using (var lease = SessionLease.Acquire(_folder, _options))
        {
            Assert.That(lease.Info, Has.Property(nameof(LeaseInfo.Pid)).EqualTo(Environment.ProcessId).And.Property(nameof(LeaseInfo.Host)).EqualTo("here"));
            Assert.That(lease.TakeoverNote, Is.Null);
            var written = JsonSerializer.Deserialize<LeaseInfo>(File.ReadAllBytes(LeasePath), SessionStateJson.Options);
            Assert.That(written, Is.EqualTo(lease.Info));

            var e = Assert.Throws<SessionLockedException>(() => SessionLease.Acquire(_folder, _options))!;
            Assert.That(e.Holder!.Pid, Is.EqualTo(Environment.ProcessId));
            Assert.That(e.Message, Does.StartWith($"session session_1 is in use: held by pid {Environment.ProcessId} on host here (since "));
            Assert.That(SessionLease.Inspect(_folder, _options).Status, Is.EqualTo(LeaseStatus.Held));
        }
        Assert.That(File.Exists(LeasePath), Is.False, "released on dispose");
        Assert.That(SessionLease.Inspect(_folder, _options).Status, Is.EqualTo(LeaseStatus.Free));
        using var again = SessionLease.Acquire(_folder, _options);
        Assert.That(again.TakeoverNote, Is.Null);
    }

    [Test]
    public void A_live_foreign_process_keeps_its_lease()
    {
        using var other = StateSamples.StartSleeper();
        try
        {
            WriteLease(other.Id, "here", StateSamples.StartTimeOf(other), _time.Now);
            Assert.That(SessionLease.TryAcquire(_folder, _options, out var lease, out var refusal), Is.False);
            Assert.That(lease, Is.Null);
            Assert.That(refusal.Status, Is.EqualTo(LeaseStatus.Held));
            Assert.That(refusal.Reason, Does.StartWith($"held by pid {other.Id} on host here"));
        }
        finally
        {
            other.Kill();
            other.WaitForExit();
        }
    }

    [Test]
    public void A_lease_of_a_dead_process_is_taken_over_and_says_so()
    {
        var dead = StateSamples.DeadPid();
        WriteLease(dead, "here", _time.Now.AddMinutes(-1), _time.Now);
        Assert.That(SessionLease.Inspect(_folder, _options), Has.Property(nameof(LeaseInspection.Status)).EqualTo(LeaseStatus.Stale)
            .And.Property(nameof(LeaseInspection.Reason)).EqualTo($"process {dead} on here is no longer running"));

        using var lease = SessionLease.Acquire(_folder, _options);
        Assert.That(lease.TakeoverNote, Is.EqualTo($"took over a stale lease: process {dead} on here is no longer running"));
        Assert.That(lease.Info.Pid, Is.EqualTo(Environment.ProcessId));
        Assert.That(Directory.GetFiles(_folder).Select(Path.GetFileName), Is.EqualTo(new[] { SessionLease.FileName }), "the stale file is gone");
    }

    [Test]
    public void A_reused_pid_is_not_taken_for_the_holder()
    {
        using var other = StateSamples.StartSleeper();
        try
        {
            var claimed = StateSamples.StartTimeOf(other).AddHours(-3);
            WriteLease(other.Id, "here", claimed, _time.Now);
            using var lease = SessionLease.Acquire(_folder, _options);
            Assert.That(lease.TakeoverNote, Does.StartWith($"took over a stale lease: pid {other.Id} on here is now another process (started "));
        }
        finally
        {
            other.Kill();
            other.WaitForExit();
        }
    }

    [Test]
    public void A_lease_on_another_host_is_held_until_it_is_not_renewed_in_time()
    {
        WriteLease(4242, "elsewhere", null, _time.Now);
        Assert.That(SessionLease.TryAcquire(_folder, _options, out _, out var refusal), Is.False);
        Assert.That(refusal.Reason, Does.StartWith("held by pid 4242 on host elsewhere"));

        _time.Now += TimeSpan.FromMinutes(3);
        using var lease = SessionLease.Acquire(_folder, _options);
        Assert.That(lease.TakeoverNote, Is.EqualTo("took over a stale lease: pid 4242 on elsewhere has not renewed it for 180 s (stale after 120 s)"));
    }

    [Test]
    public void An_unreadable_lease_is_respected_briefly_then_taken_over()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(LeasePath, "{\"pid\": 1");
        Assert.That(SessionLease.Inspect(_folder, _options).Reason, Is.EqualTo("another process is writing the lease file right now"));
        Assert.That(() => SessionLease.Acquire(_folder, _options), Throws.TypeOf<SessionLockedException>());

        _time.Now += TimeSpan.FromSeconds(10);
        using var lease = SessionLease.Acquire(_folder, _options);
        Assert.That(lease.TakeoverNote, Is.EqualTo("took over a stale lease: the lease file is unreadable"));
    }

    [Test]
    public void Renewal_moves_the_time_and_a_holder_that_was_taken_over_learns_it_lost()
    {
        var first = SessionLease.Acquire(_folder, _options);
        _time.Now += TimeSpan.FromSeconds(30);
        first.Renew();
        Assert.That(first.Info.RenewedAt, Is.EqualTo(_time.Now));
        Assert.That(JsonSerializer.Deserialize<LeaseInfo>(File.ReadAllBytes(LeasePath), SessionStateJson.Options)!.RenewedAt, Is.EqualTo(_time.Now));

        _time.Now += TimeSpan.FromMinutes(5);                        // the first holder stalls
        using var second = SessionLease.Acquire(_folder, _options with { HostName = "there" });
        Assert.That(second.TakeoverNote, Does.Contain("has not renewed it for 300 s"));

        Assert.That(() => first.Renew(), Throws.TypeOf<SessionLeaseLostException>());
        Assert.That(first.IsLost, Is.True);
        Assert.That(first.Lost.IsCancellationRequested, Is.True);
        first.Dispose();
        Assert.That(SessionLease.Inspect(_folder, _options).Holder!.Token, Is.EqualTo(second.Info.Token), "releasing a lost lease leaves the new holder's file");
    }

    [Test]
    public void The_lease_renews_itself_in_the_background()
    {
        using var lease = SessionLease.Acquire(_folder, new SessionLeaseOptions { RenewEvery = TimeSpan.FromMilliseconds(20) });
        var acquired = lease.Info.RenewedAt;
        Assert.That(() => lease.Info.RenewedAt, Is.GreaterThan(acquired).After(5000, 20));
        Assert.That(lease.IsLost, Is.False);
    }

    private void WriteLease(int pid, string host, DateTimeOffset? started, DateTimeOffset renewed)
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllBytes(LeasePath, JsonSerializer.SerializeToUtf8Bytes(new LeaseInfo
        {
            Pid = pid, Host = host, ProcessStartedAt = started, AcquiredAt = renewed, RenewedAt = renewed, Token = "foreign",
        }, SessionStateJson.Options));
    }
}
