using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Batch;
using Orchestrator.Server.Sessions;

namespace Orchestrator.Server.Batches;

/// <summary>Builds a batch's summary from its record and the live state of its sessions.</summary>
public sealed class BatchViews(BatchStore batches, ISessionBackend sessions)
{
    public const string RunningStatus = "running";
    public const string DoneStatus = "done";
    public const string QueuedRow = "queued";
    public const string RunningRow = "running";

    /// <summary>The batch's summary, or null when there is no such batch.</summary>
    public async Task<BatchView?> FindAsync(string id, CancellationToken ct) => batches.Find(id) is { } record ? (await BuildAsync(record, ct)).View : null;

    /// <summary>The batch as <c>batch</c>'s summary, once every manuscript has stopped; null before (or when there is no such batch).</summary>
    public async Task<BatchSummary?> FinishedSummaryAsync(string id, CancellationToken ct)
    {
        if (batches.Find(id) is not { } record) return null;
        var (view, rows) = await BuildAsync(record, ct);
        if (view.Status != DoneStatus) return null;
        return new BatchSummary(view.Folder, view.Pipeline, rows.Select(r => r!).ToArray(), view.ElapsedSeconds);
    }

    private async Task<(BatchView View, BatchResult?[] Rows)> BuildAsync(BatchRecord record, CancellationToken ct)
    {
        // The sessions first, then the record again: a run records its result in the batch before its session reads as
        // stopped, so a session seen stopped has its result in the record read after (read before, a row could show a
        // session that just ended without the result its run recorded a moment later).
        var found = new SessionView?[record.Manuscripts.Count];
        for (var i = 0; i < found.Length; i++) found[i] = await sessions.FindAsync(record.Manuscripts[i].SessionId, ct);
        record = batches.Find(record.Id) ?? record;
        var views = new List<BatchManuscriptView>(record.Manuscripts.Count);
        var rows = new BatchResult?[record.Manuscripts.Count];
        var lastUpdate = record.PostedAt;
        for (var i = 0; i < record.Manuscripts.Count; i++)
        {
            var entry = record.Manuscripts[i];
            var session = found[i];
            if (session?.UpdatedAt > lastUpdate) lastUpdate = session.UpdatedAt.Value;
            BatchStatus? final = null;
            string status;
            if (session?.Status == SessionViews.Queued) status = QueuedRow;
            else if (session?.Status == SessionViews.Running) status = RunningRow;
            else
            {
                final = entry.Result?.Status ?? FinalOf(session?.Status);
                status = BatchStatusText.Of(final.Value);
            }
            var result = entry.Result;
            var view = new BatchManuscriptView(
                entry.File, status, entry.Title, entry.Words, entry.Chapters, entry.EncodingNote,
                result?.Quality ?? (final is { } f && BatchStatusText.IsDone(f) ? session?.Quality : null),
                result?.TopRecommendations ?? [], result?.DurationSeconds ?? 0, entry.SessionId,
                $"/api/sessions/{entry.SessionId}/report", final is null ? null : result?.Error ?? session?.Error);
            views.Add(view);
            if (final is { } done)
                rows[i] = new BatchResult
                {
                    File = view.File, Status = done, Title = view.Title, Words = view.Words, Chapters = view.Chapters,
                    EncodingNote = view.EncodingNote, Quality = view.Quality, TopRecommendations = view.TopRecommendations,
                    DurationSeconds = view.DurationSeconds, SessionId = view.SessionId, Reports = view.Reports, Error = view.Error,
                };
        }
        var stopped = rows.Count(r => r is not null);
        var finished = stopped == rows.Length;
        int Count(BatchStatus s) => rows.Count(r => r?.Status == s);
        var totals = new BatchTotals(
            rows.Length, Count(BatchStatus.Succeeded), Count(BatchStatus.Resumed), Count(BatchStatus.SkippedAlreadyDone),
            Count(BatchStatus.Failed), Count(BatchStatus.Interrupted), Count(BatchStatus.NotStarted),
            rows.Where(r => r?.Status is BatchStatus.Succeeded or BatchStatus.Resumed).Sum(r => (long)(r!.Words ?? 0)),
            views.Count(v => v.Status == QueuedRow), views.Count(v => v.Status == RunningRow));
        var elapsed = ((finished ? lastUpdate : DateTimeOffset.UtcNow) - record.PostedAt).TotalSeconds;
        return (new BatchView(record.Id, finished ? DoneStatus : RunningStatus, new BatchProgress(stopped, rows.Length), record.Name,
            record.Pipeline, record.PostedAt, Math.Round(Math.Max(0, elapsed), 3), totals, views, record.Notes), rows);
    }

    /// <summary>A stopped session whose end this server did not record (cancelled before it began, or run by a cluster's silo).</summary>
    private static BatchStatus FinalOf(string? status) => status switch
    {
        nameof(SessionStateStatus.Completed) => BatchStatus.Succeeded,
        nameof(SessionStateStatus.Cancelled) or SessionViews.Interrupted => BatchStatus.Interrupted,
        null => BatchStatus.NotStarted,
        _ => BatchStatus.Failed,
    };
}
