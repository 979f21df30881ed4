using Orchestrator.Manuscripts.Revision;
using Orchestrator.Manuscripts.Style;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Tests.Revision;

public sealed class LexicalIllusionTests
{
    private static readonly ReviseOptions Options = Revised.Only(RevisionRules.LexicalIllusion);

    [TestCase("She walked to the the door.", "She walked to the door.")]
    [TestCase("The the door was open.", "The door was open.")]
    [TestCase("He thought of\nof nothing at all.", "He thought of\nnothing at all.")]
    [TestCase("It was the end of the the.", "It was the end of the.")]
    [TestCase("She saw the the the door.", "She saw the door.")]
    [TestCase("It was THE the door.", "It was THE door.")]
    public void A_repeated_word_is_removed_once(string text, string expected)
    {
        var revised = Revised.Of(text, Options);
        Assert.That(revised.Text, Is.EqualTo(expected));
        Assert.That(revised.Edits, Has.Count.EqualTo(1));
        Assert.That(revised.Edits[0].Rule, Is.EqualTo(RevisionRules.LexicalIllusion));
        Assert.That(revised.Result.Metrics[RevisionMetrics.EditsOf(RevisionRules.LexicalIllusion)], Is.EqualTo(1));
    }

    [Test]
    public void The_edit_removes_the_repeat_and_the_space_after_it()
    {
        var revised = Revised.Of("She walked to the the door.", Options);
        Assert.That(revised.Edits[0], Is.EqualTo(new Orchestrator.Engine.Nodes.TextEdit(18, 4, "", RevisionRules.LexicalIllusion)));
    }

    [TestCase("He had had enough of it.")]
    [TestCase("He said that that was all.")]
    [TestCase("They flew to Walla Walla and back.")]
    [TestCase("No no, she said, it is is not.")]
    [TestCase("The end. The end came.")]
    [TestCase("They went out\n\nout of the house.")]
    public void Grammatical_and_deliberate_doublings_and_repeats_across_punctuation_or_paragraphs_stay(string text)
    {
        Assert.That(Revised.Of(text, Options).Edits, Is.Empty);
    }

    [Test]
    public void A_repeat_before_punctuation_loses_its_space_in_the_same_pass_when_white_space_is_on()
    {
        var revised = Revised.Of("She took the the , then left.");
        Assert.That(revised.Text, Is.EqualTo("She took the, then left."));
        Assert.That(revised.Described, Is.EqualTo(new[] { " the→ (lexical-illusion)", " → (whitespace)" }));
        Assert.That(revised.Again().Edits, Is.Empty);
    }

    [Test]
    public void Every_illusion_removed_is_one_fewer_style_finding()
    {
        const string text = "She walked to the the door. He had had enough of it. It was in in the box.\n\nThey saw a a bird and and left.";
        var revised = Revised.Of(text, Options);
        int Illusions(string t) => StyleScanner.Scan(TextIndexer.Build(t, "Test", "hash")).Detections.Count(d => d.Rule == StyleRules.LexicalIllusion);
        Assert.That(Illusions(text), Is.EqualTo(4));
        Assert.That(revised.Edits, Has.Count.EqualTo(4));
        Assert.That(Illusions(revised.Text), Is.Zero);
    }
}
