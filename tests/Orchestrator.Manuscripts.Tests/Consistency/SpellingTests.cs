using Orchestrator.Engine.Findings;
using Orchestrator.Manuscripts.Consistency;
using static Orchestrator.Manuscripts.Tests.Consistency.ConsistencyDocs;
using M = Orchestrator.Manuscripts.Consistency.ConsistencyMetrics;

namespace Orchestrator.Manuscripts.Tests.Consistency;

public sealed class SpellingTests
{
    [Test]
    public void The_rarer_spelling_of_a_word_is_flagged_with_both_counts_and_where_it_is()
    {
        var doc = Doc("The colour of the sea changed. Its colours were grey. The coloured sails came in.\n\n" +
                      "By evening the color had gone from the sky.\n");
        var result = Run(doc);

        var finding = result.Rule(ConsistencyRules.SpellingVariant).Single();
        Assert.That(finding.Message, Is.EqualTo(
            "“color” is the rarer spelling of colour/color in this book: 1 American (color ×1) against 3 British " +
            "(colour ×1, coloured ×1, colours ×1)."));
        Assert.That(finding.Suggestion, Does.StartWith("Write “colour” here, as in the rest of the book"));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(finding.Location, Is.EqualTo(new TextLocation(1, 2, doc.Offset("color"), 5)));
        Assert.That(doc.At(finding), Is.EqualTo("color"));
        Assert.That(finding.Evidence, Is.EqualTo("By evening the color had gone from the sky."));
        Assert.That(finding.Confidence, Is.LessThan(1));
        Assert.That(result.Metrics[M.SpellingFamiliesMixed], Is.EqualTo(1));
        Assert.That(result.Metrics[M.SpellingMinorityUses], Is.EqualTo(1));
        Assert.That(result.Metrics[M.VariantWordUses], Is.EqualTo(5)); // colour, colours, grey, coloured, color
        Assert.That(result.Metrics[M.BritishSpellings], Is.EqualTo(4));
        Assert.That(result.Metrics[M.AmericanSpellings], Is.EqualTo(1));
    }

    [Test]
    public void A_capitalised_use_keeps_its_capital_in_the_suggestion()
    {
        var result = Run("He walked towards the gate. She ran towards him. They went towards the town.\n\nToward evening it rained.\n");

        var finding = result.Rule(ConsistencyRules.SpellingVariant).Single();
        Assert.That(finding.Message, Does.StartWith("“Toward” is the rarer spelling of towards/toward in this book: 1 American-leaning (toward ×1) against 3 British-leaning (towards ×3)."));
        Assert.That(finding.Suggestion, Does.StartWith("Write “Towards” here"));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Suggestion));
    }

    [Test]
    public void Every_use_of_the_rarer_spelling_is_counted_but_only_the_first_few_are_located()
    {
        var text = string.Concat(Enumerable.Repeat("The grey dog barked. ", 10)) + string.Concat(Enumerable.Repeat("The gray cat ran. ", 4));
        var result = Run(text, new ConsistencyOptions { MaxUsesPerVariant = 2 });

        var findings = result.Rule(ConsistencyRules.SpellingVariant);
        Assert.That(findings, Has.Length.EqualTo(2));
        Assert.That(findings.Select(f => f.Message), Has.All.StartWith("“gray” is the rarer spelling of grey/gray in this book: 4 American (gray ×4) against 10 British (grey ×10)."));
        Assert.That(findings[0].Location!.Offset, Is.LessThan(findings[1].Location!.Offset));
        Assert.That(result.Metrics[M.SpellingMinorityUses], Is.EqualTo(4));
    }

    [Test]
    public void A_convention_followed_by_some_words_and_not_others_is_flagged_on_the_rarer_side()
    {
        var doc = Doc("She began to realize it. They organized the ball and he apologized. We realized too late.\n\n" +
                      "Nobody recognised him.\n");
        var result = Run(doc);

        Assert.That(result.Rule(ConsistencyRules.SpellingVariant), Is.Empty, "each word is spelt one way");
        var finding = result.Rule(ConsistencyRules.SpellingConvention).Single();
        Assert.That(finding.Message, Is.EqualTo(
            "“recognised” follows the -ise spelling (recognised ×1), while the book's other words of this kind follow -ize " +
            "(4 uses: apologized ×1, organized ×1, realize ×1, realized ×1)."));
        Assert.That(finding.Suggestion, Does.StartWith("Spell it “recognized” (and its other forms) to match"));
        Assert.That(doc.At(finding), Is.EqualTo("recognised"));
        Assert.That(result.Metrics[M.SpellingConventionsMixed], Is.EqualTo(1));
        Assert.That(result.Metrics[M.ConventionMinorityUses], Is.EqualTo(1));
    }

    [Test]
    public void Words_spelt_ise_on_both_sides_of_the_Atlantic_are_never_compared_with_ize_words()
    {
        var result = Run("I realize you advise caution. The surprise was otherwise wise. Exercise and rise. " +
                         "Prices rise; we organize; they realized; it was a surprise to advertise and compromise.\n");

        Assert.That(result.Rule(ConsistencyRules.SpellingConvention), Is.Empty);
        Assert.That(result.Rule(ConsistencyRules.SpellingVariant), Is.Empty);
        // realize, organize, realized; and surprise ×2, which the table pairs with the older "surprize" only.
        Assert.That(result.Metrics[M.VariantWordUses], Is.EqualTo(5));
    }

    [Test]
    public void A_tie_between_an_older_and_a_modern_spelling_suggests_the_modern_one()
    {
        var result = Run("He would shew them the way. Then he would show them the door.\n");

        var finding = result.Rule(ConsistencyRules.SpellingVariant).Single();
        Assert.That(finding.Message, Does.StartWith("“shew” is the rarer spelling of shew/show in this book: 1 older (shew ×1) against 1 modern (show ×1)."));
    }

    [Test]
    public void A_consistent_book_earns_a_strength_with_its_numbers()
    {
        var text = string.Concat(Enumerable.Repeat("The colour of honour and the grey centre of the harbour. ", 3));
        var result = Run(text);

        Assert.That(result.Rule(ConsistencyRules.SpellingVariant), Is.Empty);
        var strength = result.Rule(ConsistencyRules.Consistent).Single(f => f.Message.StartsWith("Spelling", StringComparison.Ordinal));
        Assert.That(strength.Message, Is.EqualTo("Spelling is consistent (British): 15 uses of 5 words with variant spellings, each always spelt the same way."));
        Assert.That(strength.IsStrength, Is.True);
        Assert.That(strength.Severity, Is.EqualTo(Severity.Info));
    }
}
