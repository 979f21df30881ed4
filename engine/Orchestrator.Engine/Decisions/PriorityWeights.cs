namespace Orchestrator.Engine.Decisions;

/// <summary>
/// The weights of the priority score's terms (see <see cref="DecisionEngine"/> for the formula). Each
/// term is in [0, 1] before weighting, so a weight is the most points its term can add or take away.
/// </summary>
/// <param name="Priority">Configured <c>priority</c>, divided by the largest |priority| in the pipeline (so in [-1, 1]).</param>
/// <param name="CriticalPath">Remaining chain through the node, divided by the longest remaining chain.</param>
/// <param name="Dependants">Transitive dependants, divided by the most any node has.</param>
/// <param name="ObservedDuration">Observed duration, divided by the longest observed among the candidates.</param>
/// <param name="FailurePenalty">Failures so far, divided by <c>maxActionFailures</c> (capped at 1); subtracted.</param>
/// <param name="LoadPenalty">Running actions, divided by the node's parallelism (capped at 1); subtracted.</param>
public sealed record PriorityWeights(
    double Priority = 3.0,
    double CriticalPath = 2.0,
    double Dependants = 1.0,
    double ObservedDuration = 0.5,
    double FailurePenalty = 1.5,
    double LoadPenalty = 1.0)
{
    public static readonly PriorityWeights Default = new();

    internal void Validate()
    {
        Check(Priority, nameof(Priority));
        Check(CriticalPath, nameof(CriticalPath));
        Check(Dependants, nameof(Dependants));
        Check(ObservedDuration, nameof(ObservedDuration));
        Check(FailurePenalty, nameof(FailurePenalty));
        Check(LoadPenalty, nameof(LoadPenalty));
    }

    private static void Check(double weight, string name)
    {
        if (!double.IsFinite(weight) || weight < 0)
            throw new ArgumentOutOfRangeException(name, weight, $"the weight {name} must be a finite number >= 0");
    }
}
