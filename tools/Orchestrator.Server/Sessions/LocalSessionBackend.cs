using System.Runtime.CompilerServices;
using Orchestrator.Engine.Events;
using Orchestrator.Engine.State;
using Orchestrator.Server.Pipelines;

namespace Orchestrator.Server.Sessions;

/// <summary>
/// The sessions of this server alone: posts are kept as submissions and wait in its <see cref="RunQueue"/>, the
/// <see cref="SessionRunner"/> runs them on the pipelines' shared networks, and their state, events and reports are in
/// its data folder. The default <see cref="ISessionBackend"/>.
/// </summary>
public sealed class LocalSessionBackend(
    SessionViews views, SessionRunner runner, RunQueue queue, SubmissionStore submissions, PipelineCatalog catalog) : ISessionBackend
{
    // Between being taken from the queue and opening its event stream a session loads its manuscript: a short gap,
    // polled, since nothing signals the stream's opening to a host.
    private static readonly TimeSpan OpeningPoll = TimeSpan.FromMilliseconds(10);

    /// <summary>The hub of a session no pipeline of this server runs: nothing is ever live on it, its log is replayed.</summary>
    private static readonly SessionEventHub Idle = new();

    public Task<(SessionView View, bool Created)> PostAsync(SessionPost post, CancellationToken ct)
    {
        var fields = post.Fields;
        if (post.IdempotencyKey is { } key && submissions.FindByIdempotencyKey(key) is { } earlier)
        {
            return earlier.ContentHash == post.ContentHash && earlier.Pipeline == fields.Pipeline
                ? Task.FromResult((views.Find(earlier.Id)!, false))
                : throw new SessionRefusedException(StatusCodes.Status409Conflict, "Idempotency-Key reused",
                    $"Idempotency-Key '{key}' was used for another manuscript or pipeline (session {earlier.Id})");
        }

        var contentKey = fields.ContentKey(post.ContentHash, catalog);
        if (submissions.FindByContent(contentKey) is { } same && views.Find(same.Id) is { } sameView
            && sameView.Status is SessionViews.Queued or SessionViews.Running or nameof(SessionStateStatus.Completed))
            return Task.FromResult((sameView, false));

        if (queue.WaitingCount >= queue.MaxQueued) throw QueueFull();
        var id = submissions.NewId(fields.Pipeline, runner.Store.Exists);
        var submission = new Submission
        {
            Id = id, Pipeline = fields.Pipeline, FileName = post.FileName, ContentHash = post.ContentHash,
            UploadPath = Keep(post), Requirements = fields.Requirements, ContentKey = contentKey,
            IdempotencyKey = post.IdempotencyKey, PostedAt = DateTimeOffset.UtcNow, Active = true,
        };
        submissions.Save(submission);
        if (!runner.TryQueue(id, document: post.Document))
        {
            submissions.Delete(submission);
            throw QueueFull();
        }
        return Task.FromResult((views.Find(id)!, true));
    }

    public async Task<IReadOnlyList<(SessionView View, bool Created)>> PostBatchAsync(IReadOnlyList<SessionPost> posts,
        Func<IReadOnlyList<(SessionView View, bool Created)>, Task> record, CancellationToken ct)
    {
        // The sessions this batch must run, against the room in the queue: all of them are queued, or none.
        var reusable = posts.Select(p => Reusable(p.Fields.ContentKey(p.ContentHash, catalog))).ToArray();
        var fresh = reusable.Count(r => r is null);
        if (fresh > queue.MaxQueued - queue.WaitingCount)
            throw QueueFull(runner, queue,
                $"the batch needs {fresh} places in the queue and {Math.Max(0, queue.MaxQueued - queue.WaitingCount)} are free (--max-queued {queue.MaxQueued})");
        var now = DateTimeOffset.UtcNow;
        var results = new List<(SessionView View, bool Created)>(posts.Count);
        var queued = new List<string>();
        for (var i = 0; i < posts.Count; i++)
        {
            if (reusable[i] is { } earlier)
            {
                results.Add((earlier, false));
                continue;
            }
            var post = posts[i];
            var id = submissions.NewId(post.Fields.Pipeline, id => runner.Store.Exists(id) || results.Any(r => r.View.Id == id));
            var submission = new Submission
            {
                Id = id, Pipeline = post.Fields.Pipeline, FileName = post.FileName, ContentHash = post.ContentHash, UploadPath = Keep(post),
                Requirements = post.Fields.Requirements, ContentKey = post.Fields.ContentKey(post.ContentHash, catalog), BatchId = post.BatchId,
                PostedAt = now, Active = true,
            };
            submissions.Save(submission);
            queued.Add(id);
            results.Add((views.Find(id)!, true));
        }
        // The batch is saved before the first session is queued: a session that ends at once finds it.
        await record(results);
        foreach (var id in queued) runner.TryQueue(id, force: true);
        return results.Select(r => r.Created ? (views.Find(r.View.Id)!, true) : r).ToArray();
    }

    public Task<SessionView?> FindAsync(string id, CancellationToken ct) => Task.FromResult(views.Find(id));

    public Task<IReadOnlyList<SessionView>> ListAsync(string? status, int limit, string? after, CancellationToken ct) =>
        Task.FromResult(views.List(status, limit, after));

    public Task<ReportContent> ReportAsync(string id, string file, CancellationToken ct)
    {
        var view = views.Find(id) ?? throw SessionRefusedException.NotFound(id);
        if (view.Status is SessionViews.Queued or SessionViews.Running) throw NotFinished(id, view.Status);
        var path = Path.Combine(runner.Store.SessionFolder(id), file);
        return File.Exists(path)
            ? Task.FromResult(new ReportContent(path, null))
            : throw NoReport(id, view.Status, file);
    }

    public Task<SessionView> CancelAsync(string id, CancellationToken ct)
    {
        var view = views.Find(id) ?? throw SessionRefusedException.NotFound(id);
        if (!runner.Cancel(id))
            throw new SessionRefusedException(StatusCodes.Status409Conflict, "Not running", $"session {id} is {view.Status}: only a queued or running session can be cancelled");
        return Task.FromResult(views.Find(id)!);
    }

    public Task<SessionView> ResumeAsync(string id, CancellationToken ct)
    {
        var view = views.Find(id) ?? throw SessionRefusedException.NotFound(id);
        if (view.Status is SessionViews.Queued or SessionViews.Running or nameof(SessionStateStatus.Completed))
            throw new SessionRefusedException(StatusCodes.Status409Conflict, "Nothing to resume", $"session {id} is {view.Status}");
        if (submissions.Find(id) is not { } submission)
            throw new SessionRefusedException(StatusCodes.Status409Conflict, "Not a server session",
                $"session {id} was not posted to this server; resume it with: orchestrator resume {id}");
        submissions.Save(submission with { Active = true, Error = null });
        if (!runner.TryQueue(id))
        {
            submissions.Save(submission);
            throw QueueFull();
        }
        return Task.FromResult(views.Find(id)!);
    }

    public Task DeleteAsync(string id, CancellationToken ct)
    {
        var view = views.Find(id) ?? throw SessionRefusedException.NotFound(id);
        if (view.Status is SessionViews.Queued or SessionViews.Running)
            throw new SessionRefusedException(StatusCodes.Status409Conflict, "Still running", $"session {id} is {view.Status.ToLowerInvariant()}: cancel it first");
        try
        {
            runner.Store.Delete(id);
        }
        catch (SessionLockedException ex)
        {
            throw new SessionRefusedException(StatusCodes.Status409Conflict, "Locked", ex.Message);
        }
        if (submissions.Find(id) is { } submission) submissions.Delete(submission);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<SessionEvent> FollowAsync(string id, long afterSequence, [EnumeratorCancellation] CancellationToken ct)
    {
        var hub = HubOf(id);
        var lastId = afterSequence;
        while (true)
        {
            var changed = queue.Changed;
            if (queue.IsActive(id) && !hub.IsOpen(id))
            {
                // Queued (wait for the queue to move), or taken and still opening its stream (poll the short gap).
                await (queue.IsRunning(id) ? Task.Delay(OpeningPoll, ct) : changed.WaitAsync(ct));
                continue;
            }
            // The log from where the client is, then live until the session's Stop, or until its run closes its
            // stream without one (the log alone when it is not running): the follow always ends by itself.
            await foreach (var e in EventReplay.FollowAsync(hub, runner.Store, id, lastId + 1, untilStopped: true, cancellationToken: ct))
            {
                if (e.IsLogged && e.Sequence is { } sequence) lastId = sequence;
                yield return e;
            }
            // After the Stop the runner writes the reports, then leaves the queue: the follow ends after, so the report is there.
            while (queue.IsRunning(id))
            {
                var running = queue.Changed;
                if (queue.IsRunning(id)) await running.WaitAsync(ct);
            }
            if (!queue.IsActive(id)) yield break;
            // Queued again (resumed) before this follow ended: go on with its next run.
        }
    }

    /// <summary>A finished or active session of the same content, pipeline and requirements, as a post of one manuscript finds it.</summary>
    private SessionView? Reusable(string contentKey) =>
        submissions.FindByContent(contentKey) is { } same && views.Find(same.Id) is { } view
        && view.Status is nameof(SessionStateStatus.Completed) or SessionViews.Queued or SessionViews.Running
            ? view : null;

    /// <summary>Where the session's manuscript is kept: where a batch unpacked it, else the posted bytes in the uploads folder.</summary>
    private string Keep(SessionPost post) =>
        post.KeptAt ?? submissions.SaveUpload(new Uploads.Upload(post.FileName, post.Bytes ?? throw new ArgumentException("a post keeps either bytes or a path", nameof(post))), post.ContentHash);

    private SessionEventHub HubOf(string id)
    {
        if (submissions.Find(id) is not { } submission) return Idle;
        try
        {
            return catalog.Coordinator(submission.Pipeline).Events;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A pipeline that no longer loads runs nothing: nothing is live, and the log is still replayed.
            return Idle;
        }
    }

    private SessionRefusedException QueueFull() => QueueFull(runner, queue);

    /// <summary>429 with the seconds the queue ahead should take.</summary>
    internal static SessionRefusedException QueueFull(SessionRunner runner, RunQueue queue, string? detail = null) =>
        new(StatusCodes.Status429TooManyRequests, "Queue full",
            (detail ?? $"{queue.WaitingCount} sessions are waiting (--max-queued {queue.MaxQueued})") + "; try again later",
            runner.RetryAfterSeconds());

    public static SessionRefusedException NotFinished(string id, string status) =>
        new(StatusCodes.Status409Conflict, "Not finished", $"session {id} is {status.ToLowerInvariant()}; its report comes when it stops");

    public static SessionRefusedException NoReport(string id, string status, string file) =>
        new(StatusCodes.Status404NotFound, "No report", $"session {id} ({status}) has no {file}: it stopped before a report was written");
}
