namespace Orchestrator.Engine.Pipelines;

/// <summary>
/// The ranges of numbers and the durations of a pipeline file, checked by
/// <see cref="PipelineSemanticValidator"/> with messages that say the allowed range. They mirror
/// pipeline.schema.json; a test keeps the two in step.
/// </summary>
internal static class PipelineLimits
{
    /// <summary>Where a field lives: the root object, <c>settings</c>, each of <c>nodes</c>, or <c>rules</c>.</summary>
    public enum Scope { Root, Settings, Node, Rules }

    public sealed record NumberRange(Scope Scope, string Property, double Minimum, double Maximum, bool Integer);

    /// <summary>
    /// A duration field and the range the runtime accepts; <paramref name="Positive"/> when zero makes no sense
    /// (a timeout). An attempt's timeout and a retry delay are Polly's, which takes 10 ms to one day and zero
    /// to one day; the others are kept where adding them to a date cannot overflow.
    /// </summary>
    public sealed record DurationField(Scope Scope, string Property, bool Positive, TimeSpan Minimum, TimeSpan Maximum);

    /// <summary>Longest attempt timeout, retry delay, spacing and rule budget: one day (Polly's limit).</summary>
    public static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    /// <summary>Shortest attempt timeout Polly runs: 10 ms.</summary>
    public static readonly TimeSpan MinimumAttemptTimeout = TimeSpan.FromMilliseconds(10);

    /// <summary>Longest session timeout and estimated duration.</summary>
    public static readonly TimeSpan OneYear = TimeSpan.FromDays(365);

    public static readonly IReadOnlyList<NumberRange> Numbers =
    [
        new(Scope.Root, "version", 1, int.MaxValue, true),
        new(Scope.Settings, "maxIterations", 1, 1000, true),
        new(Scope.Settings, "qualityThreshold", 0, 1, false),
        new(Scope.Settings, "maxConcurrentActions", 1, 1024, true),
        new(Scope.Settings, "maxRetriesPerAction", 0, 100, true),
        new(Scope.Settings, "maxActionFailures", 0, 100, true),
        // Quality is in [0, 1]: no gain can exceed 1, so a larger epsilon is a mistake (5 meant as 5 %).
        new(Scope.Settings, "plateauEpsilon", 0, 1, false),
        new(Scope.Settings, "plateauIterations", 1, 1000, true),
        new(Scope.Node, "parallelism", 1, 64, true),
        new(Scope.Node, "boundedCapacity", 1, 100_000, true),
        new(Scope.Node, "retries", 0, 100, true),
        new(Scope.Node, "priority", -100, 100, true),
        new(Scope.Node, "weight", 0, 100, false),
    ];

    public static readonly IReadOnlyList<DurationField> Durations =
    [
        new(Scope.Settings, "actionTimeout", true, MinimumAttemptTimeout, OneDay),
        new(Scope.Settings, "retryBackoff", false, TimeSpan.Zero, OneDay),
        new(Scope.Settings, "actionSpacing", false, TimeSpan.Zero, OneDay),
        new(Scope.Settings, "sessionTimeout", true, TimeSpan.Zero, OneYear),
        new(Scope.Node, "timeout", true, MinimumAttemptTimeout, OneDay),
        new(Scope.Node, "estimatedDuration", false, TimeSpan.Zero, OneYear),
        new(Scope.Rules, "timeout", true, TimeSpan.Zero, OneDay),
    ];
}
