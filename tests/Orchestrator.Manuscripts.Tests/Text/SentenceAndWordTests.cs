using static Orchestrator.Manuscripts.Tests.Text.Indexing;

namespace Orchestrator.Manuscripts.Tests.Text;

[TestFixture]
public sealed class SentenceAndWordTests
{
    [TestCase("Mr. and Mrs. Bennet met Dr. Jones at St. Paul’s. They talked.", "Mr. and Mrs. Bennet met Dr. Jones at St. Paul’s.", "They talked.")]
    [TestCase("J. R. R. Tolkien wrote it. He was a professor.", "J. R. R. Tolkien wrote it.", "He was a professor.")]
    [TestCase("It cost 3.50 pounds. Cheap!", "It cost 3.50 pounds.", "Cheap!")]
    [TestCase("St. Petersburgh, Dec. 11th, 17—. You will rejoice.", "St. Petersburgh, Dec. 11th, 17—.", "You will rejoice.")]
    [TestCase("See No. 5 and vol. 2 of it. Done.", "See No. 5 and vol. 2 of it.", "Done.")]
    [TestCase("He said so, i.e. nothing. Then left.", "He said so, i.e. nothing.", "Then left.")]
    [TestCase("They sold pens, ink, etc. The shop closed.", "They sold pens, ink, etc.", "The shop closed.")]
    [TestCase("“What?” said Alice. “Nothing.”", "“What?” said Alice.", "“Nothing.”")]
    [TestCase("“Oh dear! Oh dear! I shall be late!” (when she thought it over.)", "“Oh dear!", "Oh dear!", "I shall be late!” (when she thought it over.)")]
    [TestCase("Wait… I know. Really?! Yes.", "Wait…", "I know.", "Really?!", "Yes.")]
    [TestCase("He stopped... and went on. The end", "He stopped... and went on.", "The end")]
    [TestCase("It was I. Then we left.", "It was I.", "Then we left.")]
    [TestCase("_You_ want to tell me. I listen.", "_You_ want to tell me.", "I listen.")]
    [TestCase("(It rained.) We stayed in.", "(It rained.)", "We stayed in.")]
    public void Sentences_split_at_terminators_but_not_abbreviations(string paragraph, params string[] sentences)
    {
        var doc = Index(paragraph);

        Assert.That(doc.SentenceTexts(), Is.EqualTo(sentences));
    }

    [Test]
    public void Sentences_do_not_cross_paragraphs_and_keep_line_breaks()
    {
        var doc = Index("The first line\nwraps here. Another one\n\nA new paragraph without a stop\n\nLast.");

        Assert.Multiple(() =>
        {
            Assert.That(doc.SentenceTexts(), Is.EqualTo(new[] { "The first line\nwraps here.", "Another one", "A new paragraph without a stop", "Last." }));
            Assert.That(doc.Sentences.Select(s => s.ParagraphIndex), Is.EqualTo(new[] { 0, 0, 1, 2 }));
            Assert.That(doc.Sentences.Select(s => (s.FirstWord, s.WordCount)), Is.EqualTo(new[] { (0, 5), (5, 2), (7, 6), (13, 1) }));
        });
    }

    [Test]
    public void Words_keep_inner_apostrophes_hyphens_and_number_punctuation()
    {
        var doc = Index("Don’t say it's well-known—or rock'n'roll—in 1,000.5 ways; ‘Tis Thomas’ café, naïve sect--fairly, 11th.");

        Assert.That(doc.Words(), Is.EqualTo(new[]
        {
            "Don’t", "say", "it's", "well-known", "or", "rock'n'roll", "in", "1,000.5", "ways", "Tis", "Thomas", "café", "naïve",
            "sect", "fairly", "11th",
        }));
    }

    [Test]
    public void Word_offsets_point_into_the_text()
    {
        const string text = "Chapter 1\n\nCall me Ishmael.\n";
        var doc = Index(text);

        Assert.Multiple(() =>
        {
            Assert.That(doc.Words.Select(w => (w.Start, w.Length)), Is.EqualTo(new[] { (11, 4), (16, 2), (19, 7) }));
            Assert.That(doc.WordText(doc.Words[2]).ToString(), Is.EqualTo("Ishmael"));
        });
    }

    [Test]
    public void Combining_marks_stay_inside_words()
    {
        var doc = Index("Cafe\u0301 au lait.");

        Assert.That(doc.Words(), Is.EqualTo(new[] { "Cafe\u0301", "au", "lait" }));
    }
}
