namespace Orchestrator.Engine.Pipelines;

/// <summary>One node of a pipeline file.</summary>
public sealed record NodeDefinition
{
    public required string Id { get; init; }

    /// <summary>The node type, resolved through the node registry.</summary>
    public required string Type { get; init; }
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>MaxDegreeOfParallelism of the node's block.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>BoundedCapacity of the node's block; null means unbounded.</summary>
    public int? BoundedCapacity { get; init; }

    /// <summary>Per-attempt timeout; null means the pipeline's actionTimeout.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Retries for this node; null means the pipeline's maxRetriesPerAction.</summary>
    public int? Retries { get; init; }
    public int Priority { get; init; }

    /// <summary>Weight of the node's score in the overall quality score.</summary>
    public double Weight { get; init; } = 1.0;

    /// <summary>Expected duration, used for the critical path before a run has observed one.</summary>
    public TimeSpan? EstimatedDuration { get; init; }
    public NodeOptions Options { get; init; } = NodeOptions.Empty;
}
