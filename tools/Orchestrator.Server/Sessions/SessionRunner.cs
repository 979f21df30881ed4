using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Orchestrator.Engine.Sessions;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Batch;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Text;
using Orchestrator.Server.Batches;
using Orchestrator.Server.Pipelines;
using Orchestrator.Server.Telemetry;

namespace Orchestrator.Server.Sessions;

/// <summary>
/// Runs the queued sessions, at most <c>--max-running</c> at once, each on its pipeline's shared network, and
/// writes their reports into their session folders. On start it queues again every submission still active (one
/// a stop or a crash cut short), without a client asking; on stop it cancels the running ones, which checkpoint
/// and stay active for the next start. A client that disconnects cancels nothing: only <see cref="Cancel"/> does.
/// </summary>
public sealed class SessionRunner(
    RunQueue queue, SubmissionStore submissions, PipelineCatalog catalog, ServerMetrics metrics,
    BatchStore batches, Serilog.ILogger log) : BackgroundService
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _queuedAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> _tasks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ManuscriptDocument> _loaded = new(StringComparer.Ordinal);
    private readonly SessionStore _store = catalog.Store;

    public SessionStore Store => _store;

    /// <summary>Queues a session; false when the queue is full.</summary>
    /// <param name="document">
    /// The manuscript as the post already loaded it from the upload: kept for the run when it starts soon (the queue
    /// ahead is shorter than the run slots), so it is not loaded twice; a session further back loads it when its turn
    /// comes, so waiting sessions hold no text in memory.
    /// </param>
    public bool TryQueue(string id, bool force = false, ManuscriptDocument? document = null)
    {
        _queuedAt[id] = DateTimeOffset.UtcNow;
        if (document is not null && queue.WaitingCount < queue.MaxRunning) _loaded[id] = document;
        if (!queue.TryEnqueue(id, force))
        {
            _queuedAt.TryRemove(id, out _);
            _loaded.TryRemove(id, out _);
            return false;
        }
        return true;
    }

    /// <summary>
    /// Stops a session at a client's request: a queued one leaves the queue, a running one is cancelled (it
    /// checkpoints and can be resumed). Either way the server stops owing it a run. False when it was neither.
    /// </summary>
    public bool Cancel(string id)
    {
        if (submissions.Find(id) is { } submission) submissions.Save(submission with { Active = false });
        if (queue.TryRemove(id))
        {
            _queuedAt.TryRemove(id, out _);
            _loaded.TryRemove(id, out _);
            return true;
        }
        if (_running.TryGetValue(id, out var cts))
        {
            cts.Cancel();
            return true;
        }
        return false;
    }

    /// <summary>Seconds a new post may wait before the queue has room: the queue ahead over the run slots, times a typical run.</summary>
    public int RetryAfterSeconds() =>
        Math.Max(1, (int)Math.Ceiling(metrics.TypicalRunSeconds * (queue.WaitingCount + 1) / queue.MaxRunning));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var submission in submissions.All().Where(s => s.Active).OrderBy(s => s.PostedAt))
        {
            log.Information("Session {Session} was active when the server last stopped; queued again", submission.Id);
            TryQueue(submission.Id, force: true);
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var id = await queue.TakeAsync(stoppingToken);
                _tasks[id] = RunAsync(id, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: fall through and let the running sessions checkpoint.
        }
        await Task.WhenAll(_tasks.Values);
    }

    private async Task RunAsync(string id, CancellationToken stoppingToken)
    {
        // Off the dispatcher: the session's own work never delays handing out the next one.
        await Task.Yield();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        _running[id] = cts;
        if (_queuedAt.TryRemove(id, out var queuedAt)) metrics.QueueWait(DateTimeOffset.UtcNow - queuedAt);
        var started = DateTimeOffset.UtcNow;
        var submission = submissions.Find(id);
        try
        {
            if (submission is null) return;
            var (analysis, resumed) = await StartOrResumeAsync(submission, cts.Token);
            await SessionReports.WriteAsync(analysis, _store.SessionFolder(id), CancellationToken.None);
            metrics.SessionEnded(analysis.Session.Status.ToString(), DateTimeOffset.UtcNow - started);
            if (submission.BatchId is not null) batches.RecordResult(id, BatchResultOf(analysis, resumed, DateTimeOffset.UtcNow - started));
            // A session the server's own stop cut short stays active: the next start resumes it.
            var owed = analysis.Session.Status == SessionStatus.Cancelled && stoppingToken.IsCancellationRequested;
            submissions.Save(Current(submission) with { Active = owed, Error = null });
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            // A client's cancel that landed before the session loop began: nothing ran, nothing failed.
            log.Information("Session {Session} cancelled before it began", id);
            if (submission is not null) submissions.Save(Current(submission) with { Active = false, Error = null });
            if (submission?.BatchId is not null)
                batches.RecordResult(id, new BatchEntryResult(BatchStatus.Interrupted, null, [], 0, "cancelled before it began; resume it to analyse it"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            log.Error(ex, "Session {Session} could not run: {Error}", id, ex.Message);
            metrics.SessionEnded("Failed", DateTimeOffset.UtcNow - started);
            if (submission is not null) submissions.Save(Current(submission) with { Active = false, Error = ex.Message });
            if (submission?.BatchId is not null)
                batches.RecordResult(id, new BatchEntryResult(BatchStatus.Failed, null, [], Math.Round((DateTimeOffset.UtcNow - started).TotalSeconds, 3), ex.Message));
        }
        catch (OperationCanceledException)
        {
            log.Information("Session {Session} stopped with the server; it resumes on the next start", id);
        }
        finally
        {
            _running.TryRemove(id, out _);
            _loaded.TryRemove(id, out _);
            queue.Finished(id);
            _tasks.TryRemove(id, out _);
        }
    }

    // A cancel during the run changed the stored record (Active = false): keep that, not the copy taken at start.
    private Submission Current(Submission taken) => submissions.Find(taken.Id) ?? taken;

    /// <summary>A batch row as <c>batch</c> writes it: resumed or succeeded, interrupted, or failed with the stop reason.</summary>
    private static BatchEntryResult BatchResultOf(ManuscriptAnalysis analysis, bool resumed, TimeSpan duration)
    {
        var session = analysis.Session;
        var status = session.Status switch
        {
            SessionStatus.Completed => resumed ? BatchStatus.Resumed : BatchStatus.Succeeded,
            SessionStatus.Cancelled => BatchStatus.Interrupted,
            _ => BatchStatus.Failed,
        };
        var analysed = status != BatchStatus.Interrupted;
        return new BatchEntryResult(status, analysed ? session.Quality.Overall : null,
            analysed ? BatchRunner.TopRecommendations(analysis.Report, 3) : [], Math.Round(duration.TotalSeconds, 3),
            status switch
            {
                BatchStatus.Failed => session.StopReason,
                BatchStatus.Interrupted => "interrupted; resume its session to finish it",
                _ => null,
            });
    }

    private async Task<(ManuscriptAnalysis Analysis, bool Resumed)> StartOrResumeAsync(Submission submission, CancellationToken ct)
    {
        var coordinator = catalog.Coordinator(submission.Pipeline);
        var folder = _store.SessionFolder(submission.Id);
        var loaded = _loaded.TryRemove(submission.Id, out var document) ? document : null;
        if (File.Exists(_store.StatePath(submission.Id)) || Directory.Exists(Path.Combine(folder, SessionStore.SnapshotsFolderName)))
        {
            log.Information("Session {Session} resumed", submission.Id);
            return (await coordinator.ResumeProcessingAsync(submission.Id, new ResumeOptions { ReportFolder = folder }, ct), true);
        }
        var options = new ProcessOptions { SessionId = submission.Id, ResumeUnfinished = false, ReuseCompleted = false, ReportFolder = folder };
        return (loaded is not null
            ? await coordinator.ProcessManuscriptAsync(loaded, submission.Requirements, options, ct)
            : await coordinator.ProcessManuscriptAsync(submission.UploadPath, submission.Requirements, options, ct), false);
    }
}
