using Orchestrator.Server.Sessions;

namespace Orchestrator.Server.Health;

/// <summary>
/// <c>/healthz</c> (the process answers) and <c>/readyz</c> (the data folder is writable and the server takes posts:
/// its queue has room, or, on a silo, it is not stopping and reaches Redis; <see cref="IRunLoad"/>).
/// </summary>
public static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "alive" })).WithTags("health");
        app.MapGet("/readyz", Ready).WithTags("health");
    }

    private static IResult Ready(ServerOptions options, IRunLoad load)
    {
        var problems = new List<string>();
        try
        {
            var folder = Path.Combine(options.DataDirectory, "server");
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".ready-{Environment.ProcessId}");
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"the data folder is not writable: {ex.Message}");
        }
        if (load.NotReadyBecause is { } refusal) problems.Add(refusal);
        return problems.Count == 0
            ? Results.Ok(new { status = "ready", queued = load.Waiting, running = load.Running })
            : Results.Problem(statusCode: 503, title: "Not ready", detail: string.Join("; ", problems));
    }
}
