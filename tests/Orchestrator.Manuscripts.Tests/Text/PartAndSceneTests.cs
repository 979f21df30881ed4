using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Tests.Text.Indexing;

namespace Orchestrator.Manuscripts.Tests.Text;

[TestFixture]
public sealed class PartAndSceneTests
{
    [TestCase("BOOK I", "BOOK II")]
    [TestCase("PART ONE", "PART TWO")]
    [TestCase("VOLUME I.", "VOLUME II.")]
    [TestCase("Part 1: The Shire", "Part 2: Mordor")]
    [TestCase("BOOK THE FIRST", "BOOK THE SECOND")]
    public void Parts_group_chapters_and_are_not_chapters(string first, string second)
    {
        var doc = Index($"{first}\n\nChapter 1\n\nOne.\n\nChapter 2\n\nTwo.\n\n{second}\n\nChapter 3\n\nThree.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Headings(), Is.EqualTo(new[] { "Chapter 1", "Chapter 2", "Chapter 3" }));
            Assert.That(doc.Parts.Select(p => p.Heading), Is.EqualTo(new[] { first, second }));
            Assert.That(doc.Parts.Select(p => (p.Index, p.FirstChapter, p.ChapterCount)), Is.EqualTo(new[] { (0, 0, 2), (1, 2, 1) }));
            Assert.That(doc.Chapters.Select(c => c.PartIndex), Is.EqualTo(new int?[] { 0, 0, 1 }));
            Assert.That(doc.Slice(doc.Parts[1].HeadingSpan).ToString(), Is.EqualTo(second));
            Assert.That(doc.Words(), Is.EqualTo(new[] { "One", "Two", "Three" }));
        });
    }

    [Test]
    public void A_book_divided_only_into_parts_has_them_as_sections()
    {
        var doc = Index("PART ONE\n\nThe first part.\n\nPART TWO\n\nThe second part.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Chapters.Select(c => (c.Kind, c.Number)), Is.EqualTo(new[] { (SectionKind.Section, (int?)1), (SectionKind.Section, (int?)2) }));
            Assert.That(doc.Parts, Is.Empty);
        });
    }

    [TestCase("***")]
    [TestCase("* * *")]
    [TestCase("*      *      *      *      *")]
    [TestCase("#")]
    [TestCase("~~~")]
    [TestCase("———")]
    [TestCase("§")]
    [TestCase("---")]
    [TestCase("⁂")]
    [TestCase("  • • •")]
    public void Scene_breaks(string separator)
    {
        var doc = Index($"Chapter 1\n\n{separator}\n\nFirst scene, one.\n\nFirst scene, two.\n\n{separator}\n\nSecond scene.\n\n{separator}\n{separator}\n\nThird scene.\n\nChapter 2\n\nOnly scene.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Chapters.Select(c => c.SceneCount), Is.EqualTo(new[] { 3, 1 }));
            Assert.That(doc.Scenes.Select(s => (s.ChapterIndex, s.FirstParagraph, s.ParagraphCount, s.WordCount)),
                Is.EqualTo(new[] { (0, 0, 2, 6), (0, 2, 1, 2), (0, 3, 1, 2), (1, 4, 1, 2) }));
            Assert.That(doc.Slice(doc.Scenes[0].Span).ToString(), Is.EqualTo("First scene, one.\n\nFirst scene, two."));
            Assert.That(doc.Paragraphs.Select(p => p.SceneIndex), Is.EqualTo(new[] { 0, 0, 1, 2, 3 }));
            Assert.That(doc.Words(), Has.None.Contains("*").And.None.EqualTo("§"));
        });
        IndexInvariants.AssertConsistent(doc);
    }

    [Test]
    public void A_chapter_without_breaks_is_one_scene()
    {
        var doc = Index("Chapter 1\n\nOne.\n\nTwo.\n");

        Assert.That(doc.Scenes.Single(), Is.EqualTo(new Scene(0, 0, 2, 2, new TextSpan(11, 10))));
    }
}
