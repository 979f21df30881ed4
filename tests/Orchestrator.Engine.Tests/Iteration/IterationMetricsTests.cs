using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.Iteration;
using Orchestrator.Engine.Nodes;
using static Orchestrator.Engine.Tests.Decisions.PlanningSamples;

namespace Orchestrator.Engine.Tests.Iteration;

public sealed class IterationMetricsTests
{
    private static ActionOutcome Outcome(string node, ActionStatus status, int attempts) => new()
    {
        SessionId = "s", NodeId = node, Iteration = 2, Status = status, Attempts = attempts,
        Result = status == ActionStatus.Succeeded ? new NodeResult { Score = 0.5 } : null,
        Duration = TimeSpan.FromSeconds(attempts),
    };

    [Test]
    public void Metrics_count_actions_failures_retries_and_the_quality_delta()
    {
        var report = new ExecutionReport("s", 2,
        [
            Outcome("top", ActionStatus.Succeeded, 1),
            Outcome("left", ActionStatus.Succeeded, 3),
            Outcome("right", ActionStatus.TimedOut, 2),
            Outcome("bottom", ActionStatus.Skipped, 0),
            Outcome("extra", ActionStatus.Invalid, 1),
        ], Now, TimeSpan.FromSeconds(42));
        var previous = new IterationMetrics(1, Now.AddMinutes(-1), TimeSpan.FromSeconds(30), 4, 3, 1, 0, 0, 0, 0.6, null);
        var plan = Plan(Diamond(), Succeeded("top", "changed"), Failed("left", 1), WithStatus("right", ActionStatus.Cancelled));

        var metrics = IterationMetrics.From(report, 0.6234, previous, plan);

        Assert.That(metrics, Is.EqualTo(new IterationMetrics(
            Iteration: 2, StartedAt: Now, Duration: TimeSpan.FromSeconds(42), ActionsRun: 4, Succeeded: 2, Failures: 2,
            Retries: 3, RetriedActions: 1, Skipped: 1, Quality: 0.6234, QualityDelta: 0.0234)));
        Assert.That(IterationMetrics.From(report, 0.5).QualityDelta, Is.Null);
    }
}
