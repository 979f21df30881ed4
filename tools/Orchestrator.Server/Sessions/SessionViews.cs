using Orchestrator.Engine.State;

namespace Orchestrator.Server.Sessions;

/// <summary>Builds what a client sees of a session from the queue, the submission record and the engine's stored state.</summary>
public sealed class SessionViews(RunQueue queue, SubmissionStore submissions, SessionRunner runner)
{
    public const string Queued = "Queued";
    public const string Running = "Running";
    public const string Interrupted = "Interrupted";

    private readonly ViewedStates<(DateTime, long)> _viewed = new(ViewedStates<(DateTime, long)>.DefaultCapacity);

    /// <summary>The session, or null when the server knows no session by that id.</summary>
    public SessionView? Find(string id)
    {
        var submission = submissions.Find(id);
        var store = runner.Store;
        if (submission is null && !store.Exists(id)) return null;
        SessionState? state = null;
        string? problem = null;
        var file = new FileInfo(store.StatePath(id));
        if (file.Exists)
        {
            try
            {
                // A state file is replaced whole (written aside, then renamed), so its write time and length change
                // with every save: an unchanged pair is the state already read.
                var version = (file.LastWriteTimeUtc, file.Length);
                state = _viewed.Find(id, version);
                if (state is null)
                {
                    state = store.LoadState(id).State;
                    _viewed.Keep(id, version, state);
                }
            }
            catch (Exception ex) when (ex is SessionStateCorruptException or IOException)
            {
                problem = ex.Message;
            }
        }
        var status = StatusOf(id, state?.Status, submission);
        return new SessionView(
            id, status, queue.PositionOf(id), state?.PipelineName ?? submission?.Pipeline, submission?.FileName,
            state?.CreatedAt ?? submission?.PostedAt, state?.UpdatedAt, state?.Iteration,
            state?.QualityHistory.Count > 0 ? state.QualityHistory[^1].Overall : null,
            state?.StopReason, submission?.Error ?? problem,
            state?.Nodes.Select(n => new NodeView(n.NodeId, n.Status.ToString(), n.Result?.Score, n.Attempts,
                n.Duration?.TotalMilliseconds, n.LastError?.Message)).ToArray() ?? []);
    }

    /// <summary>
    /// Every session, newest first, filtered by status and paged after the id <paramref name="after"/>. Which sessions
    /// there are and their status come from the store's session index and the server's submissions; only the page's
    /// sessions have their session.json read.
    /// </summary>
    public IReadOnlyList<SessionView> List(string? status, int limit, string? after)
    {
        var store = runner.Store;
        var indexed = store.Indexed().ToDictionary(s => s.Id, StringComparer.Ordinal);
        var rows = new List<(string Id, string Status, DateTimeOffset Created, Submission? Submission)>(indexed.Count);
        foreach (var id in indexed.Keys.Union(submissions.All().Select(s => s.Id), StringComparer.Ordinal))
        {
            var submission = submissions.Find(id);
            var entry = indexed.GetValueOrDefault(id);
            var created = submission?.PostedAt ?? CreatedFromId(id) ?? entry?.UpdatedAt ?? DateTimeOffset.MinValue;
            rows.Add((id, StatusOf(id, entry?.Status, submission), created, submission));
        }
        IEnumerable<(string Id, string Status, DateTimeOffset Created, Submission? Submission)> ordered = rows
            .OrderByDescending(r => r.Created).ThenByDescending(r => r.Id, StringComparer.Ordinal);
        if (status is not null) ordered = ordered.Where(r => r.Status.Equals(status, StringComparison.OrdinalIgnoreCase));
        if (after is not null) ordered = ordered.SkipWhile(r => r.Id != after).Skip(1);
        return ordered.Take(limit).Select(r =>
        {
            var summary = store.Exists(r.Id) ? store.Summary(r.Id) : null;
            return new SessionView(
                r.Id, r.Status, queue.PositionOf(r.Id), summary?.PipelineName ?? r.Submission?.Pipeline, r.Submission?.FileName,
                summary?.CreatedAt ?? r.Created, summary?.Status is null ? null : summary.UpdatedAt, summary?.Iteration,
                summary?.Quality?.Overall, summary?.StopReason, r.Submission?.Error ?? summary?.Problem, null);
        }).ToArray();
    }

    /// <summary>The creation time a session id made by <see cref="Engine.Sessions.SessionId.New"/> holds (<c>novel_20261125_143022_7f3a</c>).</summary>
    private static DateTimeOffset? CreatedFromId(string id)
    {
        var parts = id.Split('_');
        return parts.Length >= 4 && DateTimeOffset.TryParseExact(parts[^3] + parts[^2], "yyyyMMddHHmmss",
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            ? time : null;
    }

    private string StatusOf(string id, SessionStateStatus? stored, Submission? submission)
    {
        if (queue.IsRunning(id)) return Running;
        if (queue.PositionOf(id) is not null) return Queued;
        return stored switch
        {
            // Stored as Running but not driven: cut by a crash (still owed a run), or cancelled by a client before its loop began.
            SessionStateStatus.Running => submission is { Active: false, Error: null } ? nameof(SessionStateStatus.Cancelled) : Interrupted,
            { } s => s.ToString(),
            // Never started: cancelled while queued, or its run could not begin (Error says why).
            null => submission?.Error is not null ? "Failed" : "Cancelled",
        };
    }
}
