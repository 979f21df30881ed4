using System.Text.Json;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Consistency;
using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Tests.Consistency.ConsistencyDocs;
using M = Orchestrator.Manuscripts.Consistency.ConsistencyMetrics;

namespace Orchestrator.Manuscripts.Tests.Consistency;

public sealed class ConsistencyNodeTests
{
    private static ConsistencyNode Node(string optionsJson = "{}") => new(new NodeDefinition
    {
        Id = "consistency",
        Type = ConsistencyNode.TypeName,
        Options = new NodeOptions(JsonDocument.Parse(optionsJson).RootElement),
    });

    private static NodeContext Context(object subject) => new()
    {
        SessionId = "test",
        Iteration = 1,
        Attempt = 1,
        Subject = subject,
        Upstream = new Dictionary<string, NodeResult>(),
    };

    // Chapter 1: two straight quotes among four curly ones, the one "..." among "…" ×2.
    // Chapter 2: color (colour ×2), tomorrow (to-morrow ×2), the one "--" among "—" ×2.
    private const string Messy =
        "Chapter 1\n\nThe colour was grey. The colour faded. \"Go,\" she said. “Stay,” he said. “Now,” she said. Wait... no.\n\n" +
        "Chapter 2\n\nThe color returned to-morrow. To-morrow and tomorrow it stayed—and stayed—and then -- nothing… at all… ever.\n";

    [Test]
    public async Task Runs_in_a_pipeline_and_its_result_is_valid()
    {
        var node = Node();
        var result = await node.RunAsync(Context(Doc(Messy)), CancellationToken.None);

        Assert.That(node.Validate(result), Is.EqualTo(ResultValidation.Valid));
        Assert.That(ConsistencyNode.TypeName, Is.EqualTo("consistency"));
        Assert.That(node.DeclaredMetrics, Is.EquivalentTo(M.Declared));
        Assert.That(result.Labels[M.ChapterLabels], Is.EqualTo(new[] { "Chapter 1", "Chapter 2" }));
        foreach (var series in M.ChapterSeries) Assert.That(result.Series[series], Has.Count.EqualTo(2), series);
    }

    [Test]
    public void The_score_is_one_minus_the_penalties_and_each_penalty_is_capped()
    {
        var result = Run(Messy);
        var penalties = new[]
        {
            M.PenaltySpelling, M.PenaltyHyphenation, M.PenaltyCapitalisation, M.PenaltyNames, M.PenaltyTense, M.PenaltyPov,
            M.PenaltyQuotes, M.PenaltyEllipsis, M.PenaltyDashes, M.PenaltyUnpaired,
        };
        Assert.That(result.Score, Is.EqualTo(1 - penalties.Sum(p => result.Metrics[p])).Within(1e-12));
        // 1 rare spelling in 40-odd words is some 250 per 10,000: far past the cap.
        Assert.That(result.Metrics[M.PenaltySpelling], Is.EqualTo(0.15));
        Assert.That(result.Metrics[M.PenaltyHyphenation], Is.EqualTo(0.10));
        Assert.That(result.Metrics[M.PenaltyQuotes], Is.EqualTo(0.10));
        Assert.That(result.Metrics[M.PenaltyEllipsis], Is.EqualTo(0.05));
        Assert.That(result.Metrics[M.PenaltyDashes], Is.EqualTo(0.05));
        Assert.That(result.Metrics[M.PenaltyNames], Is.EqualTo(0));
        Assert.That(result.Summary, Does.EndWith($"Score {result.Score:0.00}."));
        Assert.That(result.Summary, Does.StartWith("1 word spelt two ways (1 rarer use); 1 compound hyphenated inconsistently;"));
    }

    [Test]
    public void The_penalty_scales_with_uses_per_ten_thousand_words()
    {
        Assert.That(ConsistencyAnalysis.PerTenThousand(5, 100_000, 0.02, 0.15), Is.EqualTo(0.01).Within(1e-12));
        Assert.That(ConsistencyAnalysis.PerTenThousand(0, 100_000, 0.02, 0.15), Is.EqualTo(0));
        Assert.That(ConsistencyAnalysis.PerTenThousand(500, 100_000, 0.02, 0.15), Is.EqualTo(0.15));
    }

    [Test]
    public void Per_chapter_inconsistencies_are_counted_where_they_are()
    {
        var result = Run(Messy);
        Assert.That(result.Series[M.IssuesSeries], Is.EqualTo(new[] { 3.0, 3.0 }));
    }

    [Test]
    public void The_same_input_gives_the_same_result()
    {
        var a = Run(Messy);
        var b = Run(Doc(Messy));
        Assert.That(b.Score, Is.EqualTo(a.Score));
        Assert.That(b.Summary, Is.EqualTo(a.Summary));
        Assert.That(b.Findings, Is.EqualTo(a.Findings));
        Assert.That(b.Metrics, Is.EquivalentTo(a.Metrics));
    }

    [Test]
    public void Findings_past_the_cap_are_summarised_in_one_finding()
    {
        var text = string.Concat(Enumerable.Repeat("The grey dog. ", 20)) + string.Concat(Enumerable.Repeat("The gray cat. ", 8));
        var result = Run(text, new ConsistencyOptions { MaxFindingsPerRule = 3, MaxUsesPerVariant = 10 });

        var findings = result.Rule(ConsistencyRules.SpellingVariant);
        Assert.That(findings, Has.Length.EqualTo(4));
        Assert.That(findings[3].Message, Is.EqualTo("5 more consistency.spelling.variant findings are not listed (8 in all)."));
        Assert.That(findings[3].Location!.Chapter, Is.Null);
        Assert.That(result.Metrics[M.SpellingMinorityUses], Is.EqualTo(8));
    }

    [Test]
    public void An_empty_manuscript_scores_zero()
    {
        var result = Run("");
        Assert.That(result.Score, Is.EqualTo(0));
        Assert.That(result.Summary, Is.EqualTo("The manuscript has no words; score 0."));
        Assert.That(Node().Validate(result), Is.EqualTo(ResultValidation.Valid));
    }

    [Test]
    public void Options_are_read_and_checked()
    {
        var options = ConsistencyOptions.From(new NodeOptions(JsonDocument.Parse(
            """{ "maxFindingsPerRule": 7, "tenseMargin": 0.2, "spacedCompounds": false, "nameMinLength": 4 }""").RootElement));
        Assert.That(options, Is.EqualTo(ConsistencyOptions.Default with
        {
            MaxFindingsPerRule = 7, TenseMargin = 0.2, SpacedCompounds = false, NameMinLength = 4,
        }));

        Assert.That(() => ConsistencyOptions.From(new NodeOptions(JsonDocument.Parse("""{ "tenseMargin": 0.5 }""").RootElement)),
            Throws.TypeOf<InvalidNodeInputException>().With.Message.EqualTo("option 'tenseMargin' must be in [0, 0.5) (got 0.5)"));
        Assert.That(() => ConsistencyOptions.From(new NodeOptions(JsonDocument.Parse("""{ "maxUsesPerVariant": 2.5 }""").RootElement)),
            Throws.TypeOf<InvalidNodeInputException>().With.Message.EqualTo("option 'maxUsesPerVariant' must be an integer"));
    }

    [Test]
    public void A_bad_option_or_subject_is_invalid_input()
    {
        Assert.That(() => Node("""{ "capitalisationMaxShare": 0.7 }""").RunAsync(Context(Doc(Messy)), CancellationToken.None),
            Throws.TypeOf<InvalidNodeInputException>());
        Assert.That(() => Node().RunAsync(Context("not a manuscript"), CancellationToken.None),
            Throws.TypeOf<InvalidNodeInputException>());
    }

    [Test]
    public void Validation_refuses_a_series_that_does_not_match_the_chapters()
    {
        var result = Run(Messy);
        var broken = result with
        {
            Series = new Dictionary<string, IReadOnlyList<double>>(result.Series) { [M.PastTenseShareSeries] = [1.0] },
        };
        Assert.That(Node().Validate(broken).Error, Is.EqualTo("series 'pastTenseShare' has 1 values for 2 chapters"));
    }

    [Test]
    public void Every_rule_id_is_namespaced_by_the_node()
    {
        Assert.That(ConsistencyRules.All, Has.All.StartWith("consistency."));
        Assert.That(ConsistencyRules.All, Is.Unique);
    }
}
