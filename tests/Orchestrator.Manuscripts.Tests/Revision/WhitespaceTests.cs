using Orchestrator.Manuscripts.Revision;

namespace Orchestrator.Manuscripts.Tests.Revision;

public sealed class WhitespaceTests
{
    private static readonly ReviseOptions Options = Revised.Only(RevisionRules.Whitespace);

    [TestCase("She came in.  He left.", "She came in. He left.")]
    [TestCase("She came in.   \nHe left at once.", "She came in.\nHe left at once.")]
    [TestCase("Really , she said ; it is late ! Is it ?", "Really, she said; it is late! Is it?")]
    [TestCase("He stopped .  Then he went on.", "He stopped. Then he went on.")]
    [TestCase("“Well , I never ,” she said.", "“Well, I never,” she said.")]
    public void Spaces_are_normalised(string text, string expected)
    {
        Assert.That(Revised.Of(text, Options).Text, Is.EqualTo(expected));
    }

    [TestCase("She waited ... and waited.")]
    [TestCase("She waited . . . and waited.")]
    [TestCase("It weighed .5 of a pound.")]
    [TestCase("Line one of a verse\n    indented line two of it.")]
    [TestCase("Name\tAge\tTown were the columns.")]
    public void Ellipses_decimals_indentation_and_tabs_stay(string text)
    {
        Assert.That(Revised.Of(text, Options).Edits, Is.Empty);
    }

    [Test]
    public void More_than_one_blank_line_between_paragraphs_becomes_one_and_paragraphs_stay_apart()
    {
        var revised = Revised.Of("First paragraph here.\n\n\n\nSecond paragraph here.\n  \n\nThird paragraph.\n\nFourth.", Options);
        Assert.That(revised.Text, Is.EqualTo("First paragraph here.\n\nSecond paragraph here.\n\nThird paragraph.\n\nFourth."));
        Assert.That(revised.Described, Is.EqualTo(new[] { "\n\n\n\n→\n\n (whitespace)", "\n  \n\n→\n\n (whitespace)" }));
        Assert.That(revised.Again().Document.Paragraphs, Has.Length.EqualTo(4));
    }

    [Test]
    public void Headings_are_not_touched()
    {
        var revised = Revised.Of("Chapter 1  :  The   Start\n\nShe  came in.\n\nChapter 2\n\nHe left.", Options);
        Assert.That(revised.Text, Is.EqualTo("Chapter 1  :  The   Start\n\nShe came in.\n\nChapter 2\n\nHe left."));
    }

    [Test]
    public void A_Markdown_hard_break_is_kept_but_a_single_trailing_space_goes()
    {
        var revised = Revised.Of("A line that breaks  \nhard here. A line that ends \nsoftly.", Options, "book.md");
        Assert.That(revised.Text, Is.EqualTo("A line that breaks  \nhard here. A line that ends\nsoftly."));
    }
}
