using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Requirements;

namespace Orchestrator.Manuscripts.Tests.Recommendations;

/// <summary>On a long novel the first recommendations are different problems, each still located.</summary>
[TestFixture]
public sealed class RecommendationsCorpusTests
{
    private const string Pipeline = """
        {
          "name": "recommendations-corpus", "version": 1,
          "settings": { "maxIterations": 1, "qualityThreshold": 1.0, "maxConcurrentActions": 2, "actionTimeout": "00:02:00", "enableRetries": false },
          "nodes": [
            { "id": "structure", "type": "structure" },
            { "id": "style", "type": "style", "dependsOn": ["structure"] },
            { "id": "characters", "type": "characters", "dependsOn": ["structure"] },
            { "id": "pacing", "type": "pacing", "dependsOn": ["structure", "style"] },
            { "id": "themes", "type": "themes", "dependsOn": ["structure"] },
            { "id": "consistency", "type": "consistency", "dependsOn": ["characters", "style"] },
            { "id": "recommendations", "type": "recommendations", "weight": 0,
              "dependsOn": ["structure", "style", "characters", "pacing", "themes", "consistency"] }
          ]
        }
        """;

    [Test]
    public async Task The_first_ten_recommendations_on_Moby_Dick_are_ten_different_problems_each_located()
    {
        var document = Corpus.Load(Corpus.MobyDick);
        await using var coordinator = new NovelCoordinator(new CoordinatorOptions
        {
            Pipeline = PipelineLoader.Parse(Pipeline, NovelNodeTypes.CreateRegistry()),
        });
        var analysis = await coordinator.ProcessManuscriptAsync(document, ManuscriptRequirements.None, CancellationToken.None);

        var recommendations = analysis.Report.Nodes.Single(n => n.Id == "recommendations").Findings.Where(f => !f.IsStrength).ToArray();
        var first = recommendations.Take(10).ToArray();
        foreach (var f in first) TestContext.Out.WriteLine($"{f.Rule}: {f.Message}");

        Assert.That(document.WordCount, Is.GreaterThan(150_000));
        Assert.That(first, Has.Length.EqualTo(10));
        Assert.That(first.Select(f => f.Rule).Distinct().Count(), Is.EqualTo(10), "one recommendation per rule");
        Assert.That(first.Select(f => f.Location), Is.All.Not.Null);
        var longSentences = recommendations.SingleOrDefault(f => f.Rule == "style.sentence.long");
        Assert.That(longSentences, Is.Not.Null, "Moby-Dick has very long sentences");
        Assert.That(longSentences!.Message, Does.Match(@"— 1 of \d+ style\.sentence\.long findings; the worst at chapter \d+ ¶\d+(, chapter \d+ ¶\d+){4} \(\+\d+ more\)\.$"));
        Assert.That(longSentences.Location!.Chapter, Is.Not.Null);
    }
}
