using Orchestrator.Engine.State;

namespace Orchestrator.Cli.Commands.Sessions;

/// <summary>One line of <c>sessions list</c> (also its JSON form).</summary>
/// <param name="Status">What to show: Running, Interrupted, Completed... (see <see cref="SessionStatusText"/>); Corrupt when no valid state is left.</param>
/// <param name="StoredStatus">The status in the state on disk; null when none is readable.</param>
/// <param name="Lease">Free, Held or Stale.</param>
/// <param name="Manuscript">The input's file name.</param>
/// <param name="Quality">The last iteration's overall quality.</param>
/// <param name="Problem">Why session.json could not be used (and what was used instead), or why nothing could.</param>
/// <param name="Resume">The command that continues an interrupted or cancelled session.</param>
internal sealed record SessionRow(
    string Id,
    string Status,
    string? StoredStatus,
    string Lease,
    string? Manuscript,
    string? InputPath,
    string? Pipeline,
    double? Quality,
    int? Iterations,
    DateTimeOffset? CreatedAt,
    DateTimeOffset UpdatedAt,
    string? StopReason,
    string? Problem,
    string? Resume)
{
    public static IReadOnlyList<SessionRow> ListAll(SessionStore store) =>
        store.List().Select(s => From(store, s)).ToArray();

    private static SessionRow From(SessionStore store, SessionSummary summary)
    {
        var lease = store.InspectLease(summary.Id).Status;
        if (summary.Problem is null && summary.Status is { } stored)
            return new SessionRow(
                summary.Id, SessionStatusText.Of(stored, lease), stored.ToString(), lease.ToString(),
                FileName(summary.InputPath), summary.InputPath, summary.PipelineName, summary.Quality?.Overall, summary.Iteration,
                summary.CreatedAt, summary.UpdatedAt, summary.StopReason, null,
                SessionStatusText.ResumeCommand(summary.Id, stored, lease));

        // The listing reads session.json alone; when it is unusable, the full load falls back to a snapshot.
        try
        {
            var loaded = store.LoadState(summary.Id);
            var s = loaded.State;
            return new SessionRow(
                s.SessionId, SessionStatusText.Of(s.Status, lease), s.Status.ToString(), lease.ToString(),
                FileName(s.InputPath), s.InputPath, s.PipelineName, s.QualityHistory.LastOrDefault()?.Overall, s.Iteration,
                s.CreatedAt, s.UpdatedAt, s.StopReason, string.Join("; ", loaded.Warnings),
                SessionStatusText.ResumeCommand(s.SessionId, s.Status, lease));
        }
        catch (SessionStateCorruptException e)
        {
            return Unusable(summary, lease, string.Join("; ", e.Tried));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SessionNotFoundException)
        {
            // Deleted or unreadable between the listing and the load.
            return Unusable(summary, lease, summary.Problem ?? e.Message);
        }
    }

    private static SessionRow Unusable(SessionSummary summary, LeaseStatus lease, string problem) =>
        new(summary.Id, SessionStatusText.Corrupt, null, lease.ToString(), null, null, null, null, null, null,
            summary.UpdatedAt, null, problem, null);

    private static string? FileName(string? path) => path is null ? null : Path.GetFileName(path);
}
