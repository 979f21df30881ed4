using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Quality;

/// <summary>
/// Weighted mean of node scores with the pipeline's weights. Nodes without a result do not drag
/// the mean down (that would mix "bad book" with "node crashed"); they lower <c>Coverage</c>,
/// the weight share of nodes that produced a result.
/// </summary>
public static class QualityCalculator
{
    public static QualityScore Calculate(PipelineDefinition pipeline, IReadOnlyDictionary<string, NodeResult> results)
    {
        double weighted = 0, scoredWeight = 0, totalWeight = 0;
        var nodes = new List<NodeQuality>(pipeline.Nodes.Count);
        foreach (var node in pipeline.Nodes)
        {
            totalWeight += node.Weight;
            double? score = results.TryGetValue(node.Id, out var r) ? r.Score : null;
            nodes.Add(new NodeQuality(node.Id, score, node.Weight));
            if (score is null) continue;
            weighted += score.Value * node.Weight;
            scoredWeight += node.Weight;
        }
        var overall = scoredWeight > 0 ? weighted / scoredWeight : 0;
        var coverage = totalWeight > 0 ? scoredWeight / totalWeight : 0;
        return new QualityScore(Math.Round(overall, 4), Math.Round(coverage, 4), nodes);
    }
}
