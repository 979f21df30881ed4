using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Iteration;

/// <summary>What <see cref="IterationController.Evaluate"/> decides from, after an iteration.</summary>
public sealed record IterationFacts
{
    /// <summary>The iteration just finished, starting at 1.</summary>
    public required int Iteration { get; init; }

    public required PipelineSettings Settings { get; init; }

    /// <summary>When the session started (a resumed session keeps its first start).</summary>
    public required DateTimeOffset SessionStartedAt { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>Every finished iteration, oldest first; the last one is <see cref="Iteration"/>. Its quality is the current quality.</summary>
    public required IReadOnlyList<IterationMetrics> History { get; init; }

    /// <summary>
    /// The plan of the next iteration, after the select rule when there is one (then a rule that chooses
    /// nothing stops the run as <see cref="StopReason.NothingToRun"/> instead of spinning to the cap).
    /// </summary>
    public required IterationPlan NextPlan { get; init; }

    /// <summary>The verdict of <c>rules.stop</c>; null when the pipeline has no stop rule.</summary>
    public RuleStopVerdict? Rule { get; init; }

    public IterationOptions Options { get; init; } = IterationOptions.Default;
}
