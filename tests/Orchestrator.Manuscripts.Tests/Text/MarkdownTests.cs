using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Tests.Text.Indexing;

namespace Orchestrator.Manuscripts.Tests.Text;

[TestFixture]
public sealed class MarkdownTests
{
    [Test]
    public void Book_title_above_level_two_chapters_is_not_a_chapter()
    {
        var doc = Markdown("# The Long Voyage\n\nA dedication line.\n\n## The Harbour\n\nShips came in.\n\n## The Storm\n\nWaves rose.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Headings(), Is.EqualTo(new[] { "The Harbour", "The Storm" }));
            Assert.That(doc.Chapters.Select(c => (c.Kind, c.Title)), Is.EqualTo(new[] { (SectionKind.Section, "The Harbour"), (SectionKind.Section, "The Storm") }));
            Assert.That(doc.Slice(doc.FrontMatter).ToString(), Does.StartWith("# The Long Voyage"));
            Assert.That(doc.Words(), Is.EqualTo(new[] { "Ships", "came", "in", "Waves", "rose" }));
        });
    }

    [Test]
    public void Level_one_chapters_with_keyword_headings()
    {
        var doc = Markdown("# Chapter 1: Arrival\n\nShe arrived.\n\n# Chapter 2: Departure\n\nShe left.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Chapters.Select(c => (c.Kind, c.Number, c.Title)),
                Is.EqualTo(new[] { (SectionKind.Chapter, (int?)1, "Arrival"), (SectionKind.Chapter, (int?)2, "Departure") }));
            Assert.That(doc.Headings(), Is.EqualTo(new[] { "Chapter 1: Arrival", "Chapter 2: Departure" }));
        });
    }

    [Test]
    public void Parts_above_chapters_and_subheadings_below()
    {
        var doc = Markdown("# Book Title\n\n# Part One\n\n## Prologue\n\nOnce.\n\n## Arrival\n\nShe came.\n\n### Later that night\n\nShe slept.\n\n# Part Two\n\n## Departure\n\nShe went.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Headings(), Is.EqualTo(new[] { "Prologue", "Arrival", "Departure" }));
            Assert.That(doc.Chapters[0].Kind, Is.EqualTo(SectionKind.Prologue));
            Assert.That(doc.Parts.Select(p => (p.Heading, p.FirstChapter, p.ChapterCount)), Is.EqualTo(new[] { ("Part One", 0, 2), ("Part Two", 2, 1) }));
            Assert.That(doc.Chapters[1].SceneCount, Is.EqualTo(2));
            Assert.That(doc.Words(), Does.Not.Contain("night"));
        });
    }

    [Test]
    public void Setext_headings_thematic_breaks_and_yaml_front_matter()
    {
        var doc = Markdown("---\ntitle: Hidden\n---\n\nFirst Chapter\n=============\n\nOne.\n\n* * *\n\nTwo.\n\nSecond Chapter\n==============\n\nThree.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Headings(), Is.EqualTo(new[] { "First Chapter", "Second Chapter" }));
            Assert.That(doc.Chapters.Select(c => c.SceneCount), Is.EqualTo(new[] { 2, 1 }));
            Assert.That(doc.Words(), Is.EqualTo(new[] { "One", "Two", "Three" }));
        });
    }

    [Test]
    public void Markdown_is_chosen_by_the_md_extension()
    {
        const string text = "## The Harbour\n\nShips came in.\n";

        Assert.Multiple(() =>
        {
            Assert.That(Index(text, "novel.md").Headings(), Is.EqualTo(new[] { "The Harbour" }));
            Assert.That(Index(text, "novel.txt").Chapters.Single().Kind, Is.EqualTo(SectionKind.Untitled));
        });
    }

    [Test]
    public void Hash_headings_in_plain_text_count_when_they_name_a_chapter()
    {
        var doc = Index("# Chapter 1\n\nOne.\n\n# Notes\n\nStill one.\n\n#\n\nA new scene.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Headings(), Is.EqualTo(new[] { "Chapter 1" }));
            Assert.That(doc.Chapters[0].SceneCount, Is.EqualTo(2));
        });
    }
}
