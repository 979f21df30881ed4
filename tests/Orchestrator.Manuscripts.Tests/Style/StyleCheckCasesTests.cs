using System.Text.Json;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Style;
using Orchestrator.Manuscripts.Text;
using M = Orchestrator.Manuscripts.Style.StyleMetrics;

namespace Orchestrator.Manuscripts.Tests.Style;

/// <summary>
/// Must-flag and must-not-flag cases for each class of style check the peer suites cover (repeated words, clichés,
/// hedges, wordy phrases, redundancies, "So"/"But" openings, long paragraphs, brackets, short texts). Our own
/// sentences, written for the classes, not copied from any suite.
/// </summary>
public sealed class StyleCheckCasesTests
{
    private static ManuscriptDocument Doc(string text) => TextIndexer.Build(text, "test", "hash");

    private static string[] Detected(string text, string rule, StyleOptions? options = null)
    {
        var doc = Doc(text);
        return StyleScanner.Scan(doc, options).Detections.Where(d => d.Rule == rule)
            .Select(d => string.Join(" ", doc.Text.Substring(d.Span.Start, d.Span.Length).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .ToArray();
    }

    private static StyleOptions Options(string json) => StyleOptions.From(new NodeOptions(JsonDocument.Parse(json).RootElement));

    // ---- repeated words --------------------------------------------------------------------------------

    [TestCase("The the garden was quiet.", "The the")]
    [TestCase("She put it on on the shelf.", "on on")]
    [TestCase("He knew that that door was locked.", "that that")]
    [TestCase("Nobody came to to the party.", "to to")]
    [TestCase("It ended in a\na draw.", "a a")]
    public void A_doubled_word_is_flagged_at_any_position(string text, string expected) =>
        Assert.That(Detected(text, StyleRules.LexicalIllusion), Is.EqualTo(new[] { expected }));

    [TestCase("By then she had had enough.")]
    [TestCase("They danced the can can all night.")]
    [TestCase("We drove to Walla Walla in June.")]
    [TestCase("The band Duran Duran played on.")]
    [TestCase("What it is is a mystery.")]
    [TestCase("No, no, it was far, far away.")]
    [TestCase("It was over. Over the hill they went.")]
    public void Legitimate_doublings_and_reduplicated_names_are_not(string text) =>
        Assert.That(Detected(text, StyleRules.LexicalIllusion), Is.Empty);

    // ---- clichés ---------------------------------------------------------------------------------------

    [TestCase("She finally bit the bullet and called him.", "bit the bullet")]
    [TestCase("Breaking the ice was never his gift.", "Breaking the ice")]
    [TestCase("The rumour was spreading like wildfire through town.", "spreading like wildfire")]
    [TestCase("He had an axe to grind with the mayor.", "axe to grind")]
    [TestCase("She was at her wits end by noon.", "at her wits end")]
    [TestCase("It was the calm before the storm, nothing more.", "calm before the storm")]
    public void A_cliche_is_found_inflected_and_mid_sentence(string text, string expected) =>
        Assert.That(Detected(text, StyleRules.Cliche), Is.EqualTo(new[] { expected }));

    [TestCase("The bullet was small and he bit his lip.")]
    [TestCase("The ice broke under the storm of hail.")]
    public void Words_of_a_cliche_apart_are_not_one(string text) =>
        Assert.That(Detected(text, StyleRules.Cliche), Is.Empty);

    // ---- hedges and weasel words -----------------------------------------------------------------------

    [TestCase("I would argue the plan failed.", "I would argue")]
    [TestCase("Some people believe the house is haunted.", "Some people")]
    [TestCase("The drawer held pens, things and stuff.", "things and stuff")]
    [TestCase("The road was more or less finished.", "more or less")]
    [TestCase("Experts say the bridge will hold.", "Experts say")]
    public void A_hedge_phrase_in_narration_is_flagged(string text, string expected) =>
        Assert.That(Detected(text, StyleRules.Hedge), Does.Contain(expected));

    [Test]
    public void A_hedge_phrase_in_speech_is_how_people_talk() =>
        Assert.That(Detected("“Some people never learn,” she said.", StyleRules.Hedge), Is.Empty);

    // ---- wordy phrases and redundancies ----------------------------------------------------------------

    [Test]
    public void A_wordy_phrase_is_flagged_with_its_plain_alternative()
    {
        var doc = Doc("He left early in order to catch the train. Due to the fact that it rained, they made a decision to stay.");
        var result = StyleNode.Analyse(doc);
        var wordy = result.Findings.Where(f => f.Rule == StyleRules.Wordy && f.Location?.Chapter is not null).Select(f => f.Message).ToArray();

        Assert.That(wordy, Is.EqualTo(new[]
        {
            "Wordy: \"in order to\" — plainer: \"to\".",
            "Wordy: \"Due to the fact that\" — plainer: \"because\".",
            "Wordy: \"made a decision\" — plainer: \"decide\".",
        }));
        Assert.That(result.Metrics[M.WordyPhrases], Is.EqualTo(3));
    }

    [TestCase("She ordered a new kettle.")]
    [TestCase("The order to march came at dawn.")]
    public void Plain_wording_is_not_wordy(string text) =>
        Assert.That(Detected(text, StyleRules.Wordy), Is.Empty);

    [TestCase("Enter your PIN number at the machine.", "PIN number")]
    [TestCase("Every customer gets a free gift today.", "free gift")]
    [TestCase("The page reverted back to the old text.", "reverted back")]
    [TestCase("He shrugged his shoulders and left.", "shrugged his shoulders")]
    [TestCase("The end result was a draw.", "end result")]
    public void A_redundant_pair_is_flagged(string text, string expected)
    {
        Assert.That(Detected(text, StyleRules.Redundancy), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void A_redundancy_finding_names_the_word_to_keep()
    {
        var result = StyleNode.Analyse(Doc("Enter your PIN number at the machine."));
        Assert.That(result.Findings.Single(f => f.Rule == StyleRules.Redundancy).Message, Is.EqualTo("Redundant: \"PIN number\" says no more than \"PIN\"."));
    }

    [TestCase("She gave him a gift for free.")]
    [TestCase("The number on the pin was seven.")]
    public void Words_that_only_sit_near_each_other_are_not_redundant(string text) =>
        Assert.That(Detected(text, StyleRules.Redundancy), Is.Empty);

    // ---- "So" and "But" openings -----------------------------------------------------------------------

    [Test]
    public void A_sentence_opening_with_So_or_But_is_information_only()
    {
        var doc = Doc("So we waited. But nobody came. The bus was late, but we stayed. Soon it rained.");
        Assert.That(Detected(doc.Text, StyleRules.ConjunctionOpening), Is.EqualTo(new[] { "So", "But" }));
        var findings = StyleNode.Analyse(doc).Findings.Where(f => f.Rule == StyleRules.ConjunctionOpening).ToArray();
        Assert.That(findings.Select(f => f.Severity), Is.All.EqualTo(Severity.Info));
    }

    // ---- paragraphs and brackets -----------------------------------------------------------------------

    [Test]
    public void A_paragraph_over_the_limit_is_long()
    {
        var longParagraph = string.Join(" ", Enumerable.Repeat("The rain fell on the roof all night.", 40)); // 320 words
        var doc = Doc(longParagraph + "\n\nShort one here.\n");

        var found = StyleScanner.Scan(doc).Detections.Where(d => d.Rule == StyleRules.LongParagraph).ToArray();
        Assert.That(found, Has.Length.EqualTo(1));
        Assert.That(found[0].Weight, Is.EqualTo(320));
        Assert.That(StyleScanner.Scan(doc, new StyleOptions { LongParagraphWords = 400 }).Count(StyleRules.LongParagraph), Is.Zero);
        Assert.That(StyleNode.Analyse(doc).Findings.Single(f => f.Rule == StyleRules.LongParagraph).Message,
            Is.EqualTo("A 320-word paragraph (more than 300)."));
    }

    [TestCase("He left (without a word.", "(")]
    [TestCase("She laughed] and went on.", "]")]
    [TestCase("The list [of names (all of them] was long.", "(")]
    public void A_bracket_without_its_partner_is_flagged(string text, string expected) =>
        Assert.That(Detected(text, StyleRules.UnmatchedBracket), Is.EqualTo(new[] { expected }));

    [TestCase("He left (without a word) and [later] came back.")]
    [TestCase("a) the first thing\nb) the second thing")]
    [TestCase("Nice one :) she wrote.")]
    public void Paired_brackets_list_markers_and_smileys_are_not(string text) =>
        Assert.That(Detected(text, StyleRules.UnmatchedBracket), Is.Empty);

    // ---- short texts and options -----------------------------------------------------------------------

    [Test]
    public void One_occurrence_in_a_short_text_is_not_a_rate()
    {
        // 20 words, one "just": 50 per 1,000, far above any norm, yet one use proves nothing.
        var doc = Doc("She just walked to the end of the long road and looked back at the town she had left behind.");
        var result = StyleNode.Analyse(doc);
        Assert.That(result.Findings.Where(f => f.Rule == StyleRules.Overused), Is.Empty);
        Assert.That(result.Metrics[M.PenaltyHedges], Is.Zero);

        var strict = StyleNode.Analyse(doc, new StyleOptions { MinRateCount = 1 });
        Assert.That(strict.Findings.Where(f => f.Rule == StyleRules.Overused).Select(f => f.Message), Has.Some.StartsWith("\"just\""));
    }

    [Test]
    public void Allowances_are_options()
    {
        var text = string.Join(" ", Enumerable.Repeat("She walked slowly and quietly and carefully to the door.", 10));
        var doc = Doc(text);
        var byDefault = StyleNode.Analyse(doc).Metrics[M.PenaltyAdverbs];
        var generous = StyleNode.Analyse(doc, Options("""{ "allowAdverbs": 1000 }""")).Metrics[M.PenaltyAdverbs];

        Assert.That(byDefault, Is.GreaterThan(0));
        Assert.That(generous, Is.Zero);
    }

    [Test]
    public void Bad_calibration_options_name_themselves()
    {
        var unknown = Assert.Throws<InvalidNodeInputException>(() => Options("""{ "overusedNorms": ["gorgeous=1"] }"""));
        Assert.That(unknown!.Message, Does.Contain("overusedNorms").And.Contain("gorgeous"));
        var negative = Assert.Throws<InvalidNodeInputException>(() => Options("""{ "allowHedges": -1 }"""));
        Assert.That(negative!.Message, Does.Contain("allowHedges"));
    }
}
