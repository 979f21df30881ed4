using Orchestrator.Manuscripts.Revision;

namespace Orchestrator.Manuscripts.Tests.Revision;

public sealed class QuoteTests
{
    private static readonly ReviseOptions Curly = Revised.Only(RevisionRules.Quotes);
    private static readonly ReviseOptions Straight = Revised.Only(RevisionRules.Quotes) with { Quotes = QuoteMarks.Straight };

    [TestCase("\"Don't go,\" she said.", "“Don’t go,” she said.")]
    [TestCase("She said, \"He told me 'no' twice.\"", "She said, “He told me ‘no’ twice.”")]
    [TestCase("\"'Tis true,\" he said, \"'twas so.\"", "“’Tis true,” he said, “’twas so.”")]
    [TestCase("Back in the '90s it was rock 'n' roll.", "Back in the ’90s it was rock ’n’ roll.")]
    [TestCase("Mr. Jones' horse and the boys' ball were goin' away.", "Mr. Jones’ horse and the boys’ ball were goin’ away.")]
    [TestCase("'Hello,' he said. 'Come in.'", "‘Hello,’ he said. ‘Come in.’")]
    [TestCase("\"'Stop,' he said,\" she told me.", "“‘Stop,’ he said,” she told me.")]
    [TestCase("He cried--\"Stop!\" and then \"I was--\" she began.", "He cried--“Stop!” and then “I was--” she began.")]
    [TestCase("It was the 1920's.", "It was the 1920’s.")]
    public void Straight_marks_become_curly_by_context(string text, string expected)
    {
        Assert.That(Revised.Of(text, Curly).Text, Is.EqualTo(expected));
    }

    [Test]
    public void Speech_reopened_on_a_new_paragraph_opens()
    {
        var revised = Revised.Of("\"It was late. We walked on.\n\n\"Then we stopped,\" she said.", Curly);
        Assert.That(revised.Text, Is.EqualTo("“It was late. We walked on.\n\n“Then we stopped,” she said."));
    }

    [Test]
    public void A_mark_with_space_on_both_sides_stays_straight()
    {
        Assert.That(Revised.Of("The sign read ' and nothing else.", Curly).Edits, Is.Empty);
    }

    [Test]
    public void Curly_marks_become_straight()
    {
        var revised = Revised.Of("“Don’t go,” she said, ‘twice’.", Straight);
        Assert.That(revised.Text, Is.EqualTo("\"Don't go,\" she said, 'twice'."));
        Assert.That(revised.Edits, Has.Count.EqualTo(5));
    }

    [Test]
    public void Keep_is_the_default()
    {
        Assert.That(Revised.Of("\"Don't go,\" she said.").Edits, Is.Empty);
    }
}
