using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Cluster.Drain;
using Orchestrator.Cluster.Grains;
using Orchestrator.Cluster.Placement;
using Orchestrator.Cluster.Silo;
using Orchestrator.Cluster.Store;
using Orchestrator.Engine.Sessions;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Genres;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Reports;
using Orchestrator.Manuscripts.Requirements;
using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Orchestrator.Cluster.Http;

/// <summary>
/// <c>/api/cluster/...</c> on every silo: post a manuscript to the cluster (its session grain runs it on this silo, and
/// on another if this one dies), and follow any session of the cluster from any silo. Mapped inside the server's API
/// group, so the API key and rate limits apply.
/// </summary>
public static class ClusterEndpoints
{
    private static readonly JsonSerializerOptions RequirementsJson = new(JsonSerializerDefaults.Web);

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
        });
        group.MapPost("/sessions", PostAsync).WithSummary("Analyse a manuscript (raw body) on the cluster; query: name, pipeline, genre, targetLength, themes").DisableAntiforgery();
        group.MapGet("/sessions/{id}", ShowAsync).WithSummary("A cluster session: status, the silo it runs on, runs, iteration, quality, nodes");
        group.MapGet("/sessions/{id}/report", (string id, IGrainFactory grains, SiloPipelines silo) => ReportAsync(id, ReportFiles.JsonName, "application/json", grains, silo));
        group.MapGet("/sessions/{id}/report.md", (string id, IGrainFactory grains, SiloPipelines silo) => ReportAsync(id, ReportFiles.MarkdownName, "text/markdown; charset=utf-8", grains, silo));
        group.MapGet("/sessions/{id}/report.html", (string id, IGrainFactory grains, SiloPipelines silo) => ReportAsync(id, ReportFiles.HtmlName, "text/html; charset=utf-8", grains, silo));
        group.MapPost("/sessions/{id}/cancel", CancelAsync).WithSummary("Stop a cluster session (it checkpoints)");
        group.MapGet("/status", StatusAsync).WithSummary("The silos of the cluster and the sessions this one drives (running or waiting for a run slot)");
    }

    private static async Task<IResult> PostAsync(HttpRequest request, IGrainFactory grains, SiloPipelines silo, SiloSessions here, HandOffTargets targets,
        ModelNeeds needs, SiloLoads loads, CancellationToken ct)
    {
        var name = Path.GetFileName(request.Query["name"].ToString());
        if (name.Length == 0) name = "manuscript.txt";
        var pipeline = request.Query["pipeline"].ToString();
        if (pipeline.Length == 0) pipeline = "novel";
        if (!pipeline.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || !File.Exists(Path.Combine(silo.Settings.PipelinesDirectory, pipeline + ".json")))
            return Problem(400, "Unknown pipeline", $"no pipeline '{pipeline}' in this silo's pipelines folder");
        if (needs.OfPipeline(pipeline) && !loads.AnyWithModel())
        {
            request.HttpContext.Response.Headers.RetryAfter = "30";
            return Problem(503, "No silo with a model", $"pipeline '{pipeline}' has llm nodes and no active silo of the cluster declares a model (serve --model); start one, or post again later");
        }
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
        var requirements = new ManuscriptRequirements { Genre = genre, TargetLength = target, Themes = themes };
        var id = SessionId.New(pipeline, DateTimeOffset.UtcNow);
        if (here.Draining)
        {
            // This silo is stopping: the session goes to another one.
            if (targets.Next() is not { } elsewhere)
                return Problem(503, "Silo stopping", "this silo is stopping and no other silo of the cluster is active; post again later");
            RequestContext.Set(IPlacementDirector.PlacementHintKey, elsewhere);
        }
        try
        {
            var view = await grains.GetGrain<ISessionGrain>(id).SubmitAsync(new SessionOrder
            {
                Pipeline = pipeline, FileName = name, RequirementsJson = JsonSerializer.Serialize(requirements, RequirementsJson), PostedAt = DateTimeOffset.UtcNow,
            }, new Immutable<byte[]>(bytes));
            return Results.Accepted($"/api/cluster/sessions/{id}", view);
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    private static async Task<IResult> ShowAsync(string id, IGrainFactory grains, SiloPipelines silo, CancellationToken ct)
    {
        if (!SessionStore.IsValidSessionId(id)) return BadId(id);
        var view = await grains.GetGrain<ISessionGrain>(id).GetAsync();
        if (view.Status == ClusterSessionView.Unknown) return NotFound(id);
        SessionState? state = null;
        if (silo.Store.Exists(id)) state = (await silo.Store.LoadStateAsync(id, ct)).State;
        return Results.Ok(new
        {
            view.Id, view.Status, view.Silo, view.Runs, view.Pipeline, view.FileName, view.Error,
            Iteration = state?.Iteration,
            Quality = state?.QualityHistory.Count > 0 ? state.QualityHistory[^1].Overall : (double?)null,
            state?.StopReason,
            Nodes = state?.Nodes.Select(n => new { n.NodeId, Status = n.Status.ToString(), n.Result?.Score, n.Attempts }).ToArray(),
        });
    }

    private static async Task<IResult> ReportAsync(string id, string file, string contentType, IGrainFactory grains, SiloPipelines silo)
    {
        if (!SessionStore.IsValidSessionId(id)) return BadId(id);
        var view = await grains.GetGrain<ISessionGrain>(id).GetAsync();
        if (view.Status == ClusterSessionView.Unknown) return NotFound(id);
        if (view.Status is ClusterSessionView.Queued or ClusterSessionView.Running or ClusterSessionView.Interrupted)
            return Problem(409, "Not finished", $"session {id} is {view.Status.ToLowerInvariant()}; its report comes when it stops");
        return silo.Store.ReadAttachment(id, file) is { } bytes
            ? Results.Bytes(bytes, contentType)
            : Problem(404, "No report", $"session {id} ({view.Status}) has no {file}: it stopped before a report was written");
    }

    private static async Task<IResult> CancelAsync(string id, IGrainFactory grains)
    {
        if (!SessionStore.IsValidSessionId(id)) return BadId(id);
        var grain = grains.GetGrain<ISessionGrain>(id);
        if ((await grain.GetAsync()).Status == ClusterSessionView.Unknown) return NotFound(id);
        return await grain.CancelAsync()
            ? Results.Accepted($"/api/cluster/sessions/{id}", await grain.GetAsync())
            : Problem(409, "Not running", $"session {id} is not queued or running");
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
