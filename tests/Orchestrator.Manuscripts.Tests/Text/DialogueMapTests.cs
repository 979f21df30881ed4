using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Tests.Text;

[TestFixture]
public sealed class DialogueMapTests
{
    private static ManuscriptDocument Doc(string text) => TextIndexer.Build(text, "t", "hash");

    private static string[] QuotedTexts(ManuscriptDocument doc) =>
        doc.Dialogue.Quotes.Select(q => doc.Slice(q).ToString()).ToArray();

    [Test]
    public void Curly_double_quotes_are_speech_and_apostrophes_are_not()
    {
        var doc = Doc("“I don’t know,” said Anne. “Ask him.”\n\nThe boys’ hats were wet.\n");
        Assert.That(doc.Dialogue.Style, Is.EqualTo(QuoteStyle.Double));
        Assert.That(QuotedTexts(doc), Is.EqualTo(new[] { "“I don’t know,”", "“Ask him.”" }));
        Assert.That(doc.Dialogue.ParagraphDialogueChars, Is.EqualTo(new[] { 25, 0 }));
    }

    [Test]
    public void Straight_double_quotes_toggle()
    {
        var doc = Doc("He said \"run\" and \"hide\" quickly.\n");
        Assert.That(QuotedTexts(doc), Is.EqualTo(new[] { "\"run\"", "\"hide\"" }));
        Assert.That(doc.Dialogue.IsInDialogue(doc.Text.IndexOf("run", StringComparison.Ordinal)), Is.True);
        Assert.That(doc.Dialogue.IsInDialogue(doc.Text.IndexOf("quickly", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public void Uk_single_quotes_are_speech_when_the_book_uses_them()
    {
        var doc = Doc("‘It’s late,’ said Tom. ‘The dogs’ bowls are empty.’\n\n'Come in,' she said.\n");
        Assert.That(doc.Dialogue.Style, Is.EqualTo(QuoteStyle.Single));
        Assert.That(QuotedTexts(doc), Is.EqualTo(new[] { "‘It’s late,’", "‘The dogs’", "'Come in,'" }));
    }

    [Test]
    public void A_quote_left_open_ends_with_its_paragraph()
    {
        var doc = Doc("“This goes on\n\n“and on,” he said.\n");
        Assert.That(QuotedTexts(doc), Is.EqualTo(new[] { "“This goes on", "“and on,”" }));
    }

    [Test]
    public void Dialogue_share_of_a_sentence()
    {
        var doc = Doc("“Yes,” she said. He walked away without a word.\n");
        Assert.That(doc.Dialogue.IsDialogue(doc.Sentences[0]), Is.True);
        Assert.That(doc.Dialogue.IsDialogue(doc.Sentences[1]), Is.False);
    }

    [Test]
    public void Text_without_quotes_has_no_dialogue()
    {
        var doc = Doc("Nothing is said here at all.\n");
        Assert.That(doc.Dialogue.Style, Is.EqualTo(QuoteStyle.None));
        Assert.That(doc.Dialogue.DialogueChars, Is.Zero);
    }

    [Test]
    public void Pride_and_prejudice_is_dialogue_heavy()
    {
        var doc = Corpus.Load(Corpus.PrideAndPrejudice);
        var share = (double)doc.Dialogue.DialogueChars / doc.Paragraphs.Sum(p => p.Span.Length);
        Assert.That(doc.Dialogue.Style, Is.EqualTo(QuoteStyle.Double));
        Assert.That(share, Is.InRange(0.30, 0.60), "Austen's novel is roughly 40-50% speech");
    }
}

[TestFixture]
public sealed class TextLocatorTests
{
    [Test]
    public void Locates_chapter_and_paragraph_within_chapter()
    {
        var doc = TextIndexer.Build("Chapter 1\n\nFirst para.\n\nSecond para here.\n\nChapter 2\n\nOther text.\n\nTarget word.\n", "t", "h");
        var offset = doc.Text.IndexOf("Target", StringComparison.Ordinal);
        var location = doc.Locator.Locate(offset, 6);
        Assert.That(location.Chapter, Is.EqualTo(2));
        Assert.That(location.Paragraph, Is.EqualTo(2));
        Assert.That(location.Offset, Is.EqualTo(offset));
        Assert.That(doc.Locator.LocateChapter(1).Offset, Is.EqualTo(doc.Text.IndexOf("Chapter 2", StringComparison.Ordinal)));
    }
}
