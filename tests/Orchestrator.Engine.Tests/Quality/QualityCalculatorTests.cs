using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Quality;

namespace Orchestrator.Engine.Tests.Quality;

[TestFixture]
public sealed class QualityCalculatorTests
{
    private static PipelineDefinition Pipeline(params (string Id, double Weight)[] nodes) => new()
    {
        Name = "q",
        Nodes = nodes.Select(n => new NodeDefinition { Id = n.Id, Type = "t", Weight = n.Weight }).ToArray(),
    };

    [Test]
    public void Overall_is_the_weighted_mean_of_succeeded_nodes()
    {
        var q = QualityCalculator.Calculate(Pipeline(("a", 1), ("b", 3)),
            new Dictionary<string, NodeResult> { ["a"] = new() { Score = 0.2 }, ["b"] = new() { Score = 0.6 } });
        Assert.That(q.Overall, Is.EqualTo(0.5));
        Assert.That(q.Coverage, Is.EqualTo(1));
        Assert.That(q.Confidence, Is.EqualTo(1));
    }

    [Test]
    public void A_missing_node_lowers_coverage_and_confidence_not_the_score()
    {
        var q = QualityCalculator.Calculate(Pipeline(("a", 1), ("b", 1), ("c", 2)),
            new Dictionary<string, NodeResult> { ["a"] = new() { Score = 0.9 }, ["c"] = new() { Score = 0.6 } });
        Assert.That(q.Overall, Is.EqualTo(0.7));
        Assert.That(q.Coverage, Is.EqualTo(0.6667));
        Assert.That(q.Confidence, Is.EqualTo(0.75));
        Assert.That(q.Nodes.Single(n => n.NodeId == "b").Score, Is.Null);
    }

    [Test]
    public void A_node_confidence_metric_weighs_in()
    {
        var q = QualityCalculator.Calculate(Pipeline(("a", 1), ("b", 1)), new Dictionary<string, NodeResult>
        {
            ["a"] = new() { Score = 0.5, Metrics = new Dictionary<string, double> { ["confidence"] = 0.4 } },
            ["b"] = new() { Score = 0.5 },
        });
        Assert.That(q.Confidence, Is.EqualTo(0.7));
    }

    [Test]
    public void Zero_weight_nodes_do_not_count_in_the_score()
    {
        var q = QualityCalculator.Calculate(Pipeline(("a", 1), ("summary", 0)),
            new Dictionary<string, NodeResult> { ["a"] = new() { Score = 0.8 }, ["summary"] = new() { Score = 0.1 } });
        Assert.That(q.Overall, Is.EqualTo(0.8));
    }

    [Test]
    public void Nothing_succeeded_scores_zero()
    {
        var q = QualityCalculator.Calculate(Pipeline(("a", 1)), new Dictionary<string, NodeResult>());
        Assert.That(q, Has.Property("Overall").EqualTo(0.0).And.Property("Coverage").EqualTo(0.0).And.Property("Confidence").EqualTo(0.0));
    }
}
