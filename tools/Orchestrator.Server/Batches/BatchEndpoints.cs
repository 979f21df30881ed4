using System.Security.Cryptography;
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
        group.AddEndpointFilter(SessionEndpoints.Refusals);
        group.MapPost("", PostAsync)
            .WithSummary("Analyse several manuscripts: multipart 'file' parts, or one .zip of a folder (multipart, or the raw application/zip body)")
            .Produces<BatchView>(StatusCodes.Status202Accepted)
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(429).DisableAntiforgery();
        group.MapGet("/{id}", ShowAsync).WithSummary("A batch's summary (summary.json's fields), its progress and per-manuscript sessions")
            .Produces<BatchView>().ProducesProblem(400).ProducesProblem(404);
        group.MapGet("/{id}/summary.csv", CsvAsync).WithSummary("A finished batch's summary.csv (409 while it runs)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<IResult> PostAsync(HttpRequest request, ServerOptions options, PipelineCatalog catalog, BatchStore batches,
        BatchViews batchViews, ISessionBackend sessions, IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
            return SessionEndpoints.Problem(StatusCodes.Status503ServiceUnavailable, "Stopping", "the server is stopping and takes no new batches");
        var staging = batches.NewStagingFolder();
        string? committed = null;
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

            var loaded = new List<(BatchItem Item, ManuscriptDocument Document, string Hash)>(plan.Items.Count);
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
                loaded.Add((item, document, await HashAsync(item, ct)));
            }

            var id = BatchStore.NewId(DateTimeOffset.UtcNow);
            var input = committed = batches.Commit(staging, id);
            var now = DateTimeOffset.UtcNow;
            var posts = loaded.Select(l => new SessionPost(fields, l.Item.Name, null, l.Hash, l.Document)
            {
                KeptAt = Path.Combine(input, Path.GetRelativePath(staging, l.Item.Path)), BatchId = id,
            }).ToArray();
            await sessions.PostBatchAsync(posts, async started =>
            {
                var entries = new List<BatchEntry>(started.Count);
                for (var i = 0; i < started.Count; i++)
                {
                    var (item, document, _) = loaded[i];
                    var (view, created) = started[i];
                    // A finished session of the same work is this batch's row as it is: skipped, already done.
                    var done = !created && view.Status == nameof(SessionStateStatus.Completed);
                    entries.Add(new BatchEntry(item.Name, view.Id, done, document.Title, document.WordCount, document.Chapters.Count,
                        BatchRunner.EncodingNote(document.Encoding),
                        done ? new BatchEntryResult(BatchStatus.SkippedAlreadyDone, view.Quality, await TopRecommendationsAsync(sessions, view.Id, ct), 0, null) : null));
                }
                batches.Save(new BatchRecord
                {
                    Id = id, Name = name, Pipeline = fields.Pipeline, Requirements = fields.Requirements, PostedAt = now,
                    Manuscripts = entries, Notes = plan.Notes,
                });
            }, ct);
            committed = null;
            return Results.Accepted($"/api/batches/{id}", await batchViews.FindAsync(id, ct));
        }
        catch (UploadException ex)
        {
            return SessionEndpoints.Problem(ex.Status, "Bad upload", ex.Message);
        }
        finally
        {
            // Still there unless committed: a refused post leaves nothing behind (a batch its sessions refused neither).
            BatchStore.TryDelete(staging);
            if (committed is not null) BatchStore.TryDelete(Path.GetDirectoryName(committed)!);
        }
    }

    private static async Task<IResult> ShowAsync(string id, BatchViews views, CancellationToken ct)
    {
        if (!BatchStore.IsValidId(id)) return BadId(id);
        return await views.FindAsync(id, ct) is { } view ? Results.Ok(view) : NotFound(id);
    }

    private static async Task<IResult> CsvAsync(string id, BatchStore batches, BatchViews views, CancellationToken ct)
    {
        if (!BatchStore.IsValidId(id)) return BadId(id);
        if (batches.Find(id) is null) return NotFound(id);
        return await views.FinishedSummaryAsync(id, ct) is { } summary
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

    private static async Task<IReadOnlyList<string>> TopRecommendationsAsync(ISessionBackend sessions, string sessionId, CancellationToken ct)
    {
        try
        {
            var report = await sessions.ReportAsync(sessionId, ReportFiles.JsonName, ct);
            await using Stream stream = report.Path is { } path ? File.OpenRead(path) : new MemoryStream(report.Bytes ?? []);
            return await System.Text.Json.JsonSerializer.DeserializeAsync<AnalysisReport>(stream, ReportJson.Options, ct) is { } parsed
                ? BatchRunner.TopRecommendations(parsed, 3) : [];
        }
        catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException or UnauthorizedAccessException or SessionRefusedException)
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
