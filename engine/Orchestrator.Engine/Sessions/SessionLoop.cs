using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Nodes;

namespace Orchestrator.Engine.Sessions;

/// <summary>
/// Drives sessions through a compiled network, iteration after iteration: plan (decision engine, then the
/// select rule), run the chosen nodes, score, decide whether to stop (iteration controller, stop rule), plan
/// the next strategy (escalations, re-runs), let revising nodes change the subject, and again. The state
/// goes to the session's journal after every outcome, so a crash loses at most the actions in flight (and, with a
/// journal that writes behind, outcomes not yet written), which a resume runs again.
/// </summary>
/// <remarks>
/// One loop serves any number of sessions at once (it keeps no per-session fields); each session shares the
/// network's blocks, so node parallelism bounds hold across sessions. A session whose strategy overrides a
/// node (a raised timeout, escalated options) runs on a network of its own compiled with those overrides,
/// because a compiled network's policies are fixed.
/// </remarks>
public sealed class SessionLoop(DataflowNetwork network, NodeRegistry registry)
{
    internal NodeRegistry Registry { get; } = registry;

    public DataflowNetwork Network => network;

    /// <summary>Runs (or resumes) a session until a stop condition holds, cancellation, or a rule failure.</summary>
    /// <remarks>
    /// Never throws for node failures (they are outcomes) nor for rule failures (the session ends
    /// <see cref="SessionStatus.Failed"/> with <see cref="SessionResult.Failure"/>); a journal that cannot write
    /// throws, because a session that cannot be saved must not go on as if it could.
    /// </remarks>
    public async Task<SessionResult> RunAsync(SessionRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var session = new SessionDriver(this, run);
        return await session.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
