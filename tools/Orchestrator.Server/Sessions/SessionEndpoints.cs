using System.Security.Cryptography;
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
        group.AddEndpointFilter(Refusals);
        group.MapPost("", PostAsync).WithSummary("Analyse a manuscript (raw body or multipart 'file')")
            // No Accepts metadata: routing would answer an unknown type with a bare 415; the reader's says what to send.
            .Produces<SessionView>(StatusCodes.Status200OK).Produces<SessionView>(StatusCodes.Status202Accepted)
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(429).DisableAntiforgery();
        group.MapGet("", ListAsync).WithSummary("Sessions, newest first, paged with 'after' (the last id of the previous page)");
        group.MapGet("/{id}", ShowAsync).WithSummary("One session: status, iteration, nodes, quality, stop reason, queue position")
            .ProducesProblem(400).ProducesProblem(404);
        group.MapGet("/{id}/report", (string id, ISessionBackend sessions, CancellationToken ct) => ReportAsync(id, ReportFiles.JsonName, "application/json", sessions, ct))
            .WithSummary("The report as JSON (409 while the session runs)");
        group.MapGet("/{id}/report.md", (string id, ISessionBackend sessions, CancellationToken ct) => ReportAsync(id, ReportFiles.MarkdownName, "text/markdown; charset=utf-8", sessions, ct))
            .WithSummary("The report as Markdown (409 while the session runs)");
        group.MapGet("/{id}/report.html", (string id, ISessionBackend sessions, CancellationToken ct) => ReportAsync(id, ReportFiles.HtmlName, "text/html; charset=utf-8", sessions, ct))
            .WithSummary("The report as a self-contained HTML page (409 while the session runs)");
        group.MapPost("/{id}/cancel", CancelAsync).WithSummary("Stop a queued or running session (it checkpoints and can be resumed)");
        group.MapPost("/{id}/resume", ResumeAsync).WithSummary("Queue a cancelled or interrupted session again; it goes on from its checkpoint");
        group.MapDelete("/{id}", DeleteAsync).WithSummary("Delete a session that is not queued or running");
    }

    /// <summary>An endpoint filter answering a <see cref="SessionRefusedException"/> as its problem (and Retry-After).</summary>
    public static async ValueTask<object?> Refusals(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (SessionRefusedException refusal) when (!context.HttpContext.Response.HasStarted)
        {
            return refusal.ToResult();
        }
    }

    private static async Task<IResult> PostAsync(HttpRequest request, ServerOptions options, PipelineCatalog catalog,
        SubmissionStore submissions, ISessionBackend sessions, IHostApplicationLifetime lifetime, CancellationToken ct)
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

        var (view, created) = await sessions.PostAsync(new SessionPost(fields, upload.FileName, upload.Bytes, contentHash, document)
        {
            IdempotencyKey = idempotencyKey.Length > 0 ? idempotencyKey : null,
        }, ct);
        return created || view.Status is SessionViews.Queued or SessionViews.Running
            ? Results.Accepted($"/api/sessions/{view.Id}", view)
            : Results.Ok(view);
    }

    private static async Task<IResult> ListAsync(ISessionBackend sessions, string? status, int? limit, string? after, CancellationToken ct)
    {
        if (limit is < 1 or > MaxPageSize) return Problem(400, "Bad limit", $"limit must be between 1 and {MaxPageSize} (got {limit})");
        if (after is not null && !SessionStore.IsValidSessionId(after)) return BadId(after);
        var page = await sessions.ListAsync(status, limit ?? DefaultPageSize, after, ct);
        return Results.Ok(new SessionPage(page, page.Count == (limit ?? DefaultPageSize) ? page[^1].Id : null));
    }

    private static async Task<IResult> ShowAsync(string id, ISessionBackend sessions, CancellationToken ct)
    {
        if (!SessionStore.IsValidSessionId(id)) return BadId(id);
        return await sessions.FindAsync(id, ct) is { } view ? Results.Ok(view) : NotFound(id);
    }

    private static async Task<IResult> ReportAsync(string id, string file, string contentType, ISessionBackend sessions, CancellationToken ct)
    {
        if (!SessionStore.IsValidSessionId(id)) return BadId(id);
        return (await sessions.ReportAsync(id, file, ct)).ToResult(contentType);
    }

    private static async Task<IResult> CancelAsync(string id, ISessionBackend sessions, CancellationToken ct)
    {
        if (!SessionStore.IsValidSessionId(id)) return BadId(id);
        return Results.Accepted($"/api/sessions/{id}", await sessions.CancelAsync(id, ct));
    }

    private static async Task<IResult> ResumeAsync(string id, ISessionBackend sessions, CancellationToken ct)
    {
        if (!SessionStore.IsValidSessionId(id)) return BadId(id);
        return Results.Accepted($"/api/sessions/{id}", await sessions.ResumeAsync(id, ct));
    }

    private static async Task<IResult> DeleteAsync(string id, ISessionBackend sessions, CancellationToken ct)
    {
        if (!SessionStore.IsValidSessionId(id)) return BadId(id);
        await sessions.DeleteAsync(id, ct);
        return Results.NoContent();
    }

    internal static IResult BadId(string id) =>
        Problem(StatusCodes.Status400BadRequest, "Bad session id", $"'{Shorten(id)}' is not a session id (letters, digits, '-', '_', '.'; at most 128)");

    internal static IResult NotFound(string id) => Problem(StatusCodes.Status404NotFound, "No such session", $"no session '{id}'");

    internal static IResult Problem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
