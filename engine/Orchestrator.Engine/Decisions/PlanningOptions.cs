namespace Orchestrator.Engine.Decisions;

/// <summary>
/// Planning settings that are not (yet) pipeline settings. The lead maps
/// <see cref="MaxActionFailures"/> to <c>settings.maxActionFailures</c> in the schema.
/// </summary>
public sealed record PlanningOptions
{
    public static readonly PlanningOptions Default = new();

    /// <summary>
    /// Failed or timed-out actions a node may have over the whole session before it is no longer
    /// re-planned (each action already made its own in-action retries). 0: a failed node is never
    /// re-planned. Default 2: one more try in a later iteration.
    /// </summary>
    public int MaxActionFailures { get; init; } = 2;

    /// <summary>
    /// When a node re-runs, re-run in the same pass the succeeded nodes that depend on it (their input
    /// is about to change, and the caller's hash of their input cannot know it yet). Default true: a
    /// pass leaves no stale result behind. False: a dependant waits for the next iteration, when its
    /// input hash shows whether its input really changed.
    /// </summary>
    public bool CascadeReruns { get; init; } = true;

    public PriorityWeights Weights { get; init; } = PriorityWeights.Default;

    internal void Validate()
    {
        if (MaxActionFailures < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxActionFailures), MaxActionFailures, "maxActionFailures must be >= 0");
        ArgumentNullException.ThrowIfNull(Weights);
        Weights.Validate();
    }
}
