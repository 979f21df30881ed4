using Orchestrator.Engine.State;

namespace Orchestrator.Server.Sessions;

/// <summary>
/// What the session endpoints stand on: posting, listing, showing, cancelling and following sessions, and reading their
/// reports. The endpoints read and check the request (upload, fields, ids) and shape the answer; where sessions run and
/// are kept is this seam's business. By default it is this server's own queue and data folder
/// (<see cref="LocalSessionBackend"/>); a host's add-on registers another in DI (<c>serve --cluster</c>: the cluster's
/// session grains), and the API, its response shapes and the status page stay the same.
/// </summary>
/// <remarks>
/// What a client can act on (no such session, not finished yet, queue full, unavailable for a moment) is thrown as
/// <see cref="SessionRefusedException"/> and answered as problem+json.
/// </remarks>
public interface ISessionBackend
{
    /// <summary>Starts a session for a checked, loaded upload, or answers with the session that already does this work.</summary>
    /// <returns>The session, and whether this post created it (answered 202, like a session still queued or running).</returns>
    Task<(SessionView View, bool Created)> PostAsync(SessionPost post, CancellationToken ct);

    /// <summary>
    /// Starts one session per manuscript of a batch, all or none (429 when they do not all fit); a manuscript whose work is
    /// already done or under way is answered with that session (not created) and starts nothing. <paramref name="record"/>
    /// is called once every session exists and before this server starts running any (a run that ends records its
    /// result in its batch, which must be saved by then).
    /// </summary>
    Task<IReadOnlyList<(SessionView View, bool Created)>> PostBatchAsync(IReadOnlyList<SessionPost> posts,
        Func<IReadOnlyList<(SessionView View, bool Created)>, Task> record, CancellationToken ct);

    /// <summary>The session; null when there is none by that id.</summary>
    Task<SessionView?> FindAsync(string id, CancellationToken ct);

    /// <summary>Sessions newest first, filtered by status (any case), after the id <paramref name="after"/>; items without their nodes.</summary>
    Task<IReadOnlyList<SessionView>> ListAsync(string? status, int limit, string? after, CancellationToken ct);

    /// <summary>One report file of a stopped session (<c>report.json</c>, <c>report.md</c>, <c>report.html</c>).</summary>
    /// <exception cref="SessionRefusedException">404 no session or no such report; 409 still queued or running.</exception>
    Task<ReportContent> ReportAsync(string id, string file, CancellationToken ct);

    /// <summary>Stops a queued or running session (it checkpoints); the session as it is then.</summary>
    /// <exception cref="SessionRefusedException">404 no session; 409 neither queued nor running.</exception>
    Task<SessionView> CancelAsync(string id, CancellationToken ct);

    /// <summary>Queues a cancelled, interrupted or failed session again.</summary>
    /// <exception cref="SessionRefusedException">404, 409, 429; 501 where sessions resume by themselves.</exception>
    Task<SessionView> ResumeAsync(string id, CancellationToken ct);

    /// <summary>Deletes a stopped session.</summary>
    /// <exception cref="SessionRefusedException">404; 409 while it is queued or running (in a cluster: or interrupted, or its lease is held).</exception>
    Task DeleteAsync(string id, CancellationToken ct);

    /// <summary>
    /// The session's events numbered after <paramref name="afterSequence"/>: its log, then the live ones, without a gap
    /// or a repeat. Ends by itself once the session is neither queued nor running and its reports are written (the
    /// caller then reads its final status); while it waits (queued, or a run that is yet to begin) it yields nothing.
    /// </summary>
    IAsyncEnumerable<SessionEvent> FollowAsync(string id, long afterSequence, CancellationToken ct);
}
