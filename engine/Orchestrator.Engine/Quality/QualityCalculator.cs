using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Quality;

/// <summary>
/// Overall = weighted mean of node scores with the pipeline's weights, over the nodes that produced a
/// result: a node that crashed does not drag the score down (that would mix "bad book" with "node
/// failed"); instead it lowers <c>Coverage</c> (succeeded nodes / all nodes) and <c>Confidence</c>.
/// Confidence = Σ weight × node confidence over nodes with a result / Σ weight over all nodes, where a
/// node's confidence is its <c>confidence</c> metric when it reports one (clamped to [0,1]), else 1.
/// Deterministic: same results, same pipeline, same figures.
/// </summary>
public static class QualityCalculator
{
    /// <summary>The metric a node may report to say how far its own score can be trusted.</summary>
    public const string ConfidenceMetric = "confidence";

    public static QualityScore Calculate(PipelineDefinition pipeline, IReadOnlyDictionary<string, NodeResult> results)
    {
        double weighted = 0, scoredWeight = 0, totalWeight = 0, trusted = 0;
        var succeeded = 0;
        var nodes = new List<NodeQuality>(pipeline.Nodes.Count);
        foreach (var node in pipeline.Nodes)
        {
            totalWeight += node.Weight;
            results.TryGetValue(node.Id, out var result);
            nodes.Add(new NodeQuality(node.Id, result?.Score, node.Weight));
            if (result is null) continue;
            succeeded++;
            weighted += result.Score * node.Weight;
            scoredWeight += node.Weight;
            var confidence = result.Metrics.TryGetValue(ConfidenceMetric, out var c) ? Math.Clamp(c, 0, 1) : 1;
            trusted += confidence * node.Weight;
        }
        var overall = scoredWeight > 0 ? weighted / scoredWeight : 0;
        var coverage = pipeline.Nodes.Count > 0 ? (double)succeeded / pipeline.Nodes.Count : 0;
        var confidenceAll = totalWeight > 0 ? trusted / totalWeight : coverage;
        return new QualityScore(Math.Round(overall, 4), Math.Round(coverage, 4), Math.Round(confidenceAll, 4), nodes);
    }
}
