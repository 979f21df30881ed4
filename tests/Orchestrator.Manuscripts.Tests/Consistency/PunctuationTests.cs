using Orchestrator.Engine.Findings;
using Orchestrator.Manuscripts.Consistency;
using static Orchestrator.Manuscripts.Tests.Consistency.ConsistencyDocs;
using M = Orchestrator.Manuscripts.Consistency.ConsistencyMetrics;

namespace Orchestrator.Manuscripts.Tests.Consistency;

public sealed class PunctuationTests
{
    [Test]
    public void A_straight_double_quote_among_curly_ones_is_flagged()
    {
        var doc = Doc("“Yes,” she said. “No,” he said.\n\n\"Maybe,\" said Tom.\n");
        var result = Run(doc);

        Assert.That(result.Metrics[M.CurlyDoubleQuotes], Is.EqualTo(4));
        Assert.That(result.Metrics[M.StraightDoubleQuotes], Is.EqualTo(2));
        Assert.That(result.Metrics[M.QuoteMinorityUses], Is.EqualTo(2));
        var findings = result.Rule(ConsistencyRules.QuotesMixed);
        Assert.That(findings, Has.Length.EqualTo(2));
        Assert.That(findings[0].Message, Is.EqualTo(
            "This straight double quote (\") is one of 2 in the book, against 4 curly double quotes (“ ”): double quotation marks are written more than one way."));
        Assert.That(findings[0].Suggestion, Does.StartWith("Use curly double quotes (“ ”) throughout: change this one and the other 1"));
        Assert.That(findings[0].Location, Is.EqualTo(new TextLocation(1, 2, doc.Offset("\""), 1)));
        Assert.That(findings[0].Evidence, Is.EqualTo("\"Maybe,\" said Tom."));
        Assert.That(findings[0].Severity, Is.EqualTo(Severity.Warning));
    }

    [Test]
    public void Straight_and_curly_apostrophes_are_counted_apart_from_double_quotes()
    {
        var doc = Doc("I don’t know. She can’t go. It’s late. We won't stay.\n");
        var result = Run(doc);

        Assert.That(result.Metrics[M.CurlySingleQuotes], Is.EqualTo(3));
        Assert.That(result.Metrics[M.StraightSingleQuotes], Is.EqualTo(1));
        var finding = result.Rule(ConsistencyRules.ApostrophesMixed).Single();
        Assert.That(finding.Message, Does.StartWith("This straight apostrophe (') is one of 1 in the book, against 3 curly apostrophes (’)"));
        Assert.That(finding.Location!.Offset, Is.EqualTo(doc.Offset("'")));
        Assert.That(result.Rule(ConsistencyRules.QuotesMixed), Is.Empty);
    }

    [Test]
    public void Ellipsis_styles_are_compared()
    {
        var doc = Doc("Wait... no. Then... yes. Perhaps . . . not. And so…\n");
        var result = Run(doc);

        Assert.That(result.Metrics[M.EllipsisDots], Is.EqualTo(2));
        Assert.That(result.Metrics[M.EllipsisSpaced], Is.EqualTo(1));
        Assert.That(result.Metrics[M.EllipsisCharacter], Is.EqualTo(1));
        Assert.That(result.Metrics[M.EllipsisMinorityUses], Is.EqualTo(2));
        var findings = result.Rule(ConsistencyRules.EllipsisMixed);
        Assert.That(findings.Select(doc.At), Is.EqualTo(new[] { "…", ". . ." }));
        Assert.That(findings[0].Message, Is.EqualTo(
            "This ellipsis character (…) is one of 1 in the book, against 2 three-full-stop ellipses (...): ellipses are written more than one way."));
    }

    [Test]
    public void Dash_styles_are_compared_and_number_ranges_are_not_dashes()
    {
        var doc = Doc("He came—late—and left. She stayed -- for once. The war of 1914–1918 ended. It was — so they said — over. " +
                      "A well-known man - a rare thing.\n");
        var result = Run(doc);

        Assert.That(result.Metrics[M.DashEm], Is.EqualTo(4));
        Assert.That(result.Metrics[M.DashDoubleHyphen], Is.EqualTo(1));
        Assert.That(result.Metrics[M.DashEn], Is.EqualTo(0));
        Assert.That(result.Metrics[M.DashSpacedHyphen], Is.EqualTo(1));
        Assert.That(result.Metrics[M.DashMinorityUses], Is.EqualTo(2));
        var findings = result.Rule(ConsistencyRules.DashesMixed);
        Assert.That(findings.Select(doc.At), Is.EqualTo(new[] { "--", "-" }));
        Assert.That(findings[0].Message, Does.StartWith("This double-hyphen dash (--) is one of 1 in the book, against 4 em dashes (—)"));
    }

    [Test]
    public void One_style_of_each_earns_a_strength()
    {
        var text = string.Concat(Enumerable.Repeat("“Wait—” she said. “Well…” he said.\n\n", 5));
        var result = Run(text);

        Assert.That(result.Metrics[M.QuoteMinorityUses] + result.Metrics[M.EllipsisMinorityUses] + result.Metrics[M.DashMinorityUses], Is.EqualTo(0));
        Assert.That(result.Rule(ConsistencyRules.Consistent).Select(f => f.Message), Does.Contain(
            "Punctuation is consistent: curly double quotes (“ ”) for all 20 double quotation marks; ellipsis characters (…) for all 5 ellipses; " +
            "em dashes (—) for all 5 dashes."));
    }

    [Test]
    public void A_quote_left_open_and_not_continued_is_unpaired()
    {
        var doc = Doc("“Come here, she said.\n\nHe did not move.\n");
        var result = Run(doc);

        var finding = result.Rule(ConsistencyRules.UnpairedQuote).Single();
        Assert.That(finding.Message, Does.StartWith("A quotation opened in this paragraph is not closed by its end"));
        Assert.That(finding.Location, Is.EqualTo(new TextLocation(1, 1, 0, 1)));
        Assert.That(finding.Evidence, Is.EqualTo("“Come here, she said."));
        Assert.That(result.Metrics[M.UnpairedQuoteParagraphs], Is.EqualTo(1));
    }

    [Test]
    public void A_closing_mark_with_no_opening_is_unpaired()
    {
        var doc = Doc("“Fine,” she said. Then she left.”\n");
        var finding = Run(doc).Rule(ConsistencyRules.UnpairedQuote).Single();

        Assert.That(finding.Message, Is.EqualTo("This closing quotation mark has no opening mark before it in the paragraph."));
        Assert.That(finding.Location!.Offset, Is.EqualTo(doc.Text.LastIndexOf('”')));
    }

    [Test]
    public void An_odd_number_of_straight_quotes_is_unpaired()
    {
        var result = Run("\"Fine,\" she said. \"Then go.\n\nHe went.\n");
        Assert.That(result.Rule(ConsistencyRules.UnpairedQuote), Has.Length.EqualTo(1));
    }

    [TestCase("\"Cut it to 20\" and no more,\" he said. \"Fine.\"\n\nThe board was 5'10\" long.\n")]
    [TestCase("\"The screen is 27\" wide,\" she said.\n")]
    public void Inch_marks_are_not_quotation_marks(string text) =>
        Assert.That(Run(text).Rule(ConsistencyRules.UnpairedQuote), Is.Empty);

    [TestCase("'Give 'em the lot,' he said. 'Then run.'\n\n'It's late.'\n")]
    [TestCase("'Twas cold. 'Tis colder now, I said, 'cause the fire's out.\n\n'Come in,' she said.\n")]
    [TestCase("‘Tell ‘em to wait,’ she said.\n\n‘Yes.’\n")]
    public void Elisions_are_not_quotation_marks(string text) =>
        Assert.That(Run(text).Rule(ConsistencyRules.UnpairedQuote), Is.Empty);

    [Test]
    public void A_single_quote_left_open_is_still_unpaired_beside_an_elision() =>
        Assert.That(Run("'Give 'em the lot, he said.\n\nHe went.\n\n'Go.'\n\n'Now.'\n").Rule(ConsistencyRules.UnpairedQuote), Has.Length.EqualTo(1));

    [Test]
    public void Speech_over_several_paragraphs_and_quoted_verse_are_not_unpaired()
    {
        var result = Run("“It was long ago,” he said, “and the road was long.\n\n" +
                         "“We walked for days.\n\n" +
                         "“Then we came home.”\n\n" +
                         "“I had to sing\n\n" +
                         "‘Twinkle, twinkle, little bat!\nHow I wonder what you’re at!’\n\n" +
                         "You know the song, perhaps?”\n");

        Assert.That(result.Rule(ConsistencyRules.UnpairedQuote), Is.Empty);
        Assert.That(result.Metrics[M.UnpairedQuoteParagraphs], Is.EqualTo(0));
    }
}
