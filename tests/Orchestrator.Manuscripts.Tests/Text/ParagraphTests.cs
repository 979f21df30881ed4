using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Tests.Text.Indexing;

namespace Orchestrator.Manuscripts.Tests.Text;

[TestFixture]
public sealed class ParagraphTests
{
    [Test]
    public void Paragraph_spans_round_trip_to_the_text()
    {
        const string text = "Chapter 1\n\n   It was the best of times,\nit was the worst of times.   \n\n\n\n“Quite,” she said.\n\n  Indented start.\n";
        var doc = Index(text);

        Assert.Multiple(() =>
        {
            Assert.That(doc.ParagraphTexts(), Is.EqualTo(new[]
            {
                "It was the best of times,\nit was the worst of times.",
                "“Quite,” she said.",
                "Indented start.",
            }));
            Assert.That(doc.Paragraphs.Select(p => (p.FirstWord, p.WordCount, p.FirstSentence, p.SentenceCount)),
                Is.EqualTo(new[] { (0, 12, 0, 1), (12, 3, 1, 1), (15, 2, 2, 1) }));
            Assert.That(doc.Paragraphs[0].Span, Is.EqualTo(new TextSpan(text.IndexOf("It was", StringComparison.Ordinal), 52)));
        });
    }

    [Test]
    public void Hard_wrapped_lines_are_one_paragraph_but_long_lines_are_one_paragraph_each()
    {
        string longLine1 = "She walked " + string.Concat(Enumerable.Repeat("along the endless shore ", 6)) + "until dark.";
        string longLine2 = "He waited " + string.Concat(Enumerable.Repeat("beside the silent door ", 6)) + "until dawn.";
        var doc = Index($"A wrapped paragraph\nof three short\nlines.\n\n{longLine1}\n{longLine2}\nShort reply.\n");

        Assert.That(doc.ParagraphTexts(), Is.EqualTo(new[] { "A wrapped paragraph\nof three short\nlines.", longLine1, longLine2, "Short reply." }));
    }

    [Test]
    public void Paragraphs_without_words_are_dropped()
    {
        var doc = Index("Chapter 1\n\nWords here.\n\n“—”\n\nMore words.\n");

        Assert.That(doc.ParagraphTexts(), Is.EqualTo(new[] { "Words here.", "More words." }));
    }

    [TestCase("Line one.\r\nLine two.\r\n\r\nNext.\r\n")]
    [TestCase("Line one.\rLine two.\r\rNext.\r")]
    public void Build_normalises_line_endings(string text)
    {
        var doc = Index(text);

        Assert.Multiple(() =>
        {
            Assert.That(doc.Text, Is.EqualTo("Line one.\nLine two.\n\nNext.\n"));
            Assert.That(doc.ParagraphTexts(), Is.EqualTo(new[] { "Line one.\nLine two.", "Next." }));
        });
    }

    [Test]
    public void Document_carries_what_it_was_built_with()
    {
        var doc = TextIndexer.Build("Hello there.", "My Title", "abc123", "books/x.txt");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Title, Is.EqualTo("My Title"));
            Assert.That(doc.ContentHash, Is.EqualTo("abc123"));
            Assert.That(doc.SourcePath, Is.EqualTo("books/x.txt"));
            Assert.That(doc.Encoding, Is.EqualTo("utf-8"));
        });
    }

    [Test]
    public void Empty_text_has_no_chapters()
    {
        var doc = Index("  \n\n ");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Chapters, Is.Empty);
            Assert.That(doc.WordCount, Is.Zero);
        });
    }
}
