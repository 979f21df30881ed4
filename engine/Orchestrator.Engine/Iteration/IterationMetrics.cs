using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Decisions;

namespace Orchestrator.Engine.Iteration;

/// <summary>The performance of one iteration, for the event log and the report.</summary>
/// <param name="Iteration">The iteration, starting at 1.</param>
/// <param name="StartedAt">When its execution started.</param>
/// <param name="Duration">How long its execution took.</param>
/// <param name="ActionsRun">Actions that started (skipped and never-started cancelled ones excluded).</param>
/// <param name="Succeeded">Actions that succeeded.</param>
/// <param name="Failures">Actions that ended Failed, TimedOut or Invalid.</param>
/// <param name="Retries">Attempts beyond the first inside the actions (the in-action retries).</param>
/// <param name="RetriedActions">Actions that were a retry of an earlier iteration's failure.</param>
/// <param name="Skipped">Actions skipped because a dependency did not succeed.</param>
/// <param name="Quality">The overall quality after the iteration.</param>
/// <param name="QualityDelta">Quality minus the previous iteration's; null for the first.</param>
public sealed record IterationMetrics(
    int Iteration,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    int ActionsRun,
    int Succeeded,
    int Failures,
    int Retries,
    int RetriedActions,
    int Skipped,
    double Quality,
    double? QualityDelta)
{
    /// <param name="report">The execution of the iteration.</param>
    /// <param name="quality">The overall quality after it.</param>
    /// <param name="previous">The metrics of the iteration before; null for the first.</param>
    /// <param name="plan">The plan it ran, to count the retries of earlier failures; optional.</param>
    public static IterationMetrics From(ExecutionReport report, double quality, IterationMetrics? previous = null, IterationPlan? plan = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        int run = 0, succeeded = 0, failures = 0, retries = 0, skipped = 0;
        foreach (var outcome in report.Outcomes)
        {
            if (outcome.Status == ActionStatus.Skipped) skipped++;
            if (outcome.Attempts == 0) continue;
            run++;
            retries += outcome.Attempts - 1;
            switch (outcome.Status)
            {
                case ActionStatus.Succeeded: succeeded++; break;
                case ActionStatus.Failed or ActionStatus.TimedOut or ActionStatus.Invalid: failures++; break;
            }
        }
        var retried = plan?.Chosen.Count(c => c.Cause == CandidateCause.Retry) ?? 0;
        return new IterationMetrics(
            report.Iteration, report.StartedAt, report.Duration, run, succeeded, failures, retries, retried, skipped,
            quality, previous is null ? null : Math.Round(quality - previous.Quality, 4));
    }
}
