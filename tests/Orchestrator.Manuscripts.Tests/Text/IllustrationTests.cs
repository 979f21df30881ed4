using static Orchestrator.Manuscripts.Tests.Text.Indexing;

namespace Orchestrator.Manuscripts.Tests.Text;

/// <summary>[Illustration: ...] captions are not prose, but may hold the only copy of a chapter heading.</summary>
[TestFixture]
public sealed class IllustrationTests
{
    [Test]
    public void Captions_are_not_paragraphs_and_nested_brackets_close_them()
    {
        var doc = Index("Chapter 1\n\nBefore the picture.\n\n[Illustration:\n\n“He came down to see the place”\n\n[_Copyright 1894 by George Allen._]]\n\n"
                        + "[Illustration]\n\nAfter the picture.\n\n[Illustration: A one-line caption] Text after it.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.ParagraphTexts(), Is.EqualTo(new[] { "Before the picture.", "After the picture.", "Text after it." }));
            Assert.That(doc.Words(), Does.Not.Contain("Copyright").And.Not.Contain("Illustration").And.Not.Contain("caption"));
        });
    }

    [Test]
    public void A_chapter_heading_found_only_in_a_caption_is_the_chapter()
    {
        // Pride and Prejudice: "Chapter I." exists only inside the heading illustration's caption.
        const string front = "PREFACE.\n\nSome preface text.\n\n\n\n";
        var doc = Index(front + "[Illustration: ·PRIDE AND PREJUDICE·\n\n\n\n\nChapter I.]\n\n\nIt is a truth universally acknowledged.\n\n"
                        + "[Illustration:\n\n“I hope Mr. Bingley will like it”\n\n[_Copyright 1894 by George Allen._]]\n\n\n\n"
                        + "CHAPTER II.\n\n\n[Illustration]\n\nMr. Bennet was among the earliest.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Headings(), Is.EqualTo(new[] { "Chapter I.", "CHAPTER II." }));
            Assert.That(doc.Chapters.Select(c => c.Number), Is.EqualTo(new int?[] { 1, 2 }));
            Assert.That(doc.Slice(doc.FrontMatter).ToString(), Is.EqualTo(front));
            Assert.That(doc.Slice(doc.Chapters[0].Span).ToString(), Does.StartWith("[Illustration: ·PRIDE").And.EndWith("George Allen._]]"));
            Assert.That(doc.Paragraphs.Select(p => p.ChapterIndex), Is.EqualTo(new[] { 0, 1 }));
        });
    }

    [Test]
    public void A_caption_repeating_a_real_heading_is_ignored()
    {
        var doc = Index("Chapter 1\n\nOne.\n\n[Illustration: Heading to\n\nChapter II.]\n\nStill one.\n\nChapter II.\n\nTwo.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Headings(), Is.EqualTo(new[] { "Chapter 1", "Chapter II." }));
            Assert.That(doc.Chapters[0].ParagraphCount, Is.EqualTo(2));
        });
    }

    [Test]
    public void An_unclosed_bracket_is_prose()
    {
        var doc = Index("Chapter 1\n\n[Illustration of a point, she said, without closing it.\n");

        Assert.That(doc.WordCount, Is.EqualTo(9));
    }
}
