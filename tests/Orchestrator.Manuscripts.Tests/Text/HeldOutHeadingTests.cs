using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Tests.Text.Indexing;

namespace Orchestrator.Manuscripts.Tests.Text;

/// <summary>
/// Heading styles of novels the index was not tuned on, each on a small synthetic manuscript: chapters headed by a
/// title alone after a contents list, story collections, contents lists of parts, volumes that number chapters again.
/// </summary>
[TestFixture]
public sealed class HeldOutHeadingTests
{
    private static string Body(string subject) =>
        $"The {subject} came first. Then more of the {subject} followed, as it always did.\n\nAnd then it was over.\n\n";

    [Test]
    public void Title_only_headings_named_by_the_contents_list_are_chapters()
    {
        const string contents = "THE HARBOUR AT DAWN\n\nA Novel\n\n\nCONTENTS\n\nTHE ARRIVAL\nA STORM AT SEA .......... 17\nTHE WIDOW'S HOUSE\n\n\n";
        var doc = Index(contents + "THE ARRIVAL\n\n" + Body("ship") + "A STORM AT SEA\n\n" + Body("wind")
                        + "THE WIDOW'S HOUSE\n\n" + Body("widow") + "WHAT HE SAID\n\nA line in capitals that the contents list does not name is prose.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Headings(), Is.EqualTo(new[] { "THE ARRIVAL", "A STORM AT SEA", "THE WIDOW'S HOUSE" }));
            Assert.That(doc.Chapters.Select(c => c.Title), Is.EqualTo(new[] { "THE ARRIVAL", "A STORM AT SEA", "THE WIDOW'S HOUSE" }));
            Assert.That(doc.Slice(doc.FrontMatter).ToString(), Is.EqualTo(contents));
            Assert.That(doc.Chapters[2].ParagraphCount, Is.EqualTo(4), "WHAT HE SAID is a paragraph of the last chapter");
            Assert.That(doc.Words(), Does.Not.Contain("CONTENTS"));
        });
        IndexInvariants.AssertConsistent(doc);
    }

    [Test]
    public void Capital_lines_without_a_contents_list_stay_prose()
    {
        var doc = Index("THE ARRIVAL\n\n" + Body("ship") + "A STORM AT SEA\n\n" + Body("wind"));

        Assert.That(doc.Chapters.Single().Kind, Is.EqualTo(SectionKind.Untitled));
    }

    [Test]
    public void Stories_of_a_collection_are_the_chapters_and_their_numbered_sections_are_scenes()
    {
        const string contents = "CONTENTS\n\nI. A Scandal at the Opera\nII. The Man with the Twisted Lip\nIII. THE COPPER BEECHES\n\n\n";
        static string Story(string heading, int sections) =>
            heading + "\n\n" + string.Concat(Enumerable.Range(1, sections).Select(i =>
                $"{NumberRoman(i)}.\n\n" + Body("section " + i)));
        var doc = Index(contents + Story("I. A Scandal at the Opera", 3) + Story("II. The Man with the Twisted Lip", 2)
                        + Story("III. THE COPPER BEECHES", 4));

        Assert.Multiple(() =>
        {
            Assert.That(doc.Chapters.Select(c => (c.Number, c.Title)), Is.EqualTo(new (int?, string?)[]
            {
                (1, "A Scandal at the Opera"), (2, "The Man with the Twisted Lip"), (3, "THE COPPER BEECHES"),
            }));
            Assert.That(doc.Chapters.Select(c => c.SceneCount), Is.EqualTo(new[] { 3, 2, 4 }));
            Assert.That(doc.Slice(doc.FrontMatter).ToString(), Is.EqualTo(contents));
        });
        IndexInvariants.AssertConsistent(doc);
    }

    [Test]
    public void A_numbered_sentence_alone_in_a_paragraph_is_not_a_story()
    {
        // A numbered rule in prose reads as a sentence, not as a title.
        var doc = Index("CHAPTER 1. The Law\n\n" + Body("law") + "I. A loose fish belongs to whoever can soonest catch it.\n\n" + Body("fish")
                        + "CHAPTER 2. After\n\n" + Body("end"));

        Assert.That(doc.Headings(), Is.EqualTo(new[] { "CHAPTER 1. The Law", "CHAPTER 2. After" }));
    }

    [Test]
    public void A_contents_list_of_parts_with_chapter_titles_under_them_adds_no_chapter()
    {
        const string contents = "CONTENTS\n\nPART ONE--The Harbour\n    The Arrival\n    The Storm\n\nPART TWO--The Town\n    The Market\n\n\n";
        var doc = Index(contents + "PART ONE--The Harbour\n\nCHAPTER I\n\n" + Body("ship") + "CHAPTER II\n\n" + Body("storm")
                        + "PART TWO--The Town\n\nCHAPTER III\n\n" + Body("market"));

        Assert.Multiple(() =>
        {
            Assert.That(doc.Headings(), Is.EqualTo(new[] { "CHAPTER I", "CHAPTER II", "CHAPTER III" }));
            Assert.That(doc.Parts.Select(p => (p.Heading, p.FirstChapter, p.ChapterCount)),
                Is.EqualTo(new[] { ("PART ONE--The Harbour", 0, 2), ("PART TWO--The Town", 2, 1) }));
            Assert.That(doc.Slice(doc.FrontMatter).ToString(), Is.EqualTo(contents));
        });
    }

    [Test]
    public void Volumes_that_number_their_chapters_again_are_parts_and_labels_stay_unique()
    {
        static string Volume(int number, int chapters) =>
            $"VOLUME {NumberRoman(number)}.\n\n" + string.Concat(Enumerable.Range(1, chapters).Select(i => $"CHAPTER {NumberRoman(i)}.\n\n" + Body("day " + i)));
        var doc = Index(Volume(1, 3) + Volume(2, 3) + Volume(3, 2));

        Assert.Multiple(() =>
        {
            Assert.That(doc.Chapters, Has.Count.EqualTo(8));
            Assert.That(doc.Parts.Select(p => (p.Heading, p.ChapterCount)), Is.EqualTo(new[] { ("VOLUME I.", 3), ("VOLUME II.", 3), ("VOLUME III.", 2) }));
            Assert.That(doc.Chapters.Select(c => c.Label), Is.EqualTo(new[]
            {
                "Chapter I.1", "Chapter I.2", "Chapter I.3", "Chapter II.1", "Chapter II.2", "Chapter II.3", "Chapter III.1", "Chapter III.2",
            }));
            Assert.That(doc.Chapters[5].QualifiedNumber, Is.EqualTo("II.3"));
        });
        IndexInvariants.AssertConsistent(doc);
    }

    [Test]
    public void Parts_that_number_chapters_on_keep_plain_labels()
    {
        var doc = Index("BOOK I\n\nChapter 1\n\n" + Body("one") + "BOOK II\n\nChapter 2\n\n" + Body("two"));

        Assert.Multiple(() =>
        {
            Assert.That(doc.Chapters.Select(c => c.QualifiedNumber), Has.All.Null);
            Assert.That(doc.Chapters.Select(c => c.Label), Is.EqualTo(new[] { "Chapter 1", "Chapter 2" }));
        });
    }

    private static string NumberRoman(int n) => n switch
    {
        1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V",
        _ => throw new ArgumentOutOfRangeException(nameof(n)),
    };
}
