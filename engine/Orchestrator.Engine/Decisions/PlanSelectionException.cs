namespace Orchestrator.Engine.Decisions;

/// <summary>A selection named nodes that are not candidates of the plan; the message lists each with why.</summary>
public sealed class PlanSelectionException : ArgumentException
{
    public PlanSelectionException(string message, IReadOnlyList<string> unknownIds, IReadOnlyList<string> notCandidateIds)
        : base(message)
    {
        UnknownIds = unknownIds;
        NotCandidateIds = notCandidateIds;
    }

    /// <summary>Ids the pipeline has no node for.</summary>
    public IReadOnlyList<string> UnknownIds { get; }

    /// <summary>Nodes of the pipeline that are not candidates of this plan.</summary>
    public IReadOnlyList<string> NotCandidateIds { get; }
}
