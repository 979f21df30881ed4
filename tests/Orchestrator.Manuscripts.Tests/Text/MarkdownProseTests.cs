using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Tests.Text.Indexing;

namespace Orchestrator.Manuscripts.Tests.Text;

/// <summary>Markdown read by Markdig: what is not prose never reaches the index, and offsets still point into the text as loaded.</summary>
[TestFixture]
public sealed class MarkdownProseTests
{
    [Test]
    public void Front_matter_is_metadata_not_text()
    {
        var doc = Markdown("---\ntitle: \"The Long Voyage\"\nauthor: Ada Marsh\ntags:\n  - sea\nseries: 'Harbour Books'\n---\n\n# Chapter 1\n\nShips came in.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Metadata, Is.EqualTo(new Dictionary<string, string>
            {
                ["title"] = "The Long Voyage", ["author"] = "Ada Marsh", ["series"] = "Harbour Books",
            }));
            Assert.That(doc.Words(), Is.EqualTo(new[] { "Ships", "came", "in" }));
            Assert.That(doc.Text, Does.StartWith("---\ntitle:"), "the document keeps the text as loaded");
        });
    }

    [Test]
    public void Html_comments_code_and_html_blocks_are_not_prose()
    {
        var doc = Markdown(
            "# Chapter 1\n\n<!-- note to self: rewrite this scene, Maren is too calm -->\n\nShe waited.\n\n" +
            "```\nvoltage = current * resistance\n```\n\n<div class=\"note\">\nEditor note\n</div>\n\n" +
            "He came <!-- finally --> at noon and spoke `quietly`.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Words(), Is.EqualTo(new[] { "She", "waited", "He", "came", "at", "noon", "and", "spoke" }));
            Assert.That(doc.Paragraphs, Has.Length.EqualTo(2));
        });
    }

    [Test]
    public void Emphasis_marks_links_and_images_leave_their_words()
    {
        var doc = Markdown("# Chapter 1\n\nThe *Meridian* sank off **Carrow Point**, as [the harbour log](http://example.org/log \"log\") says. ![a wreck](wreck.png) It was \\*not\\* found.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Words(), Is.EqualTo(new[] { "The", "Meridian", "sank", "off", "Carrow", "Point", "as", "the", "harbour", "log", "says", "It", "was", "not", "found" }));
            Assert.That(doc.Sentences, Has.Length.EqualTo(2));
            foreach (var word in doc.Words)
                Assert.That(doc.WordText(word).ToString(), Does.Match("^[A-Za-z]+$"), "a word's offsets point at its letters in the loaded text");
        });
    }

    [Test]
    public void Emphasised_headings_block_quotes_and_scene_breaks_still_read()
    {
        var doc = Markdown("**Chapter 1**\n\n> Dear Maren,\n> the lamp is lit.\n\nShe read it twice.\n\n* * *\n\nMorning came.\n\n# Chapter 2\n\nNight.\n");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Chapters.Select(c => (c.Kind, c.Number)), Is.EqualTo(new[] { (SectionKind.Chapter, (int?)1), (SectionKind.Chapter, (int?)2) }));
            Assert.That(doc.Chapters[0].SceneCount, Is.EqualTo(2));
            Assert.That(doc.Words().Take(6), Is.EqualTo(new[] { "Dear", "Maren", "the", "lamp", "is", "lit" }));
        });
    }

    [Test]
    public void An_indented_paragraph_is_prose_not_code()
    {
        var doc = Markdown("# Chapter 1\n\n    She climbed the hundred and twelve steps.\n\n    She counted them aloud.\n");

        Assert.That(doc.Words(), Has.Length.EqualTo(11));
    }

    [Test]
    public void The_sample_reads_as_it_did_before_markdig()
    {
        // Figures of the bundled sample as the hand-written scanner gave them: Markdig reading changes none of them.
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "samples", "the-lighthouse-keepers-daughter.md");
        var doc = ManuscriptLoader.LoadAsync(path, CancellationToken.None).GetAwaiter().GetResult();

        Assert.Multiple(() =>
        {
            Assert.That(doc.Title, Is.EqualTo("The Lighthouse Keeper's Daughter"));
            Assert.That(doc.Chapters, Has.Count.EqualTo(SampleChapters));
            Assert.That(doc.WordCount, Is.EqualTo(SampleWords));
        });
    }

    private const int SampleChapters = 5;
    private const int SampleWords = 1030;
}
