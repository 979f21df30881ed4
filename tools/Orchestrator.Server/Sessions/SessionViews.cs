using Orchestrator.Engine.State;

namespace Orchestrator.Server.Sessions;

/// <summary>Builds what a client sees of a session from the queue, the submission record and the engine's stored state.</summary>
public sealed class SessionViews(RunQueue queue, SubmissionStore submissions, SessionRunner runner)
{
    public const string Queued = "Queued";
    public const string Running = "Running";
    public const string Interrupted = "Interrupted";

    /// <summary>The session, or null when the server knows no session by that id.</summary>
    public SessionView? Find(string id)
    {
        var submission = submissions.Find(id);
        var store = runner.Store;
        if (submission is null && !store.Exists(id)) return null;
        SessionState? state = null;
        string? problem = null;
        if (File.Exists(store.StatePath(id)))
        {
            try
            {
                state = store.LoadState(id).State;
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

    /// <summary>Every session, newest first, filtered by status and paged after the id <paramref name="after"/>.</summary>
    public IReadOnlyList<SessionView> List(string? status, int limit, string? after)
    {
        var stored = runner.Store.List().ToDictionary(s => s.Id, StringComparer.Ordinal);
        var views = new List<SessionView>();
        foreach (var id in stored.Keys.Union(submissions.All().Select(s => s.Id), StringComparer.Ordinal))
        {
            var summary = stored.GetValueOrDefault(id);
            var submission = submissions.Find(id);
            views.Add(new SessionView(
                id, StatusOf(id, summary?.Status, submission), queue.PositionOf(id), summary?.PipelineName ?? submission?.Pipeline,
                submission?.FileName, summary?.CreatedAt ?? submission?.PostedAt, summary?.UpdatedAt, summary?.Iteration,
                summary?.Quality?.Overall, summary?.StopReason, submission?.Error ?? summary?.Problem, null));
        }
        IEnumerable<SessionView> ordered = views
            .OrderByDescending(v => v.CreatedAt ?? DateTimeOffset.MinValue).ThenByDescending(v => v.Id, StringComparer.Ordinal);
        if (status is not null) ordered = ordered.Where(v => v.Status.Equals(status, StringComparison.OrdinalIgnoreCase));
        if (after is not null) ordered = ordered.SkipWhile(v => v.Id != after).Skip(1);
        return ordered.Take(limit).ToArray();
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
