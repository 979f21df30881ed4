using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Recommendations;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Tests.Recommendations;

[TestFixture]
public sealed class RecommendationsNodeTests
{
    private static readonly ManuscriptDocument Doc = TextIndexer.Build(
        "Chapter 1\n\nIt was a dark night. The the rain fell.\n\nChapter 2\n\nShe felt the cold. He ran.\n", "t", "h");

    private static KeyValuePair<string, NodeResult> Source(string id, double score, params Finding[] findings) =>
        KeyValuePair.Create(id, new NodeResult { Score = score, Findings = findings });

    private static Finding At(string rule, Severity severity, int chapter, int offset, int length, string message = "m") =>
        new(rule, severity, message, "fix it", new TextLocation(chapter, 1, offset, length), "evidence");

    [Test]
    public void Exact_duplicates_are_removed_and_counted()
    {
        var f = At("style.echo", Severity.Suggestion, 1, 20, 3, "echo of 'rain'");
        var result = RecommendationsNode.Consolidate(Doc, [Source("style", 0.8, f, f, f)]);

        Assert.That(result.Metrics[RecommendationMetrics.FindingsIn], Is.EqualTo(3));
        Assert.That(result.Metrics[RecommendationMetrics.DuplicatesRemoved], Is.EqualTo(2));
        Assert.That(result.Findings, Has.Count.EqualTo(1));
        Assert.That(result.Findings[0].Message, Is.EqualTo("echo of 'rain' [3×]"));
    }

    [Test]
    public void Overlapping_findings_of_equal_severity_fold_into_the_best_ranked()
    {
        var fromStyle = At("style.lexical-illusion", Severity.Warning, 1, 30, 7);
        var fromConsistency = At("consistency.repeat", Severity.Warning, 1, 33, 6);
        var result = RecommendationsNode.Consolidate(Doc, [Source("style", 0.9, fromStyle), Source("consistency", 0.4, fromConsistency)]);

        Assert.That(result.Metrics[RecommendationMetrics.OverlapsMerged], Is.EqualTo(1));
        Assert.That(result.Findings, Has.Count.EqualTo(1));
        Assert.That(result.Findings[0].Rule, Is.EqualTo("consistency.repeat"), "the lower-scoring area ranks higher");
        Assert.That(result.Findings[0].Message, Does.EndWith("(also flagged by style.lexical-illusion)"));
    }

    [Test]
    public void Overlapping_findings_of_different_severity_are_both_kept()
    {
        var result = RecommendationsNode.Consolidate(Doc,
            [Source("a", 0.5, At("a.x", Severity.Warning, 1, 10, 10), At("a.y", Severity.Suggestion, 1, 12, 4))]);
        Assert.That(result.Findings, Has.Count.EqualTo(2));
    }

    [Test]
    public void Ranking_is_severity_then_impact_then_confidence()
    {
        var result = RecommendationsNode.Consolidate(Doc,
        [
            Source("good", 0.95,
                At("good.warning", Severity.Warning, 1, 0, 1),
                At("good.problem", Severity.Problem, 2, 50, 1)),
            Source("bad", 0.2,
                At("bad.warning", Severity.Warning, 2, 60, 1),
                At("bad.unsure", Severity.Warning, 2, 70, 1) with { Confidence = 0.3 }),
        ]);

        Assert.That(result.Findings.Select(f => f.Rule),
            Is.EqualTo(new[] { "good.problem", "bad.warning", "good.warning", "bad.unsure" }));
    }

    [Test]
    public void Strengths_are_kept_apart_and_counted()
    {
        var strength = new Finding("pacing.dialogue", Severity.Info, "Dialogue is 42% of the text", IsStrength: true);
        var result = RecommendationsNode.Consolidate(Doc, [Source("pacing", 0.7, strength, At("pacing.flat", Severity.Warning, 2, 40, 5))]);

        Assert.That(result.Metrics[RecommendationMetrics.Strengths], Is.EqualTo(1));
        Assert.That(result.Findings[0].Rule, Is.EqualTo("pacing.flat"));
        Assert.That(result.Findings[^1], Is.EqualTo(strength));
    }

    [Test]
    public void Top_option_caps_the_list_and_per_chapter_counts_all()
    {
        var findings = Enumerable.Range(0, 12).Select(i => At($"r.{i}", Severity.Suggestion, i % 2 + 1, i * 10, 2)).ToArray();
        var result = RecommendationsNode.Consolidate(Doc, [Source("s", 0.5, findings)], new RecommendationOptions(Top: 5));

        Assert.That(result.Findings, Has.Count.EqualTo(5));
        Assert.That(result.Series[RecommendationMetrics.PerChapter], Is.EqualTo(new double[] { 6, 6 }));
        Assert.That(result.Labels["chapters"], Is.EqualTo(new[] { "Chapter 1", "Chapter 2" }));
    }

    [Test]
    public async Task Score_is_the_mean_of_its_sources_and_the_result_is_valid()
    {
        var node = new RecommendationsNode(new NodeDefinition { Id = "recommendations", Type = "recommendations", DependsOn = ["a", "b"] });
        var context = new NodeContext
        {
            SessionId = "s", Iteration = 1, Attempt = 1, Subject = Doc,
            Upstream = new Dictionary<string, NodeResult> { ["a"] = new() { Score = 0.6 }, ["b"] = new() { Score = 0.8 } },
        };
        var result = await node.RunAsync(context, CancellationToken.None);

        Assert.That(result.Score, Is.EqualTo(0.7).Within(1e-9));
        Assert.That(node.Validate(result).IsValid, Is.True);
    }
}
