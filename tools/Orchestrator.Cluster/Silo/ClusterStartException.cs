namespace Orchestrator.Cluster.Silo;

/// <summary>A silo cannot start: Redis unreachable, a bad <c>--cluster</c> value. The message names the culprit.</summary>
public sealed class ClusterStartException(string message, Exception? inner = null) : Exception(message, inner);
