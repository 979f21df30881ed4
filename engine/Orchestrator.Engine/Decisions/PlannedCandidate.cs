using Orchestrator.Engine.Graph;

namespace Orchestrator.Engine.Decisions;

/// <summary>A node the plan proposes to run, with its score and the reason in words.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Score">Its priority score: higher launches first (see <see cref="DecisionEngine"/>).</param>
/// <param name="Cause">Why it is a candidate.</param>
/// <param name="CauseText">Why it is a candidate, in words ("inputs changed since its last success").</param>
/// <param name="Reason">The cause and every term of the score, in words with their numbers.</param>
/// <param name="Attempt">The action this would be for the node in the session, starting at 1.</param>
/// <param name="Terms">The weighted terms of the score.</param>
/// <param name="Chain">The remaining chain through the node: its duration plus the longest chain of candidates after it.</param>
/// <param name="Duration">The node's own duration used for the chain.</param>
/// <param name="DurationSource">Where <paramref name="Duration"/> came from (observed, estimated, a timeout).</param>
/// <param name="TransitiveDependants">Nodes that depend on it directly or through others.</param>
/// <param name="OnCriticalPath">Whether it lies on the longest chain of this pass.</param>
public sealed record PlannedCandidate(
    string NodeId,
    double Score,
    CandidateCause Cause,
    string CauseText,
    string Reason,
    int Attempt,
    ScoreTerms Terms,
    TimeSpan Chain,
    TimeSpan Duration,
    DurationSource DurationSource,
    int TransitiveDependants,
    bool OnCriticalPath)
{
    /// <summary>
    /// Set on a node the select rule did not name but a node it named depends on: the first such node,
    /// in the rule's order (the candidate was added, see <see cref="IterationPlan.WithSelection"/>).
    /// </summary>
    public string? NeededBy { get; init; }

    internal int Index { get; init; }
}
