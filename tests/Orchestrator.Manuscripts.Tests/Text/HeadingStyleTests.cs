using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Tests.Text.Indexing;

namespace Orchestrator.Manuscripts.Tests.Text;

/// <summary>Each chapter-heading style novels use, on small inline texts.</summary>
[TestFixture]
public sealed class HeadingStyleTests
{
    private static string Book(params string[] headings) =>
        string.Join("\n\n", headings.Select((h, i) => $"{h}\n\nThe body of section {i + 1} is here. It has two sentences.")) + "\n";

    [TestCase("Chapter 1", "Chapter 2", "Chapter 3")]
    [TestCase("CHAPTER I.", "CHAPTER II.", "CHAPTER III.")]
    [TestCase("CHAPTER I", "Chapter II.", "chapter iii")]
    [TestCase("Chapter One", "Chapter Two", "Chapter Three")]
    [TestCase("Chapter the First", "Chapter the Second", "Chapter the Third")]
    [TestCase("I.", "II.", "III.")]
    [TestCase("I", "II", "III")]
    [TestCase("CHAP. 1", "CHAP. 2", "CHAP. 3")]
    [TestCase("1", "2", "3")]
    [TestCase("1.", "2.", "3.")]
    public void Numbered_headings(string first, string second, string third)
    {
        var doc = Index(Book(first, second, third));

        Assert.Multiple(() =>
        {
            Assert.That(doc.Headings(), Is.EqualTo(new[] { first, second, third }));
            Assert.That(doc.Chapters.Select(c => c.Number), Is.EqualTo(new int?[] { 1, 2, 3 }));
            Assert.That(doc.Chapters.Select(c => c.Kind), Has.All.EqualTo(SectionKind.Chapter));
            Assert.That(doc.Chapters.Select(c => c.Title), Has.All.Null);
            Assert.That(doc.Chapters.Select(c => c.WordCount), Has.All.EqualTo(11), "heading words are not body words");
            Assert.That(doc.FrontMatter.Length, Is.Zero);
        });
        IndexInvariants.AssertConsistent(doc);
    }

    [TestCase("Chapter Twenty-One", 21)]
    [TestCase("Chapter Twenty One", 21)]
    [TestCase("CHAPTER FORTY-SECOND", 42)]
    [TestCase("Chapter the Twenty-First", 21)]
    [TestCase("Chapter One Hundred and Five", 105)]
    [TestCase("CHAPTER XLIX.", 49)]
    [TestCase("CHAPTER 135.", 135)]
    public void Number_forms(string heading, int number)
    {
        var doc = Index(Book(heading));

        Assert.That(doc.Chapters.Single().Number, Is.EqualTo(number));
    }

    [TestCase("CHAPTER 1. Loomings.", "Loomings.")]
    [TestCase("Chapter 3: The Storm", "The Storm")]
    [TestCase("Chapter 3 - The Storm", "The Storm")]
    [TestCase("Chapter 3 — The Storm", "The Storm")]
    [TestCase("Chapter Three. The Storm", "The Storm")]
    [TestCase("Chapter 3 The Storm", "The Storm")]
    [TestCase("CHAPTER I.     Down the Rabbit-Hole", "Down the Rabbit-Hole")]
    public void Title_on_the_same_line(string heading, string title)
    {
        var doc = Index(Book(heading, heading.Replace("3", "4").Replace("Three", "Four").Replace(" I.", " II.").Replace(" 1.", " 2.")));

        Assert.Multiple(() =>
        {
            Assert.That(doc.Chapters, Has.Count.EqualTo(2));
            Assert.That(doc.Chapters[0].Title, Is.EqualTo(title));
            Assert.That(doc.Chapters[0].Heading, Is.EqualTo(heading));
            Assert.That(doc.Chapters[0].WordCount, Is.EqualTo(11));
        });
    }

    [Test]
    public void Emphasised_headings()
    {
        var doc = Index(Book("**Chapter 1**", "_Chapter Two_", "*EPILOGUE*"));

        Assert.Multiple(() =>
        {
            Assert.That(doc.Headings(), Is.EqualTo(new[] { "Chapter 1", "Chapter Two", "EPILOGUE" }));
            Assert.That(doc.Chapters.Select(c => c.Span.Start), Is.EqualTo(new[] { 0, 69, 138 }));
        });
    }

    [Test]
    public void Title_on_the_next_line()
    {
        var doc = Index("CHAPTER I.\nDown the Rabbit-Hole\n\n\nAlice was beginning to get very tired.\n\n"
                        + "CHAPTER II.\nThe Pool of Tears\n\n‘Curiouser and curiouser!’ cried Alice.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Chapters.Select(c => c.Title), Is.EqualTo(new[] { "Down the Rabbit-Hole", "The Pool of Tears" }));
            Assert.That(doc.Chapters[0].Heading, Is.EqualTo("CHAPTER I. Down the Rabbit-Hole"));
            Assert.That(doc.Slice(doc.Chapters[0].HeadingSpan).ToString(), Is.EqualTo("CHAPTER I.\nDown the Rabbit-Hole"));
            Assert.That(doc.Words(), Is.EqualTo(new[] { "Alice", "was", "beginning", "to", "get", "very", "tired", "Curiouser", "and", "curiouser", "cried", "Alice" }));
        });
    }

    [Test]
    public void Capitals_title_after_a_blank_line()
    {
        var doc = Index("CHAPTER I\n\nTHE BEGINNING\n\nIt began at dawn.\n\nCHAPTER II\n\nTHE END OF IT ALL\n\nIt ended at dusk.\n");

        Assert.That(doc.Chapters.Select(c => c.Title), Is.EqualTo(new[] { "THE BEGINNING", "THE END OF IT ALL" }));
    }

    [Test]
    public void Title_wrapped_onto_a_second_line()
    {
        var doc = Index("CHAPTER 56. Of the Less Erroneous Pictures of Whales, and the True\nPictures of Whaling Scenes.\n\n"
                        + "In connexion with the monstrous pictures of whales, I am tempted.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Chapters.Single().Title, Is.EqualTo("Of the Less Erroneous Pictures of Whales, and the True Pictures of Whaling Scenes."));
            Assert.That(doc.WordText(0).ToString(), Is.EqualTo("In"));
        });
    }

    [Test]
    public void Heading_followed_directly_by_prose()
    {
        var doc = Index("Chapter 1\nIt was a dark and stormy night; the rain fell in torrents,\nexcept at occasional intervals.\n\nChapter 2\nMorning came, and with it\nthe rain.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Headings(), Is.EqualTo(new[] { "Chapter 1", "Chapter 2" }));
            Assert.That(doc.ParagraphTexts()[0], Does.StartWith("It was a dark"));
        });
    }

    [Test]
    public void Prologue_letters_epilogue()
    {
        var doc = Index(Book("Prologue", "Letter 1", "Letter 2", "Chapter 1", "Epilogue"));

        Assert.Multiple(() =>
        {
            Assert.That(doc.Chapters.Select(c => c.Kind), Is.EqualTo(new[]
                { SectionKind.Prologue, SectionKind.Letter, SectionKind.Letter, SectionKind.Chapter, SectionKind.Epilogue }));
            Assert.That(doc.Chapters.Select(c => c.Number), Is.EqualTo(new int?[] { null, 1, 2, 1, null }));
        });
    }

    [TestCase("PROLOGUE.", SectionKind.Prologue, null)]
    [TestCase("Epilogue: Ten Years Later", SectionKind.Epilogue, "Ten Years Later")]
    [TestCase("LETTER IV.", SectionKind.Letter, null)]
    public void Other_section_kinds(string heading, SectionKind kind, string? title)
    {
        var chapter = Index(Book(heading)).Chapters.Single();

        Assert.That((chapter.Kind, chapter.Title), Is.EqualTo((kind, title)));
    }

    [Test]
    public void Text_before_the_first_chapter_is_front_matter()
    {
        const string front = "MY NOVEL\n\nby A. Writer\n\nFor my mother.\n\n";
        var doc = Index(front + Book("Chapter 1"));

        Assert.Multiple(() =>
        {
            Assert.That(doc.Chapters, Has.Count.EqualTo(1));
            Assert.That(doc.Slice(doc.FrontMatter).ToString(), Is.EqualTo(front));
            Assert.That(doc.Words(), Does.Not.Contain("mother"));
        });
    }

    [Test]
    public void A_text_without_headings_is_one_untitled_chapter()
    {
        var doc = Index("\n\nIt was a quiet day.\n\nNothing happened at all.\n");

        Assert.Multiple(() =>
        {
            var chapter = doc.Chapters.Single();
            Assert.That(chapter.Kind, Is.EqualTo(SectionKind.Untitled));
            Assert.That(chapter.Heading, Is.Empty);
            Assert.That(chapter.Number, Is.Null);
            Assert.That(chapter.ParagraphCount, Is.EqualTo(2));
            Assert.That(doc.Slice(chapter.Span).ToString(), Is.EqualTo("It was a quiet day.\n\nNothing happened at all."));
            Assert.That(doc.WordCount, Is.EqualTo(9));
        });
    }

    [Test]
    public void The_end_is_not_a_chapter_and_what_follows_is_back_matter()
    {
        var doc = Index(Book("Chapter 1", "Chapter 2") + "\nTHE END\n\nTranscriber's note: spelling kept.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Chapters, Has.Count.EqualTo(2));
            Assert.That(doc.Words(), Does.Not.Contain("END").And.Not.Contain("Transcriber's"));
            Assert.That(doc.Slice(doc.BackMatter).ToString(), Does.StartWith("THE END"));
            Assert.That(doc.Slice(doc.Chapters[1].Span).ToString(), Does.EndWith("two sentences."));
        });
    }

    [Test]
    public void Gutenberg_markers_bound_the_body()
    {
        var doc = Index("The Project Gutenberg eBook of Test\n\nChapter 9 is mentioned here.\n\n*** START OF THE PROJECT GUTENBERG EBOOK TEST ***\n\n"
                        + Book("Chapter 1") + "\n*** END OF THE PROJECT GUTENBERG EBOOK TEST ***\n\nLicence text.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Headings(), Is.EqualTo(new[] { "Chapter 1" }));
            Assert.That(doc.Words(), Does.Not.Contain("Licence"));
        });
    }

    [TestCase("He looked it up in\nChapter 5\nof the manual, and sighed.")]
    [TestCase("Chapter 5 of the manual was long and dull.\nHe skipped it.")]
    [TestCase("Part of the reason was the rain.")]
    [TestCase("Letters came every day.")]
    [TestCase("BOOK I. (Folio), CHAPTER I. (Sperm Whale).—This whale, among the English\nof old vaguely known as the Trumpa whale.")]
    [TestCase("I\nwent home.")]
    [TestCase("12\napples fell.")]
    [TestCase("1848 was a year of revolutions.")]
    public void Prose_that_starts_like_a_heading_is_prose(string paragraph)
    {
        var doc = Index(Book("Chapter 1") + "\n" + paragraph + "\n\nMore prose follows.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Headings(), Is.EqualTo(new[] { "Chapter 1" }));
            Assert.That(doc.Parts, Is.Empty);
            Assert.That(doc.ParagraphTexts(), Does.Contain(paragraph));
        });
    }

    [Test]
    public void Chapter_span_covers_heading_to_last_paragraph()
    {
        var doc = Index("Chapter 1\n\nFirst body.\n\n\nChapter 2\n\nSecond body.\n\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Slice(doc.Chapters[0].Span).ToString(), Is.EqualTo("Chapter 1\n\nFirst body."));
            Assert.That(doc.Slice(doc.Chapters[1].Span).ToString(), Is.EqualTo("Chapter 2\n\nSecond body."));
            Assert.That(doc.Slice(doc.Chapters[1].HeadingSpan).ToString(), Is.EqualTo("Chapter 2"));
        });
    }
}
