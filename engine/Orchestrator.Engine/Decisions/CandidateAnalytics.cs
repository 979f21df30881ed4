namespace Orchestrator.Engine.Decisions;

/// <summary>One candidate of <see cref="PlanAnalytics"/>: its rank (1 = launched first), score, cause and score terms.</summary>
public sealed record CandidateAnalytics(
    string Node,
    int Rank,
    double Score,
    string Cause,
    string CauseText,
    int Attempt,
    ScoreTerms Terms,
    double ChainSeconds,
    double DurationSeconds,
    string DurationSource,
    int TransitiveDependants,
    bool OnCriticalPath,
    string Reason);
