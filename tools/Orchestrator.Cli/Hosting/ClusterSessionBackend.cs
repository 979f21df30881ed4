using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Cluster.Sessions;
using Orchestrator.Cluster.Store;
using Orchestrator.Engine.State;
using Orchestrator.Server.Sessions;

namespace Orchestrator.Cli.Hosting;

/// <summary>
/// The server's session backend on <c>serve --cluster</c>: <c>/api/sessions</c>, its events, the batches' sessions and
/// the status page serve the cluster's sessions (<see cref="ClusterSessions"/>), posted to and read from any silo, in the
/// same shapes as a single server's (plus <c>silo</c> and <c>runs</c>). It lives here because the server and the cluster
/// do not reference each other: the CLI wires one into the other.
/// </summary>
public sealed class ClusterSessionBackend(ClusterSessions cluster) : ISessionBackend
{
    /// <summary>Registers it in the server's host, in place of the server's own sessions.</summary>
    public static void Register(IServiceCollection services) => services.AddSingleton<ISessionBackend, ClusterSessionBackend>();

    public async Task<(SessionView View, bool Created)> PostAsync(SessionPost post, CancellationToken ct)
    {
        var bytes = post.Bytes ?? await BytesOfAsync(post, ct);
        try
        {
            // The grain keeps the file under its name alone: a batch's manuscript in a sub-folder keeps its path in the batch's summary.
            var (session, created) = await Guard(() => cluster.SubmitAsync(post.Fields.Pipeline, Path.GetFileName(post.FileName), post.Fields.Requirements,
                bytes, post.IdempotencyKey, ct));
            return (ViewOf(session, withNodes: true), created);
        }
        catch (InvalidOperationException ex)
        {
            // This silo is stopping and no other is active.
            throw new SessionRefusedException(StatusCodes.Status503ServiceUnavailable, "Silo stopping", ex.Message, SiloUnreachableException.RetryAfterSeconds);
        }
        catch (Cluster.Placement.NoModelSiloException ex)
        {
            throw new SessionRefusedException(StatusCodes.Status503ServiceUnavailable, "No silo with a model", ex.Message, Cluster.Placement.NoModelSiloException.RetryAfterSeconds);
        }
        catch (IdempotencyKeyReusedException ex)
        {
            throw new SessionRefusedException(StatusCodes.Status409Conflict, "Idempotency-Key reused", ex.Message);
        }
    }

    /// <summary>
    /// Each manuscript becomes a session of the cluster, run by whichever silo its grain is on; the cluster's run slots
    /// are its queue, so nothing is refused for room. A folder of chapter files is refused before anything is posted: a
    /// cluster session is one file (its grain keeps it in Redis and copies it to the silo that runs it).
    /// </summary>
    public async Task<IReadOnlyList<(SessionView View, bool Created)>> PostBatchAsync(IReadOnlyList<SessionPost> posts,
        Func<IReadOnlyList<(SessionView View, bool Created)>, Task> record, CancellationToken ct)
    {
        if (posts.FirstOrDefault(p => p.Bytes is null && Directory.Exists(p.KeptAt)) is { } folder)
            throw new SessionRefusedException(StatusCodes.Status400BadRequest, "Chapter folder in a cluster",
                $"{folder.FileName}: a folder of chapter files is one manuscript on a single server; a cluster takes each manuscript as one file");
        var started = new List<(SessionView View, bool Created)>(posts.Count);
        foreach (var post in posts) started.Add(await PostAsync(post, ct));
        await record(started);
        return started;
    }

    public async Task<SessionView?> FindAsync(string id, CancellationToken ct) =>
        await Guard(() => cluster.FindAsync(id, ct)) is { } session ? ViewOf(session, withNodes: true) : null;

    public async Task<IReadOnlyList<SessionView>> ListAsync(string? status, int limit, string? after, CancellationToken ct) =>
        (await Guard(() => cluster.ListAsync(status, limit, after))).Select(s => ViewOf(s, withNodes: false)).ToArray();

    public async Task<ReportContent> ReportAsync(string id, string file, CancellationToken ct)
    {
        // The grain's word alone (no state to read): whether the session stopped, and so whether its report is final.
        var view = await Guard(() => cluster.ViewAsync(id));
        if (view.Status == Cluster.Grains.ClusterSessionView.Unknown) throw SessionRefusedException.NotFound(id);
        if (ClusterSession.IsActive(view.Status)) throw LocalSessionBackend.NotFinished(id, view.Status);
        return await Guard(() => cluster.ReadReportAsync(id, file)) is { } bytes
            ? new ReportContent(null, bytes)
            : throw LocalSessionBackend.NoReport(id, view.Status, file);
    }

    public async Task<SessionView> CancelAsync(string id, CancellationToken ct)
    {
        var view = await Guard(() => cluster.ViewAsync(id));
        if (view.Status == Cluster.Grains.ClusterSessionView.Unknown) throw SessionRefusedException.NotFound(id);
        if (!await Guard(() => cluster.CancelAsync(id)))
            throw new SessionRefusedException(StatusCodes.Status409Conflict, "Not running", $"session {id} is {view.Status}: only a queued or running session can be cancelled");
        return await FindAsync(id, ct) ?? throw SessionRefusedException.NotFound(id);
    }

    public Task<SessionView> ResumeAsync(string id, CancellationToken ct) =>
        throw new SessionRefusedException(StatusCodes.Status501NotImplemented, "Not in a cluster",
            "a cluster session still owed a run resumes by itself on a living silo; a cancelled one is not resumed through the API");

    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        var deletion = await Guard(() => cluster.DeleteAsync(id));
        if (deletion.Deleted) return;
        throw deletion.Refusal(id) is { } refusal
            ? new SessionRefusedException(StatusCodes.Status409Conflict, refusal.Title, refusal.Detail)
            : SessionRefusedException.NotFound(id);
    }

    public async IAsyncEnumerable<SessionEvent> FollowAsync(string id, long afterSequence, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var events = cluster.FollowAsync(id, afterSequence, ct).GetAsyncEnumerator(ct);
        while (await Guard(async () => await events.MoveNextAsync())) yield return events.Current;
    }

    private static async Task<byte[]> BytesOfAsync(SessionPost post, CancellationToken ct) => post.KeptAt is { } path && File.Exists(path)
        ? await File.ReadAllBytesAsync(path, ct)
        : throw new SessionRefusedException(StatusCodes.Status400BadRequest, "Not one file", $"{post.FileName}: a cluster session is one manuscript file");

    /// <summary>
    /// A failure that passes is a 503 with Retry-After, not a 500: the silo holding the session's grain died moments ago
    /// (the cluster moves the grain to a living silo once it declares that one dead), or Redis cannot be reached.
    /// </summary>
    public static SessionRefusedException? RefusalOf(Exception e) => e switch
    {
        SiloUnreachableException s => new SessionRefusedException(StatusCodes.Status503ServiceUnavailable, "Silo unreachable", s.Message,
            SiloUnreachableException.RetryAfterSeconds, s),
        _ when RedisOutage.Caused(e) => new SessionRefusedException(StatusCodes.Status503ServiceUnavailable, "Redis unreachable",
            $"the cluster's Redis cannot be reached ({RedisOutage.Describe(e)}); sessions are paused until it answers", SiloUnreachableException.RetryAfterSeconds, e),
        _ => null,
    };

    private static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (RefusalOf(e) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>As a single server shows it: a listed session without its nodes, a shown one with them (none before its first state).</summary>
    private static SessionView ViewOf(ClusterSession s, bool withNodes) => new(
        s.Id, s.Status, null, s.Pipeline, s.FileName, s.CreatedAt, s.UpdatedAt, s.Iteration, s.Quality, s.StopReason, s.Error,
        withNodes ? s.State?.Nodes.Select(n => new NodeView(n.NodeId, n.Status.ToString(), n.Result?.Score, n.Attempts,
            n.Duration?.TotalMilliseconds, n.LastError?.Message)).ToArray() ?? [] : null)
    {
        Silo = s.Silo,
        Runs = s.Runs,
    };
}
