using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Orchestrator.Cluster.Drain;
using Orchestrator.Cluster.Grains;
using Orchestrator.Cluster.Placement;
using Orchestrator.Cluster.Silo;
using Orchestrator.Cluster.Store;
using Orchestrator.Engine.Sessions;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Requirements;
using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Orchestrator.Cluster.Sessions;

/// <summary>
/// The sessions of the cluster, from any silo: posts become session grains, and what a client reads of a session comes
/// from its grain (status, silo, runs) and from the Redis store (state, events, reports), so every silo answers the same
/// for every session, wherever it runs. The server's API reaches the cluster through this (the CLI wires it in as the
/// server's session backend); <c>/api/cluster/...</c> too.
/// </summary>
/// <remarks>A grain call that fails because its silo just died is thrown as <see cref="SiloUnreachableException"/>.</remarks>
public sealed class ClusterSessions(IGrainFactory grains, SiloPipelines silo, SiloSessions here, HandOffTargets targets, ModelNeeds needs, SiloLoads loads)
{
    /// <summary>
    /// How often a follower polls the session's event list in Redis. A short poll rather than pub/sub: the list is the
    /// log the driving silo appends to through its lease-checked script, so reading it from the last position gives every
    /// event once and in order, from any silo and across a change of driver (a dead silo's session resumed elsewhere).
    /// Pub/sub would need that script to publish as well, a subscription per stream, and still a read of the list to close
    /// the gap between replay and subscription. A session logs a few dozen events in its life: most polls are one round
    /// trip that returns nothing, and an event reaches a follower within this delay.
    /// </summary>
    public static readonly TimeSpan FollowPoll = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a post or a grain call cut by a dropped Redis connection is tried again (<see cref="ThroughDropsAsync"/>).</summary>
    public static readonly TimeSpan OutageRetryWithin = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Hands a checked manuscript to a new session grain (on this silo, or on another when this one is draining); with an
    /// <paramref name="idempotencyKey"/> an earlier post made a session for, that session instead (Created false).
    /// </summary>
    /// <exception cref="InvalidOperationException">This silo is stopping and no other is active.</exception>
    /// <exception cref="IdempotencyKeyReusedException">The key was used for another manuscript or pipeline.</exception>
    /// <exception cref="NoModelSiloException">The pipeline has llm nodes and no active silo declares a model.</exception>
    public async Task<(ClusterSession Session, bool Created)> SubmitAsync(string pipeline, string fileName, ManuscriptRequirements requirements,
        byte[] manuscript, string? idempotencyKey = null, CancellationToken ct = default)
    {
        // Placement would keep such a session waiting for a silo with a model; a client is better told at once.
        if (needs.OfPipeline(pipeline) && !loads.AnyWithModel()) throw new NoModelSiloException(pipeline);
        var id = SessionId.New(pipeline, DateTimeOffset.UtcNow);
        var posted = new PostedSession(id, pipeline, fileName, DateTimeOffset.UtcNow, Convert.ToHexStringLower(SHA256.HashData(manuscript)), idempotencyKey);
        if (idempotencyKey is not null && await silo.Store.ClaimIdempotencyKeyAsync(idempotencyKey, posted) is { } earlier)
        {
            if (earlier.ContentHash != posted.ContentHash || earlier.Pipeline != pipeline) throw new IdempotencyKeyReusedException(idempotencyKey, earlier.Id);
            // The earlier post may still be on its way to its grain: its session shows once it is there.
            return (await FindAsync(earlier.Id, ct) ?? Of(new ClusterSessionView(earlier.Id, ClusterSessionView.Queued, null, 0, earlier.Pipeline, earlier.FileName, null),
                earlier.PostedAt, null), false);
        }
        try
        {
            return (await SubmitAsync(posted, requirements, manuscript), true);
        }
        catch when (idempotencyKey is not null)
        {
            await silo.Store.ReleaseIdempotencyKeyAsync(idempotencyKey);
            throw;
        }
    }

    private async Task<ClusterSession> SubmitAsync(PostedSession posted, ManuscriptRequirements requirements, byte[] manuscript)
    {
        var (id, pipeline, fileName) = (posted.Id, posted.Pipeline, posted.FileName);
        if (here.Draining)
        {
            // This silo is stopping: the session goes to another one.
            RequestContext.Set(IPlacementDirector.PlacementHintKey, targets.Next()
                ?? throw new InvalidOperationException("this silo is stopping and no other silo of the cluster is active; post again later"));
        }
        try
        {
            var order = new SessionOrder
            {
                Pipeline = pipeline, FileName = fileName, RequirementsJson = ManuscriptRequirementsJson.Serialize(requirements), PostedAt = posted.PostedAt,
            };
            var view = await ThroughDropsAsync(async () =>
            {
                await silo.Store.NotePostedAsync(posted);
                return await CallOnceAsync(id, g => g.SubmitAsync(order, new Immutable<byte[]>(manuscript)));
            });
            return Of(view, posted.PostedAt, null);
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    /// <summary>The session with its stored state; null when the cluster has none by that id.</summary>
    public async Task<ClusterSession?> FindAsync(string id, CancellationToken ct)
    {
        var view = await ViewAsync(id);
        if (view.Status == ClusterSessionView.Unknown) return null;
        return Of(view, null, await silo.Store.ReadForViewAsync(id, ct));
    }

    /// <summary>What its grain says of the session (<see cref="ClusterSessionView.Unknown"/> when none).</summary>
    public Task<ClusterSessionView> ViewAsync(string id) => CallAsync(id, g => g.GetAsync());

    /// <summary>
    /// Every session of the cluster, newest first, filtered by status (any case) and paged after the id
    /// <paramref name="after"/>. Which sessions there are comes from Redis (the posts and the state summaries); a session
    /// whose summary says it stopped is listed from it, one still owed a run asks its grain where it stands.
    /// </summary>
    public async Task<IReadOnlyList<ClusterSession>> ListAsync(string? status, int limit, string? after)
    {
        var store = silo.Store;
        var summaries = store.List().ToDictionary(s => s.Id, StringComparer.Ordinal);
        var posted = (await store.PostedAsync()).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var rows = new List<ClusterSession>(posted.Count);
        var owed = new List<(string Id, PostedSession? Post, SessionSummary? Summary)>();
        foreach (var id in posted.Keys.Union(summaries.Keys, StringComparer.Ordinal))
        {
            var post = posted.GetValueOrDefault(id);
            var summary = summaries.GetValueOrDefault(id);
            // Completed or failed is final; Running or Cancelled may be a run cut by a silo that died or stopped, still owed.
            if (summary?.Status is { } stored and not (SessionStateStatus.Running or SessionStateStatus.Cancelled))
                rows.Add(new ClusterSession(id, stored.ToString(), null, null, summary.PipelineName ?? post?.Pipeline, post?.FileName,
                    post?.PostedAt ?? summary.CreatedAt, summary.UpdatedAt, summary.Iteration, summary.Quality?.Overall, summary.StopReason, summary.Problem, null));
            else owed.Add((id, post, summary));
        }
        // The grains of the sessions still owed a run are asked at once, not one after another. One whose silo just died
        // cannot answer: listed as Interrupted (what it is until a living silo resumes it) rather than failing the list.
        var views = await Task.WhenAll(owed.Select(async o =>
        {
            try
            {
                return await ViewAsync(o.Id);
            }
            catch (SiloUnreachableException)
            {
                return new ClusterSessionView(o.Id, ClusterSessionView.Interrupted, null, 0, o.Post?.Pipeline, o.Post?.FileName, null);
            }
        }));
        for (var i = 0; i < owed.Count; i++)
        {
            var ((id, post, summary), view) = (owed[i], views[i]);
            if (view.Status == ClusterSessionView.Unknown) continue;
            rows.Add(new ClusterSession(id, view.Status, view.Silo, view.Silo is null ? null : view.Runs, summary?.PipelineName ?? view.Pipeline, view.FileName ?? post?.FileName,
                post?.PostedAt ?? summary?.CreatedAt, summary?.UpdatedAt, summary?.Iteration, summary?.Quality?.Overall, summary?.StopReason, view.Error, null));
        }
        IEnumerable<ClusterSession> ordered = rows
            .OrderByDescending(r => r.CreatedAt ?? DateTimeOffset.MinValue).ThenByDescending(r => r.Id, StringComparer.Ordinal);
        if (status is not null) ordered = ordered.Where(r => r.Status.Equals(status, StringComparison.OrdinalIgnoreCase));
        if (after is not null) ordered = ordered.SkipWhile(r => r.Id != after).Skip(1);
        return ordered.Take(limit).ToArray();
    }

    /// <summary>A report file of the session as the silo that ran it stored it; null when it has none (it stopped before one was written).</summary>
    public Task<byte[]?> ReadReportAsync(string id, string file) => silo.Store.ReadAttachmentAsync(id, file);

    /// <summary>Stops the session (it checkpoints); false when it was not owed a run.</summary>
    public Task<bool> CancelAsync(string id) => CallAsync(id, g => g.CancelAsync());

    /// <summary>Deletes a session the cluster no longer owes a run, everything of it in Redis included (<see cref="ISessionGrain.DeleteAsync"/>).</summary>
    public Task<SessionDeletion> DeleteAsync(string id) => CallAsync(id, g => g.DeleteAsync());

    /// <summary>
    /// The session's logged events numbered after <paramref name="afterSequence"/>, read from Redis as the session's
    /// driver appends them (every <see cref="FollowPoll"/>), until the session is no longer owed a run (its reports are
    /// then stored). A session whose silo just died is waited for: its grain moves to a living silo, and its events go on
    /// from there. Live-only events (node started, retrying) are not in the log and do not reach a follower.
    /// </summary>
    public async IAsyncEnumerable<SessionEvent> FollowAsync(string id, long afterSequence, [EnumeratorCancellation] CancellationToken ct)
    {
        long position = 0;
        var last = afterSequence;
        while (true)
        {
            // The status is read before the events: once it says stopped, the events read after hold all the session logged.
            bool stopped;
            try
            {
                stopped = !ClusterSession.IsActive((await ViewAsync(id)).Status);
            }
            catch (SiloUnreachableException)
            {
                stopped = false;
            }
            var (events, read) = await silo.Store.ReadEventsFromAsync(id, position);
            position += read;
            foreach (var e in events)
            {
                // A run resumed elsewhere goes on numbering from the log it found; anything at or below what was sent is not sent again.
                if (e.Sequence is not { } sequence || sequence <= last) continue;
                last = sequence;
                yield return e;
            }
            if (stopped) yield break;
            await Task.Delay(FollowPoll, ct);
        }
    }

    private Task<T> CallAsync<T>(string id, Func<ISessionGrain, Task<T>> call) => ThroughDropsAsync(() => CallOnceAsync(id, call));

    /// <summary>
    /// Runs <paramref name="work"/>, and again each time a dropped Redis connection cut it, once Redis answers, for up
    /// to <see cref="OutageRetryWithin"/>. The client's connection drops now and then also on a healthy loopback Redis
    /// under load and comes back within milliseconds; a cut command may or may not have run, so the work must be safe
    /// to repeat: the store's writes here set a value again, and every grain method may run twice (a submit finds its
    /// order there, a cancel its record inactive). An outage that lasts longer reaches the caller, which answers 503.
    /// </summary>
    private async Task<T> ThroughDropsAsync<T>(Func<Task<T>> work)
    {
        using var within = new CancellationTokenSource(OutageRetryWithin);
        while (true)
        {
            try
            {
                return await work();
            }
            catch (Exception e) when (RedisOutage.Caused(e) && !within.IsCancellationRequested)
            {
                try
                {
                    await silo.Store.WaitUntilReachableAsync(within.Token);
                }
                catch (OperationCanceledException)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e);
                }
            }
        }
    }

    private async Task<T> CallOnceAsync<T>(string id, Func<ISessionGrain, Task<T>> call)
    {
        try
        {
            return await call(grains.GetGrain<ISessionGrain>(id));
        }
        catch (Exception e) when (SiloUnreachableException.IsUnreachable(e))
        {
            throw new SiloUnreachableException(id, e);
        }
    }

    private static ClusterSession Of(ClusterSessionView view, DateTimeOffset? postedAt, SessionState? state) => new(
        view.Id, view.Status, view.Silo, view.Runs, state?.PipelineName ?? view.Pipeline, view.FileName, state?.CreatedAt ?? postedAt, state?.UpdatedAt,
        state?.Iteration, state?.QualityHistory.Count > 0 ? state.QualityHistory[^1].Overall : null, state?.StopReason, view.Error, state);
}
