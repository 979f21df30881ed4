using Orchestrator.Engine.Findings;
using Orchestrator.Manuscripts.Consistency;
using static Orchestrator.Manuscripts.Tests.Consistency.ConsistencyDocs;
using M = Orchestrator.Manuscripts.Consistency.ConsistencyMetrics;

namespace Orchestrator.Manuscripts.Tests.Consistency;

public sealed class CapitalisationTests
{
    private const string Captains =
        "The ship left at dawn and the captain stood on deck. Later the captain went below to sleep. " +
        "By noon the captain was back, and the crew watched the captain pace.";

    [Test]
    public void A_word_capitalised_once_inside_a_sentence_is_flagged_against_its_lower_case_uses()
    {
        var doc = Doc(Captains + "\n\nAt night the Captain wrote in his log for an hour.\n");
        var result = Run(doc);

        var finding = result.Rule(ConsistencyRules.CapitalisationMixed).Single();
        Assert.That(finding.Message, Is.EqualTo(
            "“Captain” is capitalised here, but “captain” is lower-case in 4 other uses inside sentences (1 capitalised against 4 lower-case)."));
        Assert.That(finding.Suggestion, Does.StartWith("Write “captain” as in the 4 other uses"));
        Assert.That(doc.At(finding), Is.EqualTo("Captain"));
        Assert.That(finding.Location!.Paragraph, Is.EqualTo(2));
        Assert.That(finding.Evidence, Is.EqualTo("At night the Captain wrote in his log for an hour."));
        Assert.That(finding.Confidence, Is.EqualTo(0.6));
        Assert.That(result.Metrics[M.CapitalisationWords], Is.EqualTo(1));
        Assert.That(result.Metrics[M.CapitalisationMinorityUses], Is.EqualTo(1));
    }

    [Test]
    public void Titles_names_sentence_starts_quotations_and_salutations_are_not_counted()
    {
        var result = Run(Captains + "\n\n" +
                         "Captain Ahab came up. Then Captain Smith of the Navy arrived. He saw the Captain of the Guard there. " +
                         "She said, “Captain, come in,” and smiled at him for a while.\n\n" +
                         "My dear Captain,\n\n" +
                         "He stood there and thought of the old days for a long time—Captain or no captain.\n");

        Assert.That(result.Rule(ConsistencyRules.CapitalisationMixed), Is.Empty);
    }

    [Test]
    public void A_generic_lower_case_use_does_not_count_against_a_capitalised_character()
    {
        var result = Run("The King sat down and the King frowned. Then the King spoke and the King stood up at last. " +
                         "A cat may look at a king, said Alice, or at any old king.\n");

        Assert.That(result.Rule(ConsistencyRules.CapitalisationMixed), Is.Empty);
    }

    [Test]
    public void An_even_split_is_two_senses_not_a_slip()
    {
        const string text = "We went to the Parsonage and the Parsonage was cold, and the Parsonage was far. " +
                            "The parsonage was old and the parsonage was damp.\n";
        Assert.That(Run(text).Rule(ConsistencyRules.CapitalisationMixed), Is.Empty, "2 of 5 is 40%, over the 25% default");

        var looser = Run(text, new ConsistencyOptions { CapitalisationMaxShare = 0.45 });
        var findings = looser.Rule(ConsistencyRules.CapitalisationMixed);
        Assert.That(findings, Has.Length.EqualTo(2));
        Assert.That(findings[0].Message, Is.EqualTo(
            "“parsonage” is lower-case here, but “Parsonage” is capitalised in 3 other uses inside sentences (2 lower-case against 3 capitalised)."));
    }
}
