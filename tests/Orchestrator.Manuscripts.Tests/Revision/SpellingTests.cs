using Orchestrator.Manuscripts.Revision;

namespace Orchestrator.Manuscripts.Tests.Revision;

public sealed class SpellingTests
{
    private static readonly ReviseOptions Options = Revised.Only(RevisionRules.Spelling);

    [Test]
    public void The_rarer_spelling_of_a_family_takes_the_dominant_form_with_its_case()
    {
        var revised = Revised.Of(
            "The grey sky met the grey sea. Her greyest coat hung by the door. Gray clouds came over the gray hills.", Options);
        Assert.That(revised.Text, Is.EqualTo(
            "The grey sky met the grey sea. Her greyest coat hung by the door. Grey clouds came over the grey hills."));
        Assert.That(revised.Described, Is.EqualTo(new[] { "Gray→Grey (spelling)", "gray→grey (spelling)" }));
    }

    [Test]
    public void Each_family_follows_its_own_majority()
    {
        var revised = Revised.Of(
            "She walked toward the house, then toward the barn, then towards the road. " +
            "Her colour rose; the colours of the room faded, and the color left her face.", Options);
        Assert.That(revised.Text, Is.EqualTo(
            "She walked toward the house, then toward the barn, then toward the road. " +
            "Her colour rose; the colours of the room faded, and the colour left her face."));
        var finding = revised.Result.Findings.Single(f => f.Rule == RevisionRules.FindingId(RevisionRules.Spelling));
        Assert.That(finding.Message, Does.Contain("towards → toward ×1").And.Contain("color → colour ×1"));
    }

    [Test]
    public void A_capitalised_word_inside_a_sentence_is_a_name_and_is_neither_counted_nor_changed()
    {
        var revised = Revised.Of("The portrait of Dorian Gray hung in a grey room. Mr. Gray said the grey walls were gray.", Options);
        Assert.That(revised.Text, Is.EqualTo("The portrait of Dorian Gray hung in a grey room. Mr. Gray said the grey walls were grey."));
    }

    [Test]
    public void Capitals_and_sentence_and_quotation_openings_keep_their_case()
    {
        var revised = Revised.Of("The realised plan was realised twice. He shouted, “REALIZED!” She said, “Realized, yes.”", Options);
        Assert.That(revised.Text, Is.EqualTo("The realised plan was realised twice. He shouted, “REALISED!” She said, “Realised, yes.”"));
    }

    [Test]
    public void Hyphenated_parts_and_possessives_are_read()
    {
        var revised = Revised.Of("The colour was fine, the colour was good, but the color-blind man liked the color's depth.", Options);
        Assert.That(revised.Text, Is.EqualTo("The colour was fine, the colour was good, but the colour-blind man liked the colour's depth."));
    }

    [Test]
    public void A_tie_goes_to_the_modern_form_of_an_older_spelling()
    {
        var revised = Revised.Of("I will shew you the way, and then show you the door.", Options);
        Assert.That(revised.Text, Is.EqualTo("I will show you the way, and then show you the door."));
    }

    [Test]
    public void Learned_the_adjective_is_never_rewritten_but_learnt_is()
    {
        Assert.That(Revised.Of("He learnt it. She learnt it too. A learned man spoke.", Options).Edits, Is.Empty);
        Assert.That(Revised.Of("He learned it. She learned it too. He learnt the rest.", Options).Text,
            Is.EqualTo("He learned it. She learned it too. He learned the rest."));
    }

    [TestCase("She would advertise the surprise; otherwise the exercise was wise. Prices rise with size. She would realize it.")]
    [TestCase("Two judgements and one judgement, and the judgement stood.")]
    public void Words_outside_the_variant_table_and_books_of_one_spelling_are_left_alone(string text)
    {
        Assert.That(Revised.Of(text, Options).Edits, Is.Empty);
    }
}
