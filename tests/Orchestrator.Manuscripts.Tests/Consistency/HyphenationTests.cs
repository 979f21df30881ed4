using Orchestrator.Engine.Findings;
using Orchestrator.Manuscripts.Consistency;
using static Orchestrator.Manuscripts.Tests.Consistency.ConsistencyDocs;
using M = Orchestrator.Manuscripts.Consistency.ConsistencyMetrics;

namespace Orchestrator.Manuscripts.Tests.Consistency;

public sealed class HyphenationTests
{
    [Test]
    public void A_closed_form_of_a_hyphenated_word_is_flagged_when_rarer()
    {
        var doc = Doc("We sail to-morrow. To-morrow the wind will turn.\n\nShe said tomorrow would be fine.\n");
        var result = Run(doc);

        var finding = result.Rule(ConsistencyRules.HyphenationVariant).Single();
        Assert.That(finding.Message, Is.EqualTo("“tomorrow” is written “to-morrow” elsewhere in the book: 1 closed (tomorrow) against 2 hyphenated (to-morrow)."));
        Assert.That(finding.Suggestion, Does.StartWith("Write “to-morrow” here, as in the rest of the book"));
        Assert.That(finding.Location, Is.EqualTo(new TextLocation(1, 2, doc.Offset("tomorrow"), 8)));
        Assert.That(finding.Evidence, Is.EqualTo("She said tomorrow would be fine."));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Suggestion));
        Assert.That(result.Metrics[M.HyphenationPairs], Is.EqualTo(1));
        Assert.That(result.Metrics[M.HyphenationMinorityUses], Is.EqualTo(1));
    }

    [Test]
    public void A_hyphenated_word_is_flagged_when_the_closed_form_is_commoner()
    {
        var doc = Doc("Send an email. Read the email. Answer my e-mail.\n");
        var finding = Run(doc).Rule(ConsistencyRules.HyphenationVariant).Single();

        Assert.That(finding.Message, Is.EqualTo("“e-mail” is written “email” elsewhere in the book: 1 hyphenated (e-mail) against 2 closed (email)."));
        Assert.That(doc.At(finding), Is.EqualTo("e-mail"));
    }

    [Test]
    public void An_open_form_is_compared_for_noun_compounds()
    {
        var doc = Doc("They sat in the drawing-room. The drawing-room was cold. Later the drawing room was warm.\n");
        var finding = Run(doc).Rule(ConsistencyRules.HyphenationVariant).Single();

        Assert.That(finding.Message, Is.EqualTo("“drawing room” is written “drawing-room” elsewhere in the book: 1 open (drawing room) against 2 hyphenated (drawing-room)."));
        Assert.That(doc.At(finding), Is.EqualTo("drawing room"));
        Assert.That(finding.Confidence, Is.EqualTo(0.7));
    }

    [Test]
    public void Open_forms_are_not_compared_when_spaced_compounds_are_off()
    {
        var result = Run("They sat in the drawing-room. The drawing-room was cold. Later the drawing room was warm.\n",
            new ConsistencyOptions { SpacedCompounds = false });
        Assert.That(result.Rule(ConsistencyRules.HyphenationVariant), Is.Empty);
    }

    [Test]
    public void Unsound_open_forms_and_other_words_are_left_alone()
    {
        // "any one of them" is not "anyone"; a well-known man but he is well known; re-cover is not recover.
        var result = Run("Any-one could see it. Any one of them knew. A well-known man. He is well known. " +
                         "They re-cover the chairs. He will recover. A fresh-water pond and fresh water.\n");

        Assert.That(result.Rule(ConsistencyRules.HyphenationVariant), Is.Empty);
        Assert.That(result.Metrics[M.HyphenationPairs], Is.EqualTo(0));
    }

    [Test]
    public void A_name_is_shown_as_the_book_writes_it()
    {
        var finding = Run("They hunted Moby Dick. Nobody caught Moby Dick. The sailors feared Moby-Dick.\n")
            .Rule(ConsistencyRules.HyphenationVariant).Single();
        Assert.That(finding.Message, Is.EqualTo("“Moby-Dick” is written “Moby Dick” elsewhere in the book: 1 hyphenated (Moby-Dick) against 2 open (Moby Dick)."));
        Assert.That(finding.Suggestion, Does.StartWith("Write “Moby Dick” here"));
    }

    [Test]
    public void The_joined_form_of_any_one_is_compared()
    {
        var result = Run("Any-one could see it. Anyone would. Anyone might.\n");
        Assert.That(result.Rule(ConsistencyRules.HyphenationVariant).Single().Message,
            Does.StartWith("“Any-one” is written “anyone” elsewhere in the book: 1 hyphenated (any-one) against 2 closed (anyone)."));
    }
}
