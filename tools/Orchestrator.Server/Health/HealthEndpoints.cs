using Orchestrator.Server.Sessions;

namespace Orchestrator.Server.Health;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (the store is writable and the queue has room).</summary>
public static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "alive" })).WithTags("health");
        app.MapGet("/readyz", Ready).WithTags("health");
    }

    private static IResult Ready(ServerOptions options, RunQueue queue)
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
        if (queue.WaitingCount >= queue.MaxQueued) problems.Add($"the queue is full ({queue.WaitingCount} waiting)");
        return problems.Count == 0
            ? Results.Ok(new { status = "ready", queued = queue.WaitingCount, running = queue.RunningCount })
            : Results.Problem(statusCode: 503, title: "Not ready", detail: string.Join("; ", problems));
    }
}
