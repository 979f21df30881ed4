using Orchestrator.Manuscripts.Revision;

namespace Orchestrator.Manuscripts.Tests.Revision;

/// <summary>A session stops revising when a revision changes nothing, so the revised text must revise to no edits.</summary>
public sealed class IdempotenceTests
{
    private const string Messy =
        "Chapter 1\n\n\"It is the the end ,\" she said -- and then... \"'Tis so.\"  The grey sky , gray sea.\n\n\n" +
        "'Hello ,' he said - softly . . . \"I was--\" she began.   \nThe sect--\nfairly large--was of\nof the '90s.\n\n" +
        "Chapter 2\n\nThe the colour , the colours ; the color ! Realised , realized , realised ?.... Jones' horse.";

    private static IEnumerable<ReviseOptions> HouseStyles()
    {
        foreach (var dashes in Enum.GetValues<DashStyle>())
            foreach (var ellipsis in Enum.GetValues<EllipsisStyle>())
                foreach (var quotes in Enum.GetValues<QuoteMarks>())
                    yield return new ReviseOptions { Dashes = dashes, Ellipsis = ellipsis, Quotes = quotes };
    }

    [TestCaseSource(nameof(HouseStyles))]
    public void A_revised_text_revises_to_no_edits(ReviseOptions options)
    {
        var first = Revised.Of(Messy, options);
        Assert.That(first.Edits, Is.Not.Empty);
        var second = first.Again(options);
        Assert.That(second.Described, Is.Empty, $"revised text:\n{first.Text}");
        Assert.That(second.Document.Chapters, Has.Count.EqualTo(first.Document.Chapters.Count));
        Assert.That(second.Document.Paragraphs, Has.Length.EqualTo(first.Document.Paragraphs.Length));
    }

    [Test]
    public void The_default_revision_of_a_messy_text()
    {
        Assert.That(Revised.Of(Messy).Text, Is.EqualTo(
            "Chapter 1\n\n\"It is the end,\" she said—and then… \"'Tis so.\" The grey sky, grey sea.\n\n" +
            "'Hello,' he said—softly … \"I was—\" she began.\nThe sect—\nfairly large—was of\nthe '90s.\n\n" +
            "Chapter 2\n\nThe colour, the colours; the colour! Realised, realised, realised?…. Jones' horse."));
    }
}
