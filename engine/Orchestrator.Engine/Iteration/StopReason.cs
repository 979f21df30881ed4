namespace Orchestrator.Engine.Iteration;

/// <summary>
/// Why a session stops iterating, in order of precedence: when several hold at once, the first is
/// recorded as the reason and the others are listed in <see cref="StopDecision.AlsoMet"/>.
/// </summary>
public enum StopReason
{
    /// <summary>Nothing says stop: run the next iteration.</summary>
    None,
    /// <summary>The next plan met a circular dependency (the pipeline changed into a broken one): fix the pipeline.</summary>
    CircularDependency,
    /// <summary>The overall quality reached <c>qualityThreshold</c>: the goal is met.</summary>
    QualityThreshold,
    /// <summary>The <c>rules.stop</c> rule said stop: the user's explicit decision.</summary>
    RuleStop,
    /// <summary>The next plan chooses nothing, and nothing is left undone for want of retries: the work is finished.</summary>
    NothingToRun,
    /// <summary>The next plan chooses nothing, and what has not succeeded will not be retried (out of retries, Invalid input, retries disabled, or blocked by those).</summary>
    OutOfRetries,
    /// <summary>The session has run for <c>sessionTimeout</c>.</summary>
    SessionTimeout,
    /// <summary><c>maxIterations</c> iterations have run (the loop cap).</summary>
    MaxIterations,
    /// <summary>The quality has not improved by more than <c>plateauEpsilon</c> over the last <c>plateauIterations</c> iterations.</summary>
    Plateau,
}
