using System.Security.Cryptography;
using Orchestrator.Engine.Sessions;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Batch;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Reports;
using Orchestrator.Manuscripts.Text;
using Orchestrator.Server.Pipelines;
using Orchestrator.Server.Sessions;
using Orchestrator.Server.Uploads;

namespace Orchestrator.Server.Batches;

/// <summary>
/// <c>POST /api/batches</c> (several manuscripts, or one .zip of a folder laid out as <c>batch</c> expects: found by
/// <see cref="BatchDiscovery"/>, the CLI's own rules) and <c>GET /api/batches/{id}</c> (its summary, as
/// <c>summary.json</c>), <c>GET /api/batches/{id}/summary.csv</c>. Every manuscript is loaded before anything is
/// kept: one the loader refuses refuses the batch, naming the file, and nothing on disk changes.
/// </summary>
public static class BatchEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/batches").WithTags("batches");
        group.MapPost("", PostAsync)
            .WithSummary("Analyse several manuscripts: multipart 'file' parts, or one .zip of a folder (multipart, or the raw application/zip body)")
            .Produces<BatchView>(StatusCodes.Status202Accepted)
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(429).DisableAntiforgery();
        group.MapGet("/{id}", Show).WithSummary("A batch's summary (summary.json's fields), its progress and per-manuscript sessions")
            .Produces<BatchView>().ProducesProblem(400).ProducesProblem(404);
        group.MapGet("/{id}/summary.csv", Csv).WithSummary("A finished batch's summary.csv (409 while it runs)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<IResult> PostAsync(HttpRequest request, ServerOptions options, PipelineCatalog catalog, BatchStore batches,
        BatchViews batchViews, SubmissionStore submissions, SessionRunner runner, RunQueue queue, SessionViews views,
        IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
            return SessionEndpoints.Problem(StatusCodes.Status503ServiceUnavailable, "Stopping", "the server is stopping and takes no new batches");
        var staging = batches.NewStagingFolder();
        try
        {
            var (form, name) = await BatchUploadReader.ReadAsync(request, options.MaxUploadBytes, staging, ct);
            var fields = SessionRequest.Read(request, form, catalog, options.DefaultPipeline);
            var recursive = ReadFlag(request, form, "recursive");
            var plan = Discover(staging, recursive);
            if (plan.Items.Count == 0)
                throw new UploadException(StatusCodes.Status400BadRequest,
                    $"no manuscript found ({BatchDiscoveryOptions.DefaultPattern}, or folders of chapter files)"
                    + (plan.Notes.Count > 0 ? ": " + string.Join("; ", plan.Notes) : ""));

            var loaded = new List<(BatchItem Item, ManuscriptDocument Document, string Hash, string ContentKey)>(plan.Items.Count);
            foreach (var item in plan.Items)
            {
                ManuscriptDocument document;
                try
                {
                    document = await ManuscriptLoader.LoadAsync(item.Path, ct);
                }
                catch (ManuscriptLoadException ex)
                {
                    var status = ex.Reason == LoadFailureReason.UnsupportedFormat ? StatusCodes.Status415UnsupportedMediaType : StatusCodes.Status400BadRequest;
                    return SessionEndpoints.Problem(status, "Bad upload", $"{item.Name}: {ex.Detail}");
                }
                var hash = await HashAsync(item, ct);
                loaded.Add((item, document, hash, fields.ContentKey(hash, catalog)));
            }

            // The sessions this batch must run, against the room in the queue: all of them are queued, or none.
            var reusable = loaded.Select(l => Reusable(l.ContentKey, submissions, views)).ToArray();
            var fresh = reusable.Count(r => r is null);
            if (fresh > queue.MaxQueued - queue.WaitingCount)
                return LocalSessionBackend.QueueFull(runner, queue,
                    $"the batch needs {fresh} places in the queue and {Math.Max(0, queue.MaxQueued - queue.WaitingCount)} are free (--max-queued {queue.MaxQueued})").ToResult();

            var id = BatchStore.NewId(DateTimeOffset.UtcNow);
            var input = batches.Commit(staging, id);
            var now = DateTimeOffset.UtcNow;
            var entries = new List<BatchEntry>(loaded.Count);
            var queued = new List<string>();
            for (var i = 0; i < loaded.Count; i++)
            {
                var (item, document, contentHash, contentKey) = loaded[i];
                var common = (Title: document.Title, Words: document.WordCount, Chapters: document.Chapters.Count,
                    Encoding: BatchRunner.EncodingNote(document.Encoding));
                if (reusable[i] is { } earlier)
                {
                    entries.Add(new BatchEntry(item.Name, earlier.Id, earlier.Finished, common.Title, common.Words, common.Chapters, common.Encoding,
                        earlier.Finished ? new BatchEntryResult(BatchStatus.SkippedAlreadyDone, earlier.Quality, TopRecommendations(runner, earlier.Id), 0, null) : null));
                    continue;
                }
                var sessionId = submissions.NewId(fields.Pipeline, id => runner.Store.Exists(id) || entries.Any(e => e.SessionId == id));
                var path = Path.Combine(input, Path.GetRelativePath(staging, item.Path));
                submissions.Save(new Submission
                {
                    Id = sessionId, Pipeline = fields.Pipeline, FileName = item.Name, ContentHash = contentHash, UploadPath = path,
                    Requirements = fields.Requirements, ContentKey = contentKey, BatchId = id, PostedAt = now, Active = true,
                });
                entries.Add(new BatchEntry(item.Name, sessionId, false, common.Title, common.Words, common.Chapters, common.Encoding, null));
                queued.Add(sessionId);
            }
            // Saved before the first session is queued: a session that ends at once finds its batch.
            batches.Save(new BatchRecord
            {
                Id = id, Name = name, Pipeline = fields.Pipeline, Requirements = fields.Requirements, PostedAt = now,
                Manuscripts = entries, Notes = plan.Notes,
            });
            foreach (var sessionId in queued) runner.TryQueue(sessionId, force: true);
            return Results.Accepted($"/api/batches/{id}", batchViews.Find(id));
        }
        catch (UploadException ex)
        {
            return SessionEndpoints.Problem(ex.Status, "Bad upload", ex.Message);
        }
        finally
        {
            // Still there unless committed: a refused post leaves nothing behind.
            BatchStore.TryDelete(staging);
        }
    }

    private static IResult Show(string id, BatchViews views)
    {
        if (!BatchStore.IsValidId(id)) return BadId(id);
        return views.Find(id) is { } view ? Results.Ok(view) : NotFound(id);
    }

    private static IResult Csv(string id, BatchStore batches, BatchViews views)
    {
        if (!BatchStore.IsValidId(id)) return BadId(id);
        if (batches.Find(id) is null) return NotFound(id);
        return views.FinishedSummary(id) is { } summary
            ? Results.Text(BatchSummaryFiles.Csv(summary), "text/csv; charset=utf-8")
            : SessionEndpoints.Problem(StatusCodes.Status409Conflict, "Not finished", $"batch {id} is still running; its summary.csv comes when every manuscript has stopped");
    }

    /// <summary>
    /// <c>batch</c>'s rules on the unpacked folder. A .zip of a folder holds that one folder at its top: then that
    /// folder is the batch, as <c>batch FOLDER</c> sees it (so its files are manuscripts even when named like chapters).
    /// </summary>
    private static BatchPlan Discover(string root, bool recursive)
    {
        var options = new BatchDiscoveryOptions { Recursive = recursive };
        if (!Directory.EnumerateFiles(root).Any() && Directory.GetDirectories(root) is [var only])
            return BatchDiscovery.Discover(only, options);
        return BatchDiscovery.Discover(root, options);
    }

    /// <summary>A finished or active session of the same content, pipeline and requirements, as a post of one manuscript finds it.</summary>
    private static (string Id, bool Finished, double? Quality)? Reusable(string contentKey, SubmissionStore submissions, SessionViews views)
    {
        if (submissions.FindByContent(contentKey) is not { } same || views.Find(same.Id) is not { } view) return null;
        return view.Status switch
        {
            nameof(SessionStateStatus.Completed) => (same.Id, true, view.Quality),
            SessionViews.Queued or SessionViews.Running => (same.Id, false, null),
            _ => null,
        };
    }

    private static IReadOnlyList<string> TopRecommendations(SessionRunner runner, string sessionId)
    {
        var path = Path.Combine(runner.Store.SessionFolder(sessionId), ReportFiles.JsonName);
        try
        {
            using var stream = File.OpenRead(path);
            return System.Text.Json.JsonSerializer.Deserialize<AnalysisReport>(stream, ReportJson.Options) is { } report
                ? BatchRunner.TopRecommendations(report, 3) : [];
        }
        catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            return []; // The row still names the session; its report says the rest.
        }
    }

    /// <summary>SHA-256 of the manuscript: the file's bytes, or a chapter folder's file names and bytes in name order.</summary>
    private static async Task<string> HashAsync(BatchItem item, CancellationToken ct)
    {
        if (!item.IsChapterFolder) return Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(item.Path, ct)));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(item.Path).Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            hash.AppendData(await File.ReadAllBytesAsync(file, ct));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static bool ReadFlag(HttpRequest request, IFormCollection? form, string name)
    {
        var value = form is not null && form.TryGetValue(name, out var f) ? f.ToString() : request.Query[name].ToString();
        if (string.IsNullOrWhiteSpace(value)) return false;
        return bool.TryParse(value, out var flag) ? flag
            : throw new UploadException(StatusCodes.Status400BadRequest, $"{name} must be true or false (got '{value}')");
    }

    private static IResult BadId(string id) =>
        SessionEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad batch id", $"'{(id.Length > 60 ? id[..60] + "…" : id)}' is not a batch id");

    private static IResult NotFound(string id) => SessionEndpoints.Problem(StatusCodes.Status404NotFound, "No such batch", $"no batch '{id}'");
}
