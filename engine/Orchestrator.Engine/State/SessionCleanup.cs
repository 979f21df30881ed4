using System.Globalization;

namespace Orchestrator.Engine.State;

/// <summary>A session cleanup deleted or kept, and why.</summary>
public sealed record CleanupEntry(string SessionId, SessionStateStatus? Status, DateTimeOffset UpdatedAt, string Reason);

/// <summary>What a cleanup deleted and what it kept.</summary>
public sealed record CleanupReport(IReadOnlyList<CleanupEntry> Deleted, IReadOnlyList<CleanupEntry> Kept);

/// <summary>
/// Deletes sessions not updated within a retention period (default 7 days). Never deletes a locked session
/// (a live lease: a process is driving it, whatever its status), so a Running session with a live lease is
/// always kept. A Running session whose process died (no lease or a stale one) is deleted like any other once
/// it is older than the retention. Each deletion takes the lease first, so a resume starting at that moment
/// wins or loses cleanly.
/// </summary>
public sealed class SessionCleanup(SessionStore store, TimeProvider? time = null)
{
    public static TimeSpan DefaultRetention { get; } = TimeSpan.FromDays(7);

    private readonly TimeProvider _time = time ?? store.Options.Lease.Time;

    /// <param name="olderThan">The retention; default <see cref="DefaultRetention"/>.</param>
    /// <param name="dryRun">Only report what would be deleted.</param>
    public CleanupReport Run(TimeSpan? olderThan = null, bool dryRun = false)
    {
        var retention = olderThan ?? DefaultRetention;
        ArgumentOutOfRangeException.ThrowIfLessThan(retention, TimeSpan.Zero, nameof(olderThan));
        var now = _time.GetUtcNow();
        var deleted = new List<CleanupEntry>();
        var kept = new List<CleanupEntry>();
        if (!dryRun) store.RemoveLeftovers();
        foreach (var session in store.List())
        {
            var age = now - session.UpdatedAt;
            CleanupEntry Entry(string reason) => new(session.Id, session.Status, session.UpdatedAt, reason);

            var lease = store.InspectLease(session.Id);
            if (lease.Status == LeaseStatus.Held)
            {
                kept.Add(Entry($"locked ({lease.Reason})"));
                continue;
            }
            if (session.UpdatedAt > now - retention)
            {
                kept.Add(Entry($"updated {Describe(age)} ago, within the retention of {Describe(retention)}"));
                continue;
            }
            var why = $"updated {Describe(age)} ago, past the retention of {Describe(retention)}"
                + (session.Status == SessionStateStatus.Running ? "; Running but no live process drives it" : "")
                + (lease.Status == LeaseStatus.Stale ? $"; its lease was stale ({lease.Reason})" : "")
                + (session.Problem is { } p ? $"; {p}" : "");
            if (dryRun)
            {
                deleted.Add(Entry("would delete: " + why));
                continue;
            }
            try
            {
                store.Delete(session.Id);
                deleted.Add(Entry(why));
            }
            catch (SessionLockedException e)
            {
                kept.Add(Entry($"locked ({e.Reason})"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                kept.Add(Entry($"could not be deleted: {e.Message}"));
            }
        }
        return new CleanupReport(deleted, kept);
    }

    /// <summary>A duration in the largest whole-ish unit: <c>3.5 days</c>, <c>5 h</c>, <c>12 min</c>.</summary>
    public static string Describe(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => span.TotalDays.ToString("0.#", CultureInfo.InvariantCulture) is var d && d == "1" ? "1 day" : d + " days",
        { TotalHours: >= 1 } => span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h",
        { TotalMinutes: >= 1 } => span.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + " min",
        _ => Math.Max(0, span.TotalSeconds).ToString("0", CultureInfo.InvariantCulture) + " s",
    };
}
