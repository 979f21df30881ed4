using Orchestrator.Engine.Findings;
using Orchestrator.Manuscripts.Consistency;
using static Orchestrator.Manuscripts.Tests.Consistency.ConsistencyDocs;
using M = Orchestrator.Manuscripts.Consistency.ConsistencyMetrics;

namespace Orchestrator.Manuscripts.Tests.Consistency;

public sealed class NameTests
{
    private const string Katherine =
        "“Come in,” said Katherine. Later Katherine went to the window. The rain fell and Katherine watched it. " +
        "Her brother called for Katherine twice.";

    [Test]
    public void A_rare_name_one_letter_from_a_common_one_is_flagged_against_it()
    {
        var doc = Doc(Katherine + "\n\nIn the morning Catherine wrote a letter to her aunt.\n");
        var result = Run(doc);

        var finding = result.Rule(ConsistencyRules.NameNearMiss).Single();
        Assert.That(finding.Message, Is.EqualTo(
            "“Catherine” (1 mention) is one letter away from “Katherine” (4 mentions): if they are the same character, one spelling is a slip."));
        Assert.That(finding.Suggestion, Does.StartWith("If it is the same person, write “Katherine” here;"));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(doc.At(finding), Is.EqualTo("Catherine"));
        Assert.That(finding.Evidence, Is.EqualTo("In the morning Catherine wrote a letter to her aunt."));
        Assert.That(result.Metrics[M.NameNearMisses], Is.EqualTo(1));
        Assert.That(result.Metrics[M.NameNearMissUses], Is.EqualTo(1));
    }

    [Test]
    public void Swapped_letters_are_one_edit()
    {
        var result = Run(Katherine + "\n\nIn the morning Katehrine wrote a letter.\n");
        Assert.That(result.Rule(ConsistencyRules.NameNearMiss).Single().Message, Does.StartWith("“Katehrine” (1 mention)"));
    }

    [Test]
    public void Plurals_possessives_short_names_and_names_of_similar_weight_are_not_near_misses()
    {
        var result = Run(Katherine + " Katherine’s hat was wet.\n\n" +
                         "The Bennets came. Mr. Bennet said so, and Bennet smiled, and then Bennet left.\n\n" +
                         "Anne said no, and Anna said yes.\n\n" +
                         "Mr. Elinor said it; Eleanor said it; Elinor nodded and Eleanor smiled.\n");
        Assert.That(result.Rule(ConsistencyRules.NameNearMiss), Is.Empty);
    }

    [Test]
    public void Places_are_not_characters()
    {
        // Rhine/Rhone: capitalised, never lower-case, one letter apart; but never a person (no title, no dialogue tag).
        var result = Run("We sailed up the Rhine. The Rhine was wide. Along the Rhine we saw castles. " +
                         "The banks of the Rhine were steep.\n\nLater we reached the Rhone.\n");
        Assert.That(result.Rule(ConsistencyRules.NameNearMiss), Is.Empty);
    }

    [TestCase("Katherine", "Catherine", true)]
    [TestCase("Elisabeth", "Elizabeth", true)]
    [TestCase("Katherine", "Katharine", true)]
    [TestCase("Jonah", "Jonas", true)]
    [TestCase("Darcy", "Dracy", true)]
    [TestCase("Bingley", "Bingly", true)]
    [TestCase("Bingly", "Bingley", true)]
    [TestCase("Darcy", "Darcy", false)]
    [TestCase("Darcy", "DARCY", false)]
    [TestCase("Darcy", "Dracey", false)]
    [TestCase("Lydia", "Lidya", false)]
    [TestCase("Wickham", "Wick", false)]
    public void Edit_distance_one(string a, string b, bool expected) =>
        Assert.That(EditDistance.IsOne(a, b), Is.EqualTo(expected));
}
