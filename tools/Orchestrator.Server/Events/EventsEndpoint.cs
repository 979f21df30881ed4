using System.Text;
using System.Text.Json;
using Orchestrator.Engine.Events;
using Orchestrator.Engine.State;
using Orchestrator.Server.Sessions;

namespace Orchestrator.Server.Events;

/// <summary>
/// <c>GET /api/sessions/{id}/events</c>: server-sent events of the session backend's follow
/// (<see cref="ISessionBackend.FollowAsync"/>). First the session's history from its log (after <c>Last-Event-ID</c>,
/// else from the start; each event's id is its sequence number, so it survives restarts), then the live events: on a
/// single server from its pipeline's event hub, including the live-only ones (<c>node-started</c>, <c>retrying</c>,
/// <c>missed</c>), which carry no id; in a cluster from the session's log in Redis as its silo writes it. A keep-alive
/// comment goes out when the stream is quiet, and a last <c>end</c> event when the session is neither queued nor running
/// (its reports written), after which the stream closes.
/// </summary>
public static class EventsEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/sessions/{id}/events", StreamAsync).WithTags("sessions")
            .WithSummary("Server-sent events: history from Last-Event-ID (or the start), then live, closing when the session stops")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream").ProducesProblem(404);

    private static async Task StreamAsync(HttpContext context, string id, ISessionBackend sessions, ServerOptions options, Serilog.ILogger log)
    {
        if (!SessionStore.IsValidSessionId(id))
        {
            await SessionEndpoints.BadId(id).ExecuteAsync(context);
            return;
        }
        var ct = context.RequestAborted;
        try
        {
            if (await sessions.FindAsync(id, ct) is null)
            {
                await SessionEndpoints.NotFound(id).ExecuteAsync(context);
                return;
            }
            var lastId = long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), out var header) ? header
                : long.TryParse(context.Request.Query["lastEventId"].ToString(), out var query) ? query : 0;
            var response = context.Response;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            // The response begins (its first bytes go out) only once the stream is subscribed to a running session's
            // events, or waits for the session to start: a client that sees it begin misses nothing published after.
            var stream = new SseWriter(response, options.KeepAlive);
            await stream.ForwardAsync(sessions.FollowAsync(id, lastId, ct), lastId, ct);
            // The follow ends once the session stopped and its reports are written: the end comes after, so the report is there.
            var status = (await sessions.FindAsync(id, ct))?.Status ?? "Deleted";
            await stream.WriteAsync($"event: end\ndata: {{\"status\":\"{status}\"}}\n\n", ct);
            await stream.FlushAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away; the session goes on.
        }
        catch (SessionRefusedException refusal) when (!context.Response.HasStarted)
        {
            // Before the stream began, the refusal is the answer.
            await refusal.ToResult().ExecuteAsync(context);
        }
        catch (Exception e) when (context.Response.HasStarted && !ct.IsCancellationRequested)
        {
            // Once begun, a stream cannot turn into an error: it ends, and the client's EventSource reconnects with its
            // Last-Event-ID (after the retry: delay), missing nothing. (A cluster session's grain on a silo that just died.)
            log.Warning(e is SessionRefusedException ? null : e, "Events stream of session {Session} ended before the session's end ({Error}); the client reconnects",
                id, e.Message);
        }
    }

    /// <summary>
    /// Writes events as text/event-stream, flushing when no next event is at hand, and a keep-alive comment when quiet.
    /// Its first write or flush begins the response with the reconnection delay.
    /// </summary>
    private sealed class SseWriter(HttpResponse response, TimeSpan keepAlive)
    {
        private const string Preamble = "retry: 2000\n\n";
        private readonly StringBuilder _text = new();
        private long _lastWrite = Environment.TickCount64;
        private bool _begun;

        public async Task WriteAsync(string text, CancellationToken ct)
        {
            _lastWrite = Environment.TickCount64;
            if (!_begun)
            {
                _begun = true;
                text = Preamble + text;
            }
            await response.WriteAsync(text, ct);
        }

        public async Task FlushAsync(CancellationToken ct)
        {
            if (!_begun) await WriteAsync("", ct);
            await response.Body.FlushAsync(ct);
        }

        /// <summary>Waits for <paramref name="wake"/>, sending keep-alive comments meanwhile (and what is written, first).</summary>
        public async Task IdleUntilAsync(Task wake, CancellationToken ct)
        {
            if (!wake.IsCompleted) await FlushAsync(ct);
            while (!wake.IsCompleted)
            {
                // Quiet means nothing written for the keep-alive period, whatever woke this stream meanwhile.
                var due = TimeSpan.FromMilliseconds(Math.Max(0, _lastWrite + (long)keepAlive.TotalMilliseconds - Environment.TickCount64));
                if (due > TimeSpan.Zero && await Task.WhenAny(wake, Task.Delay(due, ct)) == wake) break;
                ct.ThrowIfCancellationRequested();
                await WriteAsync(": keep-alive\n\n", ct);
                await FlushAsync(ct);
            }
            ct.ThrowIfCancellationRequested();
        }

        /// <summary>Sends every event of <paramref name="events"/>; returns the sequence number of the last logged one sent.</summary>
        public async Task<long> ForwardAsync(IAsyncEnumerable<SessionEvent> events, long lastId, CancellationToken ct)
        {
            var enumerator = events.GetAsyncEnumerator(ct);
            Task<bool>? pending = null;
            try
            {
                while (true)
                {
                    var move = enumerator.MoveNextAsync();
                    if (!move.IsCompleted)
                    {
                        // Nothing at hand: send what is written, then wait, with keep-alives while it is quiet.
                        await FlushAsync(ct);
                        pending = move.AsTask();
                        await IdleUntilAsync(pending, ct);
                        move = new ValueTask<bool>(pending);
                        pending = null;
                    }
                    if (!await move) return lastId;
                    var e = enumerator.Current;
                    _text.Clear();
                    if (e.IsLogged && e.Sequence is { } sequence)
                    {
                        _text.Append("id: ").Append(sequence).Append('\n');
                        lastId = sequence;
                    }
                    _text.Append("event: ").Append(KindName(e.Kind)).Append("\ndata: ")
                        .Append(JsonSerializer.Serialize(e, SessionStateJson.CompactOptions)).Append("\n\n");
                    await WriteAsync(_text.ToString(), ct);
                }
            }
            finally
            {
                // A MoveNext still in flight (the client left) ends with the cancelled token: let it, before the dispose.
                if (pending is not null)
                {
                    try { await pending; } catch (OperationCanceledException) { }
                }
                await enumerator.DisposeAsync();
            }
        }

        /// <summary>The event's name on the wire: its kind in kebab case (<c>outcome</c>, <c>node-started</c>).</summary>
        private static string KindName(SessionEventKind kind) => kind switch
        {
            SessionEventKind.NodeStarted => "node-started",
            _ => kind.ToString().ToLowerInvariant(),
        };
    }
}
