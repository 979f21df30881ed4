using System.Diagnostics;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Sessions;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Reports;
using Orchestrator.Manuscripts.Recommendations;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Batch;

/// <summary>
/// Runs the manuscripts of a batch through one <see cref="NovelCoordinator"/>: up to <see cref="BatchRunOptions.Parallel"/>
/// sessions at once share its dataflow network (so every node's parallelism bound holds across the batch). A worker
/// takes the next manuscript, loads it, analyses it and writes its reports; only manuscripts in flight are in memory.
/// Every manuscript is a normal session: a finished one of the same content and pipeline is reused, an interrupted
/// one resumed, a failed one (or one finished with failed nodes) analysed again. A bad file is recorded as failed
/// and the batch goes on; cancellation stops handing out manuscripts and lets the running sessions checkpoint.
/// </summary>
public sealed class BatchRunner(NovelCoordinator coordinator, BatchRunOptions options)
{
    public async Task<BatchSummary> RunAsync(string folder, IReadOnlyList<BatchItem> items, IBatchProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var clock = Stopwatch.StartNew();
        var results = new BatchResult?[items.Count];
        int next = -1;

        async Task WorkAsync()
        {
            int index;
            while (!cancellationToken.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < items.Count)
            {
                var item = items[index];
                progress?.Started(item);
                var result = await RunOneAsync(item, cancellationToken).ConfigureAwait(false);
                results[index] = result;
                progress?.Finished(item, result);
            }
        }

        var workers = Enumerable.Range(0, Math.Clamp(options.Parallel, 1, Math.Max(items.Count, 1))).Select(_ => Task.Run(WorkAsync));
        await Task.WhenAll(workers).ConfigureAwait(false);

        var rows = items.Select((item, i) => results[i] ?? new BatchResult
        {
            File = item.Name, Status = BatchStatus.NotStarted, Error = "the batch was stopped before its turn; the next run does it",
        }).ToArray();
        return new BatchSummary(folder, options.PipelineName, rows, clock.Elapsed.TotalSeconds);
    }

    private async Task<BatchResult> RunOneAsync(BatchItem item, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var reports = Path.Combine(options.OutputFolder, item.OutputName);
        ManuscriptDocument? document = null;
        try
        {
            document = await ManuscriptLoader.LoadAsync(item.Path, options.Loading, ct).ConfigureAwait(false);
            // Finding an earlier session is one lookup in the store's session index, whatever the number of sessions.
            var analysis = await coordinator.ProcessManuscriptAsync(document, options.Requirements,
                new ProcessOptions { ReuseCompleted = true, ResumeUnfinished = true, ReportFolder = reports }, ct).ConfigureAwait(false);
            var before = analysis.Continued;
            if (before is SessionStateStatus.Completed or SessionStateStatus.CompletedWithErrors && analysis.Session.Status != SessionStatus.Completed)
            {
                // A finished session with failed nodes is not worth reusing: analyse the manuscript again.
                options.Logger.Information("Batch: {File} finished with errors in session {Session}; analysing it again", item.Name, analysis.SessionId);
                analysis = await coordinator.ProcessManuscriptAsync(document, options.Requirements,
                    new ProcessOptions { ReuseCompleted = false, ResumeUnfinished = false, ReportFolder = reports }, ct).ConfigureAwait(false);
                before = null;
            }
            await ReportFiles.WriteAsync(analysis.Report, reports, CancellationToken.None).ConfigureAwait(false);
            var session = analysis.Session;
            var status = session.Status switch
            {
                SessionStatus.Completed => before switch
                {
                    SessionStateStatus.Completed => BatchStatus.SkippedAlreadyDone,
                    SessionStateStatus.Running or SessionStateStatus.Cancelled => BatchStatus.Resumed,
                    _ => BatchStatus.Succeeded,
                },
                SessionStatus.Cancelled => BatchStatus.Interrupted,
                _ => BatchStatus.Failed,
            };
            var analysed = status != BatchStatus.Interrupted;
            return Row(item, document, status, clock) with
            {
                // A cancelled session's quality covers only what it finished: not a figure to compare.
                Quality = analysed ? session.Quality.Overall : null,
                TopRecommendations = analysed ? TopRecommendations(analysis.Report, 3) : [],
                SessionId = analysis.SessionId,
                Reports = reports,
                Error = status switch
                {
                    BatchStatus.Failed => session.StopReason,
                    BatchStatus.Interrupted => "interrupted; the next run resumes it",
                    _ => null,
                },
            };
        }
        catch (ManuscriptLoadException ex)
        {
            options.Logger.Information("Batch: {File} refused: {Error}", item.Name, ex.Message);
            return Row(item, document, BatchStatus.Failed, clock) with { Error = ErrorOf(item, ex) };
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return Row(item, document, BatchStatus.Interrupted, clock) with { Error = "interrupted; the next run resumes it" };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // One manuscript's trouble (a session another process holds, a store that cannot be written) is its own.
            options.Logger.Error(ex, "Batch: {File} failed", item.Name);
            return Row(item, document, BatchStatus.Failed, clock) with { Error = ex.Message };
        }
    }

    private static BatchResult Row(BatchItem item, ManuscriptDocument? document, BatchStatus status, Stopwatch clock) => new()
    {
        File = item.Name,
        Status = status,
        Title = document?.Title,
        Words = document?.WordCount,
        Chapters = document?.Chapters.Count,
        EncodingNote = document is null ? "" : EncodingNote(document.Encoding),
        DurationSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
    };

    /// <summary>Nothing to say for UTF-8; the Windows-1252 fallback says why it was used.</summary>
    public static string EncodingNote(string encoding) => encoding switch
    {
        "utf-8" => "",
        "windows-1252" => "windows-1252 (not valid UTF-8)",
        _ => encoding,
    };

    /// <summary>The refusal without the full path when it is the manuscript's own; a chapter file's keeps its name.</summary>
    private static string ErrorOf(BatchItem item, ManuscriptLoadException ex)
    {
        var path = Path.TrimEndingDirectorySeparator(ex.Path);
        if (path == Path.TrimEndingDirectorySeparator(item.Path)) return ex.Detail;
        return $"{Path.GetFileName(path)}: {ex.Detail}";
    }

    /// <summary>
    /// The consolidated recommendations node's first findings (it ranks them); without one, the most severe findings
    /// of all nodes, in pipeline order.
    /// </summary>
    public static IReadOnlyList<string> TopRecommendations(AnalysisReport report, int count)
    {
        var consolidated = report.Nodes.FirstOrDefault(n => n.Type == RecommendationsNode.TypeName && n.Findings.Count > 0);
        var findings = consolidated is not null
            ? consolidated.Findings.Where(f => !f.IsStrength)
            : report.Nodes.SelectMany(n => n.Findings).Where(f => !f.IsStrength).OrderByDescending(f => f.Severity);
        return findings.Take(count).Select(Describe).ToArray();
    }

    private static string Describe(Finding finding) =>
        finding.Location?.Chapter is { } chapter ? $"{finding.Message} (chapter {chapter})" : finding.Message;
}
