using Orchestrator.Manuscripts.Loading;

namespace Orchestrator.Manuscripts.Tests.Loading;

[TestFixture]
public sealed class ChapterFileNamesTests
{
    [Test]
    public void Numbers_order_by_value_whatever_the_padding_and_separators()
    {
        string[] names = ["chapter-10.md", "Chapter 2.txt", "chapter_1.md", "chapter-009.docx", "Chapter 3.txt"];
        var sorted = names.Order(ChapterFileNames.Order).ToArray();
        Assert.That(sorted, Is.EqualTo(new[] { "chapter_1.md", "Chapter 2.txt", "Chapter 3.txt", "chapter-009.docx", "chapter-10.md" }));
    }

    [Test]
    public void Leading_numbers_with_titles_order_by_number_and_front_and_back_matter_go_to_the_ends()
    {
        string[] names = ["epilogue.md", "10 - The End of It.md", "02 - The Storm.md", "prologue.md", "1 - Arrival.md", "Afterword.txt"];
        var sorted = names.Order(ChapterFileNames.Order).ToArray();
        Assert.That(sorted, Is.EqualTo(new[]
        {
            "prologue.md", "1 - Arrival.md", "02 - The Storm.md", "10 - The End of It.md", "Afterword.txt", "epilogue.md",
        }));
    }

    [Test]
    public void Order_is_total_for_names_that_differ_only_in_padding() =>
        Assert.That(ChapterFileNames.Compare("chapter-01.md", "chapter-1.md"), Is.Not.Zero);

    [TestCase("chapter-01.md", true)]
    [TestCase("Chapter 2.txt", true)]
    [TestCase("03 - The Storm.md", true)]
    [TestCase("ch3.docx", true)]
    [TestCase("Part 1.md", true)]
    [TestCase("prologue.md", true)]
    [TestCase("Epilogue - Home.md", true)]
    [TestCase("notes.md", false)]
    [TestCase("chapter.md", false)]
    [TestCase("my-novel-2.txt", false)]
    [TestCase("draft v2.docx", false)]
    public void Chapter_names(string name, bool isChapter) =>
        Assert.That(ChapterFileNames.IsChapterName(name), Is.EqualTo(isChapter));
}
