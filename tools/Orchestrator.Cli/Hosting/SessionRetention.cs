using Orchestrator.Engine.State;
using Serilog;

namespace Orchestrator.Cli.Hosting;

/// <summary>
/// The automatic cleanup a run does as it starts: deletes the sessions in the data folder not updated
/// within the <c>retention</c> setting (<see cref="CliSettings.Retention"/>), never a locked one
/// (a live process drives it) — see <see cref="SessionCleanup"/>.
/// </summary>
public static class SessionRetention
{
    /// <summary>Runs the cleanup and logs each deletion; returns how many sessions were deleted (0 when retention is off).</summary>
    /// <remarks>Never throws for a disk problem: a failed cleanup is logged as a warning and must not stop the run.</remarks>
    public static int Apply(CliSettings settings, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        if (settings.Retention is not { } retention) return 0;
        var store = SessionStore.ForDataFolder(settings.DataDirectory);
        var cutoff = DateTimeOffset.UtcNow - retention;
        CleanupReport report;
        try
        {
            report = new SessionCleanup(store).Run(retention);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Warning("session cleanup failed: {Problem}", e.Message);
            return 0;
        }
        foreach (var deleted in report.Deleted)
            log.Information("retention: deleted session {SessionId} ({Status}): {Reason}", deleted.SessionId, deleted.Status?.ToString() ?? "unreadable", deleted.Reason);
        // An old session kept without a live lease is one whose deletion failed: say so, or it would silently stay forever.
        foreach (var kept in report.Kept.Where(k => k.UpdatedAt < cutoff && store.InspectLease(k.SessionId).Status != LeaseStatus.Held))
            log.Warning("retention: session {SessionId} was kept: {Reason}", kept.SessionId, kept.Reason);
        return report.Deleted.Count;
    }
}
