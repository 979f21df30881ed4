namespace Orchestrator.Engine.Decisions;

/// <summary>Why a node is not run by a plan.</summary>
public enum FilterKind
{
    /// <summary>It succeeded and its inputs are unchanged.</summary>
    UpToDate,
    /// <summary>It failed or timed out <c>maxActionFailures</c> times.</summary>
    OutOfRetries,
    /// <summary>Its latest action ended Invalid: never retried.</summary>
    InvalidInput,
    /// <summary>It failed and <c>settings.enableRetries</c> is false.</summary>
    RetriesDisabled,
    /// <summary>A dependency neither succeeded nor runs in this plan (<see cref="FilteredNode.BlockedBy"/> says which node is the cause).</summary>
    DependencyNotReady,
    /// <summary>It was launched less than <c>settings.actionSpacing</c> ago (<see cref="FilteredNode.EligibleAt"/> says when it may run).</summary>
    ActionSpacing,
    /// <summary>It is on, or depends on, a circular dependency.</summary>
    CircularDependency,
    /// <summary>It was a candidate, but the select rule left it out.</summary>
    NotSelected,
}
