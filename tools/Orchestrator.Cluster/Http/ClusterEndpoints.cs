using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Cluster.Drain;
using Orchestrator.Cluster.Grains;
using Orchestrator.Cluster.Placement;
using Orchestrator.Cluster.Sessions;
using Orchestrator.Cluster.Silo;
using Orchestrator.Cluster.Store;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Genres;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Reports;
using Orchestrator.Manuscripts.Requirements;
using Orleans.Runtime;

namespace Orchestrator.Cluster.Http;

/// <summary>
/// <c>/api/cluster/...</c> on every silo: post a manuscript to the cluster (its session grain runs it on this silo, and
/// on another if this one dies), and follow any session of the cluster from any silo. Mapped inside the server's API
/// group, so the API key and rate limits apply. With <c>--cluster</c> the server's own <c>/api/sessions</c> serves the
/// same sessions (through <see cref="ClusterSessions"/> too); these paths stay for the clients that use them, and
/// <c>/status</c> is the cluster's own.
/// </summary>
public static class ClusterEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/api/cluster").WithTags("cluster");
        // Sessions pause while Redis is away; a request that needs it then says so, rather than failing with a 500.
        group.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (Exception e) when (RedisOutage.Caused(e))
            {
                context.HttpContext.Response.Headers.RetryAfter = "5";
                return Problem(503, "Redis unreachable", $"the cluster's Redis cannot be reached ({RedisOutage.Describe(e)}); sessions are paused until it answers");
            }
            catch (SiloUnreachableException e)
            {
                // The grain's silo died moments ago: once the cluster declares it dead, the grain answers from a living silo.
                context.HttpContext.Response.Headers.RetryAfter = SiloUnreachableException.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Problem(503, "Silo unreachable", e.Message);
            }
        });
        group.MapPost("/sessions", PostAsync).WithSummary("Analyse a manuscript (raw body) on the cluster; query: name, pipeline, genre, targetLength, themes").DisableAntiforgery();
        group.MapGet("/sessions/{id}", ShowAsync).WithSummary("A cluster session: status, the silo it runs on, runs, iteration, quality, nodes");
        group.MapGet("/sessions/{id}/report", (string id, ClusterSessions sessions) => ReportAsync(id, ReportFiles.JsonName, "application/json", sessions));
        group.MapGet("/sessions/{id}/report.md", (string id, ClusterSessions sessions) => ReportAsync(id, ReportFiles.MarkdownName, "text/markdown; charset=utf-8", sessions));
        group.MapGet("/sessions/{id}/report.html", (string id, ClusterSessions sessions) => ReportAsync(id, ReportFiles.HtmlName, "text/html; charset=utf-8", sessions));
        group.MapPost("/sessions/{id}/cancel", CancelAsync).WithSummary("Stop a cluster session (it checkpoints)");
        group.MapDelete("/sessions/{id}", DeleteAsync).WithSummary("Delete a cluster session that is not queued, running or interrupted: everything of it in Redis");
        group.MapGet("/status", StatusAsync).WithSummary("The silos of the cluster and the sessions this one drives (running or waiting for a run slot)");
    }

    private static async Task<IResult> PostAsync(HttpRequest request, ClusterSessions sessions, SiloPipelines silo, CancellationToken ct)
    {
        var name = Path.GetFileName(request.Query["name"].ToString());
        if (name.Length == 0) name = "manuscript.txt";
        var pipeline = request.Query["pipeline"].ToString();
        if (pipeline.Length == 0) pipeline = "novel";
        if (!pipeline.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || !File.Exists(Path.Combine(silo.Settings.PipelinesDirectory, pipeline + ".json")))
            return Problem(400, "Unknown pipeline", $"no pipeline '{pipeline}' in this silo's pipelines folder");
        var genre = request.Query["genre"].ToString() is { Length: > 0 } g ? g : null;
        if (genre is not null && !GenreNorms.TryGet(genre, out _))
            return Problem(400, "Unknown genre", $"unknown genre '{genre}' (known: {string.Join(", ", GenreNorms.Known)})");
        int? target = null;
        if (request.Query["targetLength"].ToString() is { Length: > 0 } t)
        {
            if (!int.TryParse(t, out var words) || words < 1) return Problem(400, "Bad targetLength", $"targetLength '{t}' is not a positive number");
            target = words;
        }
        var themes = request.Query["themes"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        try
        {
            // Refuse what the loader refuses before anything is stored.
            ManuscriptLoader.Load(name, bytes);
        }
        catch (ManuscriptLoadException ex)
        {
            return Problem(ex.Reason == LoadFailureReason.UnsupportedFormat ? 415 : 400, "Bad upload", $"{name}: {ex.Detail}");
        }
        ClusterSession session;
        try
        {
            (session, _) = await sessions.SubmitAsync(pipeline, name, new ManuscriptRequirements { Genre = genre, TargetLength = target, Themes = themes }, bytes, ct: ct);
        }
        catch (InvalidOperationException ex)
        {
            return Problem(503, "Silo stopping", ex.Message);
        }
        catch (NoModelSiloException ex)
        {
            request.HttpContext.Response.Headers.RetryAfter = NoModelSiloException.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problem(503, "No silo with a model", ex.Message);
        }
        return Results.Accepted($"/api/cluster/sessions/{session.Id}", new ClusterSessionView(session.Id, session.Status, session.Silo, session.Runs ?? 0,
            session.Pipeline, session.FileName, session.Error));
    }

    private static async Task<IResult> ShowAsync(string id, ClusterSessions sessions, CancellationToken ct)
    {
        if (!SessionStore.IsValidSessionId(id)) return BadId(id);
        if (await sessions.FindAsync(id, ct) is not { } session) return NotFound(id);
        var state = session.State;
        return Results.Ok(new
        {
            session.Id, session.Status, session.Silo, session.Runs, session.Pipeline, session.FileName, session.Error,
            session.Iteration, session.Quality, session.StopReason,
            Nodes = state?.Nodes.Select(n => new { n.NodeId, Status = n.Status.ToString(), n.Result?.Score, n.Attempts }).ToArray(),
        });
    }

    private static async Task<IResult> ReportAsync(string id, string file, string contentType, ClusterSessions sessions)
    {
        if (!SessionStore.IsValidSessionId(id)) return BadId(id);
        var view = await sessions.ViewAsync(id);
        if (view.Status == ClusterSessionView.Unknown) return NotFound(id);
        if (ClusterSession.IsActive(view.Status))
            return Problem(409, "Not finished", $"session {id} is {view.Status.ToLowerInvariant()}; its report comes when it stops");
        return await sessions.ReadReportAsync(id, file) is { } bytes
            ? Results.Bytes(bytes, contentType)
            : Problem(404, "No report", $"session {id} ({view.Status}) has no {file}: it stopped before a report was written");
    }

    private static async Task<IResult> CancelAsync(string id, ClusterSessions sessions)
    {
        if (!SessionStore.IsValidSessionId(id)) return BadId(id);
        if ((await sessions.ViewAsync(id)).Status == ClusterSessionView.Unknown) return NotFound(id);
        return await sessions.CancelAsync(id)
            ? Results.Accepted($"/api/cluster/sessions/{id}", await sessions.ViewAsync(id))
            : Problem(409, "Not running", $"session {id} is not queued or running");
    }

    private static async Task<IResult> DeleteAsync(string id, ClusterSessions sessions)
    {
        if (!SessionStore.IsValidSessionId(id)) return BadId(id);
        var deletion = await sessions.DeleteAsync(id);
        if (deletion.Deleted) return Results.NoContent();
        // As on a single server: a session still owed a run (an interrupted one too: it resumes by itself) is cancelled first.
        return deletion.Refusal(id) is { } refusal ? Problem(409, refusal.Title, refusal.Detail) : NotFound(id);
    }

    private static async Task<IResult> StatusAsync(IGrainFactory grains, SiloPipelines silo, SiloSessions here, ILocalSiloDetails local)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return Results.Ok(new
        {
            Cluster = silo.Settings.ClusterId,
            Silo = local.SiloAddress.ToString(),
            silo.Running,
            silo.Settings.MaxRunning,
            here.Draining,
            Sessions = here.Ids,
            Silos = hosts.Keys.Select(a => a.ToString()).Order(StringComparer.Ordinal).ToArray(),
        });
    }

    private static IResult BadId(string id) => Problem(400, "Bad session id", $"'{(id.Length > 60 ? id[..60] + "…" : id)}' is not a session id");

    private static IResult NotFound(string id) => Problem(404, "No such session", $"no session '{id}' in the cluster");

    private static IResult Problem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);
}
