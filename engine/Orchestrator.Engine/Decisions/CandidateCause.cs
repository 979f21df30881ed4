namespace Orchestrator.Engine.Decisions;

/// <summary>Why a node is a candidate of a plan.</summary>
public enum CandidateCause
{
    /// <summary>It has not run yet (or did not finish: pending, running when the state was written).</summary>
    NotRunYet,
    /// <summary>Its latest action was cancelled.</summary>
    Cancelled,
    /// <summary>Its latest action was skipped because a dependency had not succeeded.</summary>
    Skipped,
    /// <summary>It failed or timed out and has retry budget left.</summary>
    Retry,
    /// <summary>It succeeded, but its inputs have changed since (hash differs).</summary>
    InputsChanged,
    /// <summary>It succeeded, but a dependency re-runs in this plan (<see cref="PlanningOptions.CascadeReruns"/>).</summary>
    DependencyRerun,
    /// <summary>It succeeded, and the caller asked for a re-run (<see cref="PlanningInput.RerunRequests"/>).</summary>
    Requested,
}
