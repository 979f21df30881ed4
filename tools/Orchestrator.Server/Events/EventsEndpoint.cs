using System.Text;
using Orchestrator.Engine.State;
using Orchestrator.Server.Sessions;

namespace Orchestrator.Server.Events;

/// <summary>
/// <c>GET /api/sessions/{id}/events</c>: server-sent events. First the session's history from events.jsonl (after
/// <c>Last-Event-ID</c>, else from the start; each event's id is its line number, so it survives restarts), then
/// the live tail, with <c>node-started</c> events that only live watchers see, a keep-alive comment when quiet, and
/// a last <c>end</c> event when the session stops (or is not queued or running), after which the stream closes.
/// </summary>
public static class EventsEndpoint
{
    // The journal writes behind the session loop: a poll catches lines whose wake-up came before they were written.
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/sessions/{id}/events", StreamAsync).WithTags("sessions")
            .WithSummary("Server-sent events: history from Last-Event-ID (or the start), then live, closing when the session stops")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream").ProducesProblem(404);

    private static async Task StreamAsync(HttpContext context, string id, SessionViews views, SessionRunner runner, RunQueue queue,
        SessionFeeds feeds, ServerOptions options)
    {
        if (!SessionStore.IsValidSessionId(id))
        {
            await SessionEndpoints.BadId(id).ExecuteAsync(context);
            return;
        }
        if (views.Find(id) is null)
        {
            await SessionEndpoints.NotFound(id).ExecuteAsync(context);
            return;
        }
        var lastId = long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), out var header) ? header
            : long.TryParse(context.Request.Query["lastEventId"].ToString(), out var query) ? query : 0;
        var ct = context.RequestAborted;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";

        using var subscription = feeds.Subscribe(id);
        var tail = new EventLogTail(runner.Store.EventsPath(id));
        var lastWrite = DateTimeOffset.UtcNow;
        await response.WriteAsync("retry: 2000\n\n", ct);
        await response.Body.FlushAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                // Whether it is active is read before the log: a session that stops in between leaves its last lines for the next round.
                var active = queue.IsActive(id);
                var text = new StringBuilder();
                foreach (var (number, line, kind) in tail.ReadNew())
                {
                    if (number <= lastId) continue;
                    text.Append("id: ").Append(number).Append("\nevent: ").Append(kind).Append("\ndata: ").Append(line).Append("\n\n");
                }
                while (subscription.TryRead(out var live))
                    text.Append("event: ").Append(live.Kind).Append("\ndata: ").Append(System.Text.Json.JsonSerializer.Serialize(live, EventJson.Options)).Append("\n\n");
                if (!active)
                {
                    var status = views.Find(id)?.Status ?? "Deleted";
                    text.Append("event: end\ndata: {\"status\":\"").Append(status).Append("\"}\n\n");
                }
                if (text.Length > 0)
                {
                    await response.WriteAsync(text.ToString(), ct);
                    await response.Body.FlushAsync(ct);
                    lastWrite = DateTimeOffset.UtcNow;
                }
                if (!active) return;
                if (DateTimeOffset.UtcNow - lastWrite >= options.KeepAlive)
                {
                    await response.WriteAsync(": keep-alive\n\n", ct);
                    await response.Body.FlushAsync(ct);
                    lastWrite = DateTimeOffset.UtcNow;
                }
                await subscription.WaitAsync(Poll, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away; the session goes on.
        }
    }
}
