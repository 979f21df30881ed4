namespace Orchestrator.Cluster.Placement;

/// <summary>A post of a pipeline with <c>llm</c> nodes while no active silo of the cluster declares a model.</summary>
public sealed class NoModelSiloException(string pipeline)
    : Exception($"pipeline '{pipeline}' has llm nodes and no active silo of the cluster declares a model (serve --model); start one, or post again later")
{
    /// <summary>What a client is told to wait before posting again: a silo takes seconds to start and join.</summary>
    public const int RetryAfterSeconds = 30;
}
