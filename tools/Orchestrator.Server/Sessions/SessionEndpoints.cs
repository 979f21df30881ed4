using System.Security.Cryptography;
using Orchestrator.Engine.Sessions;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Reports;
using Orchestrator.Manuscripts.Text;
using Orchestrator.Server.Pipelines;
using Orchestrator.Server.Uploads;

namespace Orchestrator.Server.Sessions;

/// <summary>The <c>/api/sessions</c> endpoints: post a manuscript, list, show, reports, cancel, resume, delete.</summary>
public static class SessionEndpoints
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions").WithTags("sessions");
        group.MapPost("", PostAsync).WithSummary("Analyse a manuscript (raw body or multipart 'file')")
            // No Accepts metadata: routing would answer an unknown type with a bare 415; the reader's says what to send.
            .Produces<SessionView>(StatusCodes.Status200OK).Produces<SessionView>(StatusCodes.Status202Accepted)
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(429).DisableAntiforgery();
        group.MapGet("", List).WithSummary("Sessions, newest first, paged with 'after' (the last id of the previous page)");
        group.MapGet("/{id}", Show).WithSummary("One session: status, iteration, nodes, quality, stop reason, queue position")
            .ProducesProblem(400).ProducesProblem(404);
        group.MapGet("/{id}/report", (string id, SessionViews views, SessionRunner runner) => Report(id, ReportFiles.JsonName, "application/json", views, runner))
            .WithSummary("The report as JSON (409 while the session runs)");
        group.MapGet("/{id}/report.md", (string id, SessionViews views, SessionRunner runner) => Report(id, ReportFiles.MarkdownName, "text/markdown; charset=utf-8", views, runner))
            .WithSummary("The report as Markdown (409 while the session runs)");
        group.MapGet("/{id}/report.html", (string id, SessionViews views, SessionRunner runner) => Report(id, ReportFiles.HtmlName, "text/html; charset=utf-8", views, runner))
            .WithSummary("The report as a self-contained HTML page (409 while the session runs)");
        group.MapPost("/{id}/cancel", Cancel).WithSummary("Stop a queued or running session (it checkpoints and can be resumed)");
        group.MapPost("/{id}/resume", Resume).WithSummary("Queue a cancelled or interrupted session again; it goes on from its checkpoint");
        group.MapDelete("/{id}", Delete).WithSummary("Delete a session that is not queued or running");
    }

    private static async Task<IResult> PostAsync(HttpRequest request, ServerOptions options, PipelineCatalog catalog,
        SubmissionStore submissions, SessionRunner runner, RunQueue queue, SessionViews views, IHostApplicationLifetime lifetime,
        CancellationToken ct)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
            return Problem(StatusCodes.Status503ServiceUnavailable, "Stopping", "the server is stopping and takes no new sessions");
        var idempotencyKey = request.Headers["Idempotency-Key"].ToString();
        if (idempotencyKey.Length > 200) return Problem(400, "Bad Idempotency-Key", "the Idempotency-Key header is longer than 200 characters");

        Upload? upload = null;
        SessionRequest fields;
        ManuscriptDocument document;
        string contentHash;
        try
        {
            (upload, var form) = await UploadReader.ReadAsync(request, options.MaxUploadBytes, ct);
            fields = SessionRequest.Read(request, form, catalog, options.DefaultPipeline);
            contentHash = Convert.ToHexStringLower(SHA256.HashData(upload.Bytes));
            if (idempotencyKey.Length > 0 && submissions.FindByIdempotencyKey(idempotencyKey) is { } earlier)
            {
                return earlier.ContentHash == contentHash && earlier.Pipeline == fields.Pipeline
                    ? Existing(earlier.Id, views)
                    : Problem(StatusCodes.Status409Conflict, "Idempotency-Key reused",
                        $"Idempotency-Key '{idempotencyKey}' was used for another manuscript or pipeline (session {earlier.Id})");
            }
            // Refuse what the loader refuses (empty, binary, undecodable, a broken .docx) before anything is written. Loaded
            // as from where the upload will be kept, the document is the one the session would load: it is handed on.
            document = ManuscriptLoader.Load(submissions.UploadPathOf(upload, contentHash), upload.Bytes);
        }
        catch (UploadException ex)
        {
            return Problem(ex.Status, "Bad upload", ex.Message);
        }
        catch (ManuscriptLoadException ex)
        {
            var status = ex.Reason == LoadFailureReason.UnsupportedFormat ? StatusCodes.Status415UnsupportedMediaType : StatusCodes.Status400BadRequest;
            return Problem(status, "Bad upload", $"{upload?.FileName}: {ex.Detail}");
        }

        var contentKey = fields.ContentKey(contentHash, catalog);
        if (submissions.FindByContent(contentKey) is { } same && views.Find(same.Id) is { } sameView
            && sameView.Status is SessionViews.Queued or SessionViews.Running or nameof(SessionStateStatus.Completed))
            return Existing(same.Id, views);

        if (queue.WaitingCount >= queue.MaxQueued) return QueueFull(runner, queue);
        var id = submissions.NewId(fields.Pipeline, runner.Store.Exists);
        var submission = new Submission
        {
            Id = id, Pipeline = fields.Pipeline, FileName = upload.FileName, ContentHash = contentHash,
            UploadPath = submissions.SaveUpload(upload, contentHash), Requirements = fields.Requirements, ContentKey = contentKey,
            IdempotencyKey = idempotencyKey.Length > 0 ? idempotencyKey : null, PostedAt = DateTimeOffset.UtcNow, Active = true,
        };
        submissions.Save(submission);
        if (!runner.TryQueue(id, document: document))
        {
            submissions.Delete(submission);
            return QueueFull(runner, queue);
        }
        return Results.Accepted($"/api/sessions/{id}", views.Find(id));
    }

    private static IResult List(SessionViews views, string? status, int? limit, string? after)
    {
        if (limit is < 1 or > MaxPageSize) return Problem(400, "Bad limit", $"limit must be between 1 and {MaxPageSize} (got {limit})");
        if (after is not null && !SessionStore.IsValidSessionId(after)) return BadId(after);
        var page = views.List(status, limit ?? DefaultPageSize, after);
        return Results.Ok(new SessionPage(page, page.Count == (limit ?? DefaultPageSize) ? page[^1].Id : null));
    }

    private static IResult Show(string id, SessionViews views)
    {
        if (!SessionStore.IsValidSessionId(id)) return BadId(id);
        return views.Find(id) is { } view ? Results.Ok(view) : NotFound(id);
    }

    private static IResult Report(string id, string file, string contentType, SessionViews views, SessionRunner runner)
    {
        if (!SessionStore.IsValidSessionId(id)) return BadId(id);
        if (views.Find(id) is not { } view) return NotFound(id);
        if (view.Status is SessionViews.Queued or SessionViews.Running)
            return Problem(StatusCodes.Status409Conflict, "Not finished", $"session {id} is {view.Status.ToLowerInvariant()}; its report comes when it stops");
        var path = Path.Combine(runner.Store.SessionFolder(id), file);
        return File.Exists(path)
            ? Results.File(path, contentType)
            : Problem(StatusCodes.Status404NotFound, "No report", $"session {id} ({view.Status}) has no {file}: it stopped before a report was written");
    }

    private static IResult Cancel(string id, SessionViews views, SessionRunner runner)
    {
        if (!SessionStore.IsValidSessionId(id)) return BadId(id);
        if (views.Find(id) is not { } view) return NotFound(id);
        if (!runner.Cancel(id))
            return Problem(StatusCodes.Status409Conflict, "Not running", $"session {id} is {view.Status}: only a queued or running session can be cancelled");
        return Results.Accepted($"/api/sessions/{id}", views.Find(id));
    }

    private static IResult Resume(string id, SessionViews views, SessionRunner runner, SubmissionStore submissions, RunQueue queue)
    {
        if (!SessionStore.IsValidSessionId(id)) return BadId(id);
        if (views.Find(id) is not { } view) return NotFound(id);
        if (view.Status is SessionViews.Queued or SessionViews.Running or nameof(SessionStateStatus.Completed))
            return Problem(StatusCodes.Status409Conflict, "Nothing to resume", $"session {id} is {view.Status}");
        if (submissions.Find(id) is not { } submission)
            return Problem(StatusCodes.Status409Conflict, "Not a server session",
                $"session {id} was not posted to this server; resume it with: orchestrator resume {id}");
        submissions.Save(submission with { Active = true, Error = null });
        if (!runner.TryQueue(id))
        {
            submissions.Save(submission);
            return QueueFull(runner, queue);
        }
        return Results.Accepted($"/api/sessions/{id}", views.Find(id));
    }

    private static IResult Delete(string id, SessionViews views, SessionRunner runner, SubmissionStore submissions)
    {
        if (!SessionStore.IsValidSessionId(id)) return BadId(id);
        if (views.Find(id) is not { } view) return NotFound(id);
        if (view.Status is SessionViews.Queued or SessionViews.Running)
            return Problem(StatusCodes.Status409Conflict, "Still running", $"session {id} is {view.Status.ToLowerInvariant()}: cancel it first");
        try
        {
            runner.Store.Delete(id);
        }
        catch (SessionLockedException ex)
        {
            return Problem(StatusCodes.Status409Conflict, "Locked", ex.Message);
        }
        if (submissions.Find(id) is { } submission) submissions.Delete(submission);
        return Results.NoContent();
    }

    private static IResult Existing(string id, SessionViews views)
    {
        var view = views.Find(id)!;
        return view.Status is SessionViews.Queued or SessionViews.Running
            ? Results.Accepted($"/api/sessions/{id}", view)
            : Results.Ok(view);
    }

    internal static IResult QueueFull(SessionRunner runner, RunQueue queue, string? detail = null) =>
        new RetryAfter(runner.RetryAfterSeconds(), Problem(StatusCodes.Status429TooManyRequests, "Queue full",
            (detail ?? $"{queue.WaitingCount} sessions are waiting (--max-queued {queue.MaxQueued})") + "; try again later"));

    internal static IResult BadId(string id) =>
        Problem(StatusCodes.Status400BadRequest, "Bad session id", $"'{Shorten(id)}' is not a session id (letters, digits, '-', '_', '.'; at most 128)");

    internal static IResult NotFound(string id) => Problem(StatusCodes.Status404NotFound, "No such session", $"no session '{id}'");

    internal static IResult Problem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    /// <summary>Adds <c>Retry-After</c> to a problem.</summary>
    private sealed class RetryAfter(int seconds, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(context);
        }
    }
}
