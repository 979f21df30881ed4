using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Quality;

namespace Orchestrator.Engine.Sessions;

/// <summary>
/// Drives one session through a compiled network: runs the pipeline's nodes in dependency order,
/// then scores the results. It owns no state between sessions, so one network can serve many.
/// </summary>
/// <remarks>
/// This is the single-pass session of the foundation: every node runs once (with its retries).
/// The decision engine and iteration controller replace the "what to run next" step here.
/// </remarks>
public sealed class SessionRunner(DataflowNetwork network, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<SessionResult> RunAsync(string sessionId, object subject, object? requirements, CancellationToken cancellationToken)
    {
        var startedAt = _time.GetUtcNow();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = await network.ExecuteAsync(new ExecutionRequest
        {
            SessionId = sessionId,
            Iteration = 1,
            Subject = subject,
            Requirements = requirements,
        }, cancellationToken).ConfigureAwait(false);

        var results = new Dictionary<string, NodeResult>(report.SucceededResults, StringComparer.Ordinal);
        var cancelled = report.Outcomes.Any(o => o.Status == ActionStatus.Cancelled);
        var status = cancelled ? SessionStatus.Cancelled
            : report.AllSucceeded ? SessionStatus.Completed
            : SessionStatus.CompletedWithErrors;
        var stopReason = status switch
        {
            SessionStatus.Cancelled => "cancelled before every node finished",
            SessionStatus.Completed => "every node succeeded",
            _ => $"every node ran; {report.Outcomes.Count(o => o.Status != ActionStatus.Succeeded)} did not succeed",
        };
        return new SessionResult
        {
            SessionId = sessionId,
            Status = status,
            Iterations = 1,
            StopReason = stopReason,
            Outcomes = report.Outcomes,
            Results = results,
            Quality = QualityCalculator.Calculate(network.Pipeline, results),
            StartedAt = startedAt,
            Duration = clock.Elapsed,
        };
    }
}
