namespace Orchestrator.Engine.Pipelines;

/// <summary>Run-wide settings of a pipeline. Defaults match pipeline.schema.json.</summary>
public sealed record PipelineSettings
{
    public int MaxIterations { get; init; } = 5;
    public double QualityThreshold { get; init; } = 0.8;

    /// <summary>Global bound on actions running at once, across every node block.</summary>
    public int MaxConcurrentActions { get; init; } = 4;
    public TimeSpan ActionTimeout { get; init; } = TimeSpan.FromMinutes(5);
    public bool EnableRetries { get; init; } = true;
    public int MaxRetriesPerAction { get; init; } = 3;

    /// <summary>Base delay of the exponential retry backoff.</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Minimum interval between two launches of the same node.</summary>
    public TimeSpan ActionSpacing { get; init; } = TimeSpan.Zero;
    public TimeSpan SessionTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Failed or timed-out actions a node may have over a session before it is no longer re-planned.</summary>
    public int MaxActionFailures { get; init; } = 2;

    /// <summary>A quality gain larger than this counts as progress.</summary>
    public double PlateauEpsilon { get; init; } = 0.005;

    /// <summary>Iterations without progress that stop a session as a plateau.</summary>
    public int PlateauIterations { get; init; } = 2;

    /// <summary>Re-run, in the same pass, the succeeded dependants of a node that re-runs.</summary>
    public bool CascadeReruns { get; init; } = true;

    /// <summary>
    /// The reference library the pipeline's nodes consult, by name (the host opens it; <c>--library</c> overrides it).
    /// The engine only carries the name. None by default.
    /// </summary>
    public string? Library { get; init; }
}
