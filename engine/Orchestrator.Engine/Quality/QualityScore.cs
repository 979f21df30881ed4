namespace Orchestrator.Engine.Quality;

/// <summary>
/// The overall quality of a session: the weighted mean of the scores of the nodes that succeeded,
/// the share of nodes that succeeded (coverage), how far the figure can be trusted (confidence), and
/// each node's contribution.
/// </summary>
public sealed record QualityScore(double Overall, double Coverage, double Confidence, IReadOnlyList<NodeQuality> Nodes)
{
    public static readonly QualityScore None = new(0, 0, 0, []);
}

/// <summary>One node's part in the overall score; Score is null when the node has no result.</summary>
public sealed record NodeQuality(string NodeId, double? Score, double Weight);
