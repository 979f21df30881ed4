using Orchestrator.Manuscripts.Consistency;

namespace Orchestrator.Manuscripts.Tests.Consistency;

public sealed class VariantTableTests
{
    [Test]
    public void The_table_holds_a_few_hundred_stems_and_well_over_a_thousand_pairs()
    {
        Assert.That(VariantTable.Families, Has.Count.GreaterThan(300));
        Assert.That(VariantTable.PairCount, Is.GreaterThan(2_000));
    }

    [Test]
    public void No_form_belongs_to_two_families_or_to_both_sides()
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var family in VariantTable.Families)
        foreach (var (a, b) in family.Pairs)
        {
            Assert.That(a, Is.Not.EqualTo(b).IgnoreCase, family.Name);
            foreach (var form in new[] { a, b })
            {
                Assert.That(seen.TryAdd(form, family.Name), Is.True, $"{form} is in {family.Name} and {seen.GetValueOrDefault(form)}");
            }
        }
    }

    [TestCase("advise")]
    [TestCase("surprise")]
    [TestCase("exercise")]
    [TestCase("otherwise")]
    [TestCase("wise")]
    [TestCase("rise")]
    [TestCase("promise")]
    [TestCase("enterprise")]
    [TestCase("advertise")]
    [TestCase("compromise")]
    [TestCase("size")]
    [TestCase("prize")]
    [TestCase("seize")]
    [TestCase("humorous")]
    [TestCase("vigorous")]
    [TestCase("criticism")]
    [TestCase("cancellation")]
    [TestCase("controlled")]
    [TestCase("meter")]
    [TestCase("license")]
    [TestCase("while")]
    public void Words_with_one_spelling_are_not_in_the_conventions(string word)
    {
        // (surprise and controlled are in the table, but only against the older surprize and controuled.)
        var forms = VariantTable.Families.Where(f => f.IsConvention || f.Class == VariantClass.BritishAmerican)
            .SelectMany(f => f.Pairs).SelectMany(p => new[] { p.A, p.B });
        Assert.That(forms, Does.Not.Contain(word));
    }

    [TestCase("colour", "color", VariantClass.OurOr)]
    [TestCase("neighbourhood", "neighborhood", VariantClass.OurOr)]
    [TestCase("favourite", "favorite", VariantClass.OurOr)]
    [TestCase("realisation", "realization", VariantClass.IseIze)]
    [TestCase("apologised", "apologized", VariantClass.IseIze)]
    [TestCase("paralysed", "paralyzed", VariantClass.YseYze)]
    [TestCase("centre", "center", VariantClass.ReEr)]
    [TestCase("travelling", "traveling", VariantClass.DoubleL)]
    [TestCase("marvellous", "marvelous", VariantClass.DoubleL)]
    [TestCase("skilful", "skillful", VariantClass.DoubleL)]
    [TestCase("manoeuvre", "maneuver", VariantClass.AeOe)]
    [TestCase("grey", "gray", VariantClass.BritishAmerican)]
    [TestCase("connexion", "connection", VariantClass.Archaic)]
    [TestCase("amongst", "among", VariantClass.Preference)]
    [TestCase("learnt", "learned", VariantClass.Preference)]
    public void Known_pairs_are_in_their_class(string a, string b, VariantClass kind)
    {
        var family = VariantTable.Families.Single(f => f.Pairs.Contains((a, b)));
        Assert.That(family.Class, Is.EqualTo(kind));
    }
}
