namespace Orchestrator.Engine.Decisions;

/// <summary>
/// The decisions of one iteration as plain data (strings, numbers, lists: serialisable as is) for
/// the session's event log, the report and <c>sessions show</c>.
/// </summary>
/// <param name="Iteration">The iteration planned.</param>
/// <param name="PlannedAt">When it was planned.</param>
/// <param name="Candidates">Every candidate, in launch order, with its score terms.</param>
/// <param name="Chosen">What runs, in order, and why each one.</param>
/// <param name="Filtered">What does not run, in file order, and why.</param>
/// <param name="CriticalPath">The longest chain of the pass.</param>
/// <param name="CriticalPathSeconds">Its duration.</param>
/// <param name="Cycles">Circular dependencies found at plan time.</param>
/// <param name="NextEligibleAt">When the first node held back by action spacing may launch.</param>
/// <param name="SelectionApplied">Whether a select rule chose.</param>
public sealed record PlanAnalytics(
    int Iteration,
    DateTimeOffset PlannedAt,
    IReadOnlyList<CandidateAnalytics> Candidates,
    IReadOnlyList<ChosenAnalytics> Chosen,
    IReadOnlyList<FilteredAnalytics> Filtered,
    IReadOnlyList<string> CriticalPath,
    double CriticalPathSeconds,
    IReadOnlyList<string> Cycles,
    DateTimeOffset? NextEligibleAt,
    bool SelectionApplied);
