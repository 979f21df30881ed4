namespace Orchestrator.Engine.Graph;

/// <summary>Where a node's duration for the critical path came from.</summary>
public enum DurationSource
{
    /// <summary>Passed in directly by the caller.</summary>
    Given,

    /// <summary>Measured during a run.</summary>
    Observed,

    /// <summary>The node's <c>estimatedDuration</c>.</summary>
    Estimated,

    /// <summary>The node's own <c>timeout</c>: an upper bound.</summary>
    Timeout,

    /// <summary>The pipeline's <c>settings.actionTimeout</c>: an upper bound.</summary>
    ActionTimeout,
}
