using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Tests.Text.Indexing;

namespace Orchestrator.Manuscripts.Tests.Text;

/// <summary>A contents list at the start repeats the headings; the later occurrence is the chapter.</summary>
[TestFixture]
public sealed class TableOfContentsTests
{
    private const string Body =
        "CHAPTER I.\nThe Start\n\nIt began here. Then it went on.\n\n"
        + "CHAPTER II.\nThe Middle\n\nIt went on. And on.\n\n"
        + "CHAPTER III.\nThe End of It\n\nIt ended. Finally.\n";

    [Test]
    public void Consecutive_contents_lines_with_titles()
    {
        const string toc = "Contents\n\n CHAPTER I.     The Start\n CHAPTER II.    The Middle\n CHAPTER III.   The End of It\n\n\n\n";
        var doc = Index(toc + Body);

        Assert.Multiple(() =>
        {
            Assert.That(doc.Chapters.Select(c => c.Title), Is.EqualTo(new[] { "The Start", "The Middle", "The End of It" }));
            Assert.That(doc.Slice(doc.FrontMatter).ToString(), Is.EqualTo(toc));
            Assert.That(doc.Words(), Does.Not.Contain("Contents"));
        });
    }

    [Test]
    public void Bare_contents_lines_then_letters_and_chapters()
    {
        const string toc = "CONTENTS\n\n Letter 1\n Letter 2\n Chapter 1\n Chapter 2\n\n\n";
        var doc = Index(toc + "Letter 1\n\nDear sister.\n\nLetter 2\n\nDear sister again.\n\nChapter 1\n\nI was born.\n\nChapter 2\n\nI grew.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Headings(), Is.EqualTo(new[] { "Letter 1", "Letter 2", "Chapter 1", "Chapter 2" }));
            Assert.That(doc.FrontMatter.Length, Is.EqualTo(toc.Length));
        });
    }

    [Test]
    public void Blank_separated_contents_whose_last_entry_is_followed_by_prose()
    {
        // Moby-Dick: the last entry, "Epilogue", is followed by a transcriber's note and other front matter.
        const string toc = "CONTENTS\n\nCHAPTER 1. Loomings.\n\nCHAPTER 2. The Carpet-Bag.\n\nEpilogue\n\n\n\n"
                           + "Original Transcriber’s Notes:\n\nThis text is a combination of etexts.\n\nETYMOLOGY.\n\nWhale, from the Dutch.\n\n";
        var doc = Index(toc + "CHAPTER 1. Loomings.\n\nCall me Ishmael.\n\nCHAPTER 2. The Carpet-Bag.\n\nI stuffed a shirt or two.\n\n"
                        + "Epilogue\n\nThe drama’s done.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Headings(), Is.EqualTo(new[] { "CHAPTER 1. Loomings.", "CHAPTER 2. The Carpet-Bag.", "Epilogue" }));
            Assert.That(doc.Slice(doc.FrontMatter).ToString(), Is.EqualTo(toc));
            Assert.That(doc.Words(), Does.Not.Contain("etexts"));
        });
    }

    [Test]
    public void Repeated_numbers_in_later_parts_are_not_contents()
    {
        var doc = Index("BOOK I\n\nChapter 1\n\nOne.\n\nChapter 2\n\nTwo.\n\nBOOK II\n\nChapter 1\n\nThree.\n\nChapter 2\n\nFour.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Chapters, Has.Count.EqualTo(4));
            Assert.That(doc.Parts.Select(p => (p.FirstChapter, p.ChapterCount)), Is.EqualTo(new[] { (0, 2), (2, 2) }));
        });
    }

    [Test]
    public void Contents_that_list_parts_too()
    {
        const string toc = "Contents\n\nPART ONE\nChapter 1\nChapter 2\nPART TWO\nChapter 3\n\n";
        var doc = Index(toc + "PART ONE\n\nChapter 1\n\nOne.\n\nChapter 2\n\nTwo.\n\nPART TWO\n\nChapter 3\n\nThree.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Headings(), Is.EqualTo(new[] { "Chapter 1", "Chapter 2", "Chapter 3" }));
            Assert.That(doc.Parts.Select(p => p.Heading), Is.EqualTo(new[] { "PART ONE", "PART TWO" }));
            Assert.That(doc.FrontMatter.Length, Is.EqualTo(toc.Length));
        });
    }

    [Test]
    public void An_empty_chapter_in_the_middle_is_kept()
    {
        var doc = Index("Chapter 1\n\nOne.\n\nChapter 2\n\nChapter 3\n\nThree.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Headings(), Is.EqualTo(new[] { "Chapter 1", "Chapter 2", "Chapter 3" }));
            Assert.That(doc.Chapters[1].ParagraphCount, Is.Zero);
            Assert.That(doc.Chapters[1].SceneCount, Is.Zero);
        });
        IndexInvariants.AssertConsistent(doc);
    }
}
