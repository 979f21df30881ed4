using Orchestrator.Manuscripts.Revision;

namespace Orchestrator.Manuscripts.Tests.Revision;

public sealed class PunctuationStyleTests
{
    private static ReviseOptions Dashes(DashStyle style) => Revised.Only(RevisionRules.Dash) with { Dashes = style };

    private static ReviseOptions Ellipsis(EllipsisStyle style) => Revised.Only(RevisionRules.Ellipsis) with { Ellipsis = style };

    [TestCase("She paused--then went on.", "She paused—then went on.")]
    [TestCase("She paused -- then went on.", "She paused—then went on.")]
    [TestCase("She paused - then went on.", "She paused—then went on.")]
    [TestCase("She paused — then went on.", "She paused—then went on.")]
    [TestCase("She paused – then went on.", "She paused—then went on.")]
    [TestCase("“I was--” he began.", "“I was—” he began.")]
    [TestCase("the sect--\nfairly large", "the sect—\nfairly large")]
    public void Dashes_become_unspaced_em_dashes(string text, string expected)
    {
        var revised = Revised.Of(text, Dashes(DashStyle.Em));
        Assert.That(revised.Text, Is.EqualTo(expected));
        Assert.That(revised.Edits.Select(e => e.Rule), Is.All.EqualTo(RevisionRules.Dash));
    }

    [TestCase("She paused--then went on.", "She paused – then went on.")]
    [TestCase("She paused—then went on.", "She paused – then went on.")]
    [TestCase("She paused - then went on.", "She paused – then went on.")]
    [TestCase("“I was—” he began.", "“I was –” he began.")]
    [TestCase("“—and then,” she said.", "“– and then,” she said.")]
    public void Dashes_become_spaced_en_dashes(string text, string expected)
    {
        Assert.That(Revised.Of(text, Dashes(DashStyle.SpacedEn)).Text, Is.EqualTo(expected));
    }

    [TestCase("A well-known, long-lived man.")]
    [TestCase("The years 1850-1860 and 1850--1860 and pages 10 - 20 and 10–20.")]
    [TestCase("Mr. —— came to call, and Mrs. ——— too.")]
    [TestCase("She was—as ever—late.")]
    public void Hyphens_ranges_omissions_and_house_style_dashes_stay(string text)
    {
        Assert.That(Revised.Of(text, Dashes(DashStyle.Em)).Edits, Is.Empty);
    }

    [Test]
    public void A_Markdown_rule_and_headings_are_never_dashes()
    {
        var revised = Revised.Of("# Chapter One -- The Start\n\nShe paused -- and went on.\n\n---\n\nHe left -- at once.", Dashes(DashStyle.Em), "book.md");
        Assert.That(revised.Text, Is.EqualTo("# Chapter One -- The Start\n\nShe paused—and went on.\n\n---\n\nHe left—at once."));
    }

    [TestCase("She waited... and waited.", "She waited… and waited.")]
    [TestCase("She waited . . . and waited.", "She waited … and waited.")]
    [TestCase("It ended.... Then more.", "It ended…. Then more.")]
    [TestCase("Two.. or five..... stay.", "Two.. or five..... stay.")]
    public void Ellipses_become_one_character(string text, string expected)
    {
        Assert.That(Revised.Of(text, Ellipsis(EllipsisStyle.Character)).Text, Is.EqualTo(expected));
    }

    [Test]
    public void Ellipses_become_dots()
    {
        var revised = Revised.Of("She waited… and… waited.", Ellipsis(EllipsisStyle.Dots));
        Assert.That(revised.Text, Is.EqualTo("She waited... and... waited."));
        Assert.That(revised.Result.Metrics[RevisionMetrics.EditsOf(RevisionRules.Ellipsis)], Is.EqualTo(2));
    }

    [Test]
    public void Keep_leaves_dashes_and_ellipses_as_written()
    {
        var options = ReviseOptions.Default with { Dashes = DashStyle.Keep, Ellipsis = EllipsisStyle.Keep };
        Assert.That(Revised.Of("She paused -- then... went on—fast … and - slow.", options).Edits, Is.Empty);
    }
}
