using System.Text;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Server.Pipelines;

/// <summary>
/// <c>/api/pipelines</c>: the server's own pipelines (list, one file) and a validator for a pipeline a client
/// sends. A sent pipeline is only checked — schema and semantics, each problem with its JSON path — never run,
/// and its rules are never compiled.
/// </summary>
public static class PipelineEndpoints
{
    public const long MaxPipelineBytes = 1024 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/pipelines").WithTags("pipelines");
        group.MapGet("", List).WithSummary("The pipelines the server runs, with their nodes");
        group.MapGet("/{name}", Show).WithSummary("One pipeline file as it is on the server").ProducesProblem(404);
        group.MapPost("/validate", ValidateAsync).WithSummary("Check a pipeline JSON: every problem with its JSON path")
            .Produces<PipelineCheck>().DisableAntiforgery();
    }

    private static IResult List(PipelineCatalog catalog)
    {
        var items = new List<PipelineSummary>();
        foreach (var name in catalog.Names())
        {
            try
            {
                var path = catalog.PathOf(name)!;
                var definition = PipelineLoader.Load(path, catalog.Registry(path));
                items.Add(new PipelineSummary(name, definition.Nodes.Select(n => n.Id).ToArray(), null));
            }
            catch (Exception ex) when (ex is PipelineValidationException or IOException)
            {
                items.Add(new PipelineSummary(name, [], ex.Message));
            }
        }
        return Results.Ok(items);
    }

    private static IResult Show(string name, PipelineCatalog catalog)
    {
        if (catalog.PathOf(name) is not { } path)
            return Results.Problem(statusCode: 404, title: "No such pipeline",
                detail: $"no pipeline '{name}' (the server's pipelines: {string.Join(", ", catalog.Names())})");
        return Results.File(path, "application/json");
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request, PipelineCatalog catalog, CancellationToken ct)
    {
        if (request.ContentLength > MaxPipelineBytes)
            return Results.Problem(statusCode: 413, title: "Too large", detail: $"a pipeline is at most {MaxPipelineBytes / 1024} KB");
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var json = await reader.ReadToEndAsync(ct);
        if (json.Length > MaxPipelineBytes)
            return Results.Problem(statusCode: 413, title: "Too large", detail: $"a pipeline is at most {MaxPipelineBytes / 1024} KB");
        var problems = PipelineLoader.Validate(json, catalog.Registry(Path.Combine(catalog.Folder, "posted.json")));
        return Results.Ok(new PipelineCheck(problems.Count == 0, problems.Select(p => new PipelineCheckProblem(p.Path, p.Message)).ToArray()));
    }
}
