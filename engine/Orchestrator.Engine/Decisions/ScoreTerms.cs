namespace Orchestrator.Engine.Decisions;

/// <summary>
/// The weighted terms of a candidate's score, each rounded to 4 decimals; the score is
/// <see cref="Total"/>. Penalties are stored as positive numbers and subtracted.
/// </summary>
public sealed record ScoreTerms(
    double Priority,
    double CriticalPath,
    double Dependants,
    double ObservedDuration,
    double FailurePenalty,
    double LoadPenalty)
{
    public double Total => Math.Round(Priority + CriticalPath + Dependants + ObservedDuration - FailurePenalty - LoadPenalty, 4);
}
