using System.Text.Json;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Readability;
using Orchestrator.Manuscripts.Style;
using Orchestrator.Manuscripts.Text;
using M = Orchestrator.Manuscripts.Style.StyleMetrics;

namespace Orchestrator.Manuscripts.Tests.Style;

public sealed class StyleNodeTests
{
    private static ManuscriptDocument Doc(string text) => TextIndexer.Build(text, "test", "hash");

    private static StyleNode Node(string optionsJson = "{}") => new(new NodeDefinition
    {
        Id = "style",
        Type = StyleNode.TypeName,
        Options = new NodeOptions(JsonDocument.Parse(optionsJson).RootElement),
    });

    private static Task<NodeResult> RunAsync(ManuscriptDocument document, string options = "{}") =>
        Node(options).RunAsync(new NodeContext
        {
            SessionId = "test",
            Iteration = 1,
            Attempt = 1,
            Subject = document,
            Upstream = new Dictionary<string, NodeResult>(),
        }, CancellationToken.None);

    /// <summary>The texts of a rule's detections, in order.</summary>
    private static string[] Detected(ManuscriptDocument doc, string rule, StyleOptions? options = null) =>
        StyleScanner.Scan(doc, options).Detections.Where(d => d.Rule == rule).Select(d => doc.Text.Substring(d.Span.Start, d.Span.Length)).ToArray();

    private static Finding[] Located(NodeResult result, string rule) =>
        result.Findings.Where(f => f.Rule == rule && !f.IsStrength && f.Location?.Chapter is not null).ToArray();

    private static string At(ManuscriptDocument doc, TextLocation location) => doc.Text.Substring(location.Offset, location.Length);

    // ---- sentences ---------------------------------------------------------------------------------------

    [Test]
    public void A_sentence_over_the_limit_is_long_and_located_as_the_whole_sentence()
    {
        var longSentence = string.Join(" ", Enumerable.Range(1, 44).Select(i => i % 2 == 0 ? "walked" : "Tom")) + ".";
        var doc = Doc("Short one here. " + longSentence + " Another short one.");

        var finding = Located(StyleNode.Analyse(doc), StyleRules.LongSentence).Single();

        Assert.That(finding.Message, Is.EqualTo("A 44-word sentence (more than 40)."));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Suggestion));
        Assert.That(At(doc, finding.Location!), Is.EqualTo(longSentence));
        Assert.That(finding.Location!.Chapter, Is.EqualTo(1));
        Assert.That(finding.Location.Paragraph, Is.EqualTo(1));
        Assert.That(finding.Evidence, Does.StartWith("Tom walked Tom").And.Length.LessThanOrEqualTo(200));
        Assert.That(Detected(doc, StyleRules.LongSentence, new StyleOptions { LongSentenceWords = 44 }), Is.Empty);
    }

    [Test]
    public void A_sentence_of_mostly_glue_words_is_sticky()
    {
        var doc = Doc("It was in the house of the man who was at the end of the road by the sea. " +
                      "Rain hammered the tin roof while Mara counted bullets and cursed her luck.");

        var finding = Located(StyleNode.Analyse(doc), StyleRules.StickySentence).Single();

        // 14 of 19 words are glue: it was in the of the who was at the of the by the.
        Assert.That(finding.Message, Does.StartWith("Sticky sentence: 74% of its 19 words are glue words"));
        Assert.That(At(doc, finding.Location!), Does.StartWith("It was in the house"));
    }

    [Test]
    public void Monotonous_sentence_lengths_are_reported_and_varied_ones_are_a_strength()
    {
        var flat = Doc(string.Join(" ", Enumerable.Repeat("The dog ran to the old barn.", 25)));
        var varied = Doc(string.Join(" ", Enumerable.Range(0, 25).Select(i => i % 3 == 0
            ? "Run."
            : i % 3 == 1 ? "The dog ran to the old barn across the wide green field before the rain came down hard."
            : "She stopped at the gate.")));

        var monotonous = StyleNode.Analyse(flat);
        var good = StyleNode.Analyse(varied);

        var finding = monotonous.Findings.Single(f => f.Rule == StyleRules.SentenceVariety);
        Assert.That(finding.IsStrength, Is.False);
        Assert.That(finding.Message, Does.StartWith("Sentence lengths vary little: 7.0 ± 0.0 words (coefficient of variation 0.00"));
        Assert.That(monotonous.Metrics[M.PenaltyVariety], Is.EqualTo(0.10).Within(1e-9));
        Assert.That(good.Findings.Single(f => f.Rule == StyleRules.SentenceVariety).IsStrength, Is.True);
        Assert.That(good.Metrics[M.PenaltyVariety], Is.EqualTo(0));
    }

    // ---- words and phrases -------------------------------------------------------------------------------

    [Test]
    public void Ly_adverbs_are_found_but_not_the_exceptions()
    {
        var doc = Doc("He walked slowly to the door and quietly opened it. The family only came early to the ugly, lonely house.");

        Assert.That(Detected(doc, StyleRules.Adverb), Is.EqualTo(new[] { "slowly", "quietly" }));
        var finding = Located(StyleNode.Analyse(doc), StyleRules.Adverb).First();
        Assert.That(finding.Message, Is.EqualTo("-ly adverb \"slowly\" in narration, one of 2 in this sentence."));
        Assert.That(At(doc, finding.Location!), Is.EqualTo("slowly"));
        Assert.That(finding.Location!.Offset, Is.EqualTo(doc.Text.IndexOf("slowly", StringComparison.Ordinal)));
    }

    [Test]
    public void Passive_voice_is_a_be_verb_an_optional_adverb_and_a_participle()
    {
        var doc = Doc("The letter was written by her brother. The door was quickly opened. The gifts were given away. " +
                      "It was red. She was at home. He was walking.");

        Assert.That(Detected(doc, StyleRules.Passive), Is.EqualTo(new[] { "was written", "was quickly opened", "were given" }));
        var finding = Located(StyleNode.Analyse(doc), StyleRules.Passive)[1];
        Assert.That(finding.Message, Is.EqualTo("Passive voice: \"was quickly opened\"."));
        Assert.That(finding.Evidence, Is.EqualTo("The door was quickly opened."));
        Assert.That(finding.Confidence, Is.LessThan(1));
    }

    [Test]
    public void Hedges_and_fillers_are_found_and_sort_of_only_as_a_hedge()
    {
        var doc = Doc("It was very cold and she was somewhat tired. It was sort of sad. What kind of man is he?");

        Assert.That(Detected(doc, StyleRules.Hedge), Is.EqualTo(new[] { "very", "somewhat", "sort of" }));
    }

    [Test]
    public void Cliches_are_matched_over_words_ignoring_case_and_punctuation()
    {
        var doc = Doc("At the end of the day, she was as pale as a ghost. Last, but not least, a shiver ran down his spine. " +
                      "It sent shivers down Mary’s spine.");

        Assert.That(Detected(doc, StyleRules.Cliche),
            Is.EqualTo(new[] { "At the end of the day", "pale as a ghost", "Last, but not least", "shivers down Mary’s spine" }));
        var finding = Located(StyleNode.Analyse(doc), StyleRules.Cliche)[1];
        Assert.That(finding.Message, Is.EqualTo("Cliché: \"pale as a ghost\"."));
    }

    [Test]
    public void There_is_openings_are_found_in_narration()
    {
        var doc = Doc("There was a man at the door. There's no time. Then there were three. “There is a man,” she said.");

        Assert.That(Detected(doc, StyleRules.ThereIsOpening), Is.EqualTo(new[] { "There was", "There's" }));
    }

    [Test]
    public void Three_sentences_in_a_row_with_the_same_opening_are_flagged_once()
    {
        var doc = Doc("He ran. He fell. He rose. She watched. She waited. It rained.");

        var finding = Located(StyleNode.Analyse(doc), StyleRules.RepeatedOpening).Single();
        Assert.That(finding.Message, Is.EqualTo("3 sentences in a row open with \"He\"."));
        Assert.That(finding.Location!.Offset, Is.EqualTo(0));
        Assert.That(finding.Evidence, Is.EqualTo("He ran. He fell. He rose."));
        Assert.That(Detected(doc, StyleRules.RepeatedOpening, new StyleOptions { RepeatedOpenings = 2 }), Is.EqualTo(new[] { "He", "She" }));
    }

    [Test]
    public void A_word_repeated_across_a_line_break_is_a_lexical_illusion()
    {
        var doc = Doc("She looked at the\nthe cat. I had had enough. It was far, far away.");

        var finding = Located(StyleNode.Analyse(doc), StyleRules.LexicalIllusion).Single();
        Assert.That(At(doc, finding.Location!), Is.EqualTo("the\nthe"));
        Assert.That(finding.Message, Is.EqualTo("Repeated word: \"the the\"."));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
    }

    [Test]
    public void An_uncommon_word_again_within_the_window_is_an_echo_but_names_and_common_words_are_not()
    {
        var doc = Doc("The ornate clock ticked above the ornate mirror. Elizabeth smiled, and Elizabeth laughed. " +
                      "The house was old and the house was cold.");

        var finding = Located(StyleNode.Analyse(doc), StyleRules.Echo).Single();
        Assert.That(At(doc, finding.Location!), Is.EqualTo("ornate"));
        Assert.That(finding.Location!.Offset, Is.EqualTo(doc.Text.LastIndexOf("ornate", StringComparison.Ordinal)));
        Assert.That(finding.Message, Is.EqualTo("Echo: \"ornate\" again 5 words after its last use."));

        var far = Doc("The ornate clock ticked. " + string.Join(" ", Enumerable.Repeat("The dog ran home.", 13)) + " The ornate mirror shone.");
        Assert.That(Detected(far, StyleRules.Echo), Is.Empty);
        Assert.That(Detected(far, StyleRules.Echo, new StyleOptions { EchoWindow = 60 }), Is.EqualTo(new[] { "ornate" }));
    }

    [Test]
    public void A_close_repetition_is_a_figure_not_an_echo() =>
        Assert.That(Detected(Doc("He leapt from spar to spar and crossed the world zone by zone."), StyleRules.Echo), Is.Empty);

    [Test]
    public void Filter_words_are_found_in_narration()
    {
        var doc = Doc("She saw the ship sink and felt the cold. She wondered why. “I saw it,” he said. " +
                      "The thought of it chilled her. It needed a great deal of thought. “Never,” thought Alice.");

        // Not inside speech, not as a noun (the thought, of thought), not as the verb of a thought tag.
        Assert.That(Detected(doc, StyleRules.FilterWord), Is.EqualTo(new[] { "saw", "felt", "wondered" }));
    }

    [Test]
    public void Said_bookisms_count_only_next_to_speech_and_not_beside_a_plain_tag()
    {
        var doc = Doc("“Get out,” he hissed.\n\nThe snake hissed in the grass.\n\nDarcy smiled and said, “Yes.”\n\nShe snarled, “Never.”\n");

        Assert.That(Detected(doc, StyleRules.SaidBookism), Is.EqualTo(new[] { "hissed", "snarled" }));
        var finding = Located(StyleNode.Analyse(doc), StyleRules.SaidBookism)[1];
        Assert.That(finding.Location!.Paragraph, Is.EqualTo(4));
        Assert.That(finding.Message, Is.EqualTo("Said-bookism in a dialogue tag: \"snarled\"."));
    }

    [Test]
    public void Adverbs_in_dialogue_tags_are_their_own_rule_and_not_counted_again_as_adverbs()
    {
        var doc = Doc("“Come here,” she said softly.\n\n“Come,” said Jane, gently.\n\n“Go,” he coldly replied.\n\nHe walked slowly home.\n");

        Assert.That(Detected(doc, StyleRules.TagAdverb), Is.EqualTo(new[] { "said softly", "said Jane, gently", "coldly replied" }));
        Assert.That(Detected(doc, StyleRules.Adverb), Is.EqualTo(new[] { "slowly" }));
    }

    [Test]
    public void A_word_far_above_its_norm_is_overused()
    {
        var text = string.Join(" ", Enumerable.Range(0, 40).Select(i => i % 4 == 0 ? "She just ran to the barn." : "The dog ran to the old barn."));
        var doc = Doc(text);
        var result = StyleNode.Analyse(doc);

        // 10 uses of "just" in 270 words: 37.04 per 1,000; with 0.84 expected (an option, so the test does not pin the default
        // baseline), flagged above max(2 x 0.84, 0.84 + 0.5) = 1.68.
        var options = StyleOptions.From(new NodeOptions(JsonDocument.Parse("""{ "overusedNorms": ["just=0.84"] }""").RootElement));
        result = StyleNode.Analyse(doc, options);
        var finding = result.Findings.Single(f => f.Rule == StyleRules.Overused);
        Assert.That(finding.Message, Is.EqualTo("\"just\" is used 10 times, 37.04 per 1,000 words: 44.1x the expected 0.84 (flagged above 1.68)."));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(finding.Evidence, Is.EqualTo("She just ran to the barn."));
        Assert.That(result.Metrics[M.WordRatePrefix + "just"], Is.EqualTo(1000.0 * 10 / 270).Within(1e-9));
        Assert.That(result.Metrics[M.OverusedWords], Is.EqualTo(1));
        Assert.That(result.Metrics[M.PenaltyOverused], Is.EqualTo(0.01).Within(1e-12));
    }

    // ---- dialogue and narration -------------------------------------------------------------------------

    private static readonly string[] NarrationOnlyRules =
    [
        StyleRules.FilterWord, StyleRules.Hedge, StyleRules.Passive, StyleRules.Adverb, StyleRules.ThereIsOpening, StyleRules.Echo,
        StyleRules.StickySentence,
    ];

    [TestCase("“", "”", TestName = "Narration-only rules leave curly double-quoted speech alone")]
    [TestCase("\"", "\"", TestName = "Narration-only rules leave straight double-quoted speech alone")]
    [TestCase("‘", "’", TestName = "Narration-only rules leave curly single-quoted (UK) speech alone")]
    [TestCase("'", "'", TestName = "Narration-only rules leave straight single-quoted speech alone")]
    public void Narration_only_rules_do_not_flag_quoted_speech(string open, string close)
    {
        const string speech = "There was a man who was taken away in the night by the men of the town at the end of the lane, " +
                              "and I saw him and felt very sad, really, and quietly wondered about the ornate, ornate gate";
        var quoted = Doc($"{open}{speech}.{close}\n\n{open}No,{close} she said.\n");
        var narrated = Doc(speech + ".\n");

        var inSpeech = StyleScanner.Scan(quoted);
        var inNarration = StyleScanner.Scan(narrated);

        Assert.That(quoted.Dialogue.Quotes, Has.Length.EqualTo(2), "the dialogue map sees both quotes");
        foreach (var rule in NarrationOnlyRules)
            Assert.That(inSpeech.Count(rule), Is.EqualTo(0), rule + " in speech");
        Assert.That(inNarration.Count(StyleRules.FilterWord), Is.EqualTo(3), "saw, felt, wondered");
        Assert.That(inNarration.Count(StyleRules.Hedge), Is.EqualTo(2), "very, really");
        Assert.That(inNarration.Count(StyleRules.Passive), Is.EqualTo(1), "was taken");
        Assert.That(inNarration.Count(StyleRules.Adverb), Is.EqualTo(1), "quietly");
        Assert.That(inNarration.Count(StyleRules.ThereIsOpening), Is.EqualTo(1));
        Assert.That(inNarration.Count(StyleRules.Echo), Is.EqualTo(0), "adjacent repetition is not an echo");
        Assert.That(inNarration.Count(StyleRules.StickySentence), Is.EqualTo(1));
    }

    [Test]
    public void Narration_around_speech_is_still_checked()
    {
        var doc = Doc("“I really saw nothing,” she said, and she saw the door slowly open.");

        Assert.That(Detected(doc, StyleRules.FilterWord), Is.EqualTo(new[] { "saw" }));
        Assert.That(StyleScanner.Scan(doc).Detections.Where(d => d.Rule == StyleRules.FilterWord).Single().Span.Start,
            Is.EqualTo(doc.Text.LastIndexOf("saw", StringComparison.Ordinal)));
        Assert.That(Detected(doc, StyleRules.Hedge), Is.Empty);
        Assert.That(Detected(doc, StyleRules.Adverb), Is.EqualTo(new[] { "slowly" }));
    }

    // ---- readability, score, result -----------------------------------------------------------------------

    [Test]
    public void Readability_metrics_and_chapter_series_match_the_calculator()
    {
        var doc = Doc("Chapter 1\n\nThe cat sat on the mat. It was a sunny day.\n\nChapter 2\n\n" +
                      "Notwithstanding considerable apprehension, the committee deliberated interminably.\n");
        var result = StyleNode.Analyse(doc);
        var book = ReadabilityCalculator.Measure(doc);

        Assert.That(result.Metrics[M.FleschReadingEase], Is.EqualTo(book.FleschReadingEase));
        Assert.That(result.Metrics[M.FleschKincaidGrade], Is.EqualTo(book.FleschKincaidGrade));
        Assert.That(result.Metrics[M.GunningFog], Is.EqualTo(book.GunningFog));
        Assert.That(result.Metrics[M.Smog], Is.EqualTo(book.Smog));
        Assert.That(result.Metrics[M.ColemanLiau], Is.EqualTo(book.ColemanLiau));
        Assert.That(result.Metrics[M.Ari], Is.EqualTo(book.AutomatedReadabilityIndex));
        Assert.That(result.Metrics[M.DaleChall], Is.EqualTo(book.DaleChall));
        Assert.That(result.Labels[M.ChapterLabels], Is.EqualTo(new[] { "Chapter 1", "Chapter 2" }));
        Assert.That(result.Series[M.FleschReadingEaseSeries], Is.EqualTo(new[]
        {
            ReadabilityCalculator.MeasureChapter(doc, 0).FleschReadingEase, ReadabilityCalculator.MeasureChapter(doc, 1).FleschReadingEase,
        }));
        Assert.That(result.Series[M.MeanSentenceWordsSeries], Is.EqualTo(new[] { 5.5, 7.0 }));
        Assert.That(Node().Validate(result), Is.EqualTo(ResultValidation.Valid));
    }

    [Test]
    public void Reading_ease_outside_the_band_is_reported_with_its_penalty()
    {
        var hard = Doc(string.Join(" ", Enumerable.Repeat(
            "Notwithstanding considerable institutional apprehension, the administrative committee deliberated interminably.", 5)));
        var result = StyleNode.Analyse(hard);
        var ease = result.Metrics[M.FleschReadingEase];

        var finding = result.Findings.Single(f => f.Rule == StyleRules.ReadabilityHard);
        Assert.That(ease, Is.LessThan(0));
        Assert.That(finding.Message, Does.StartWith($"Flesch reading ease is {ease:0.0}, below the 60.0–85.0 band"));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(result.Metrics[M.PenaltyReadability], Is.EqualTo(0.15));
    }

    [Test]
    public void Clean_prose_scores_higher_than_prose_full_of_tics()
    {
        var clean = Doc(string.Join(" ", Enumerable.Repeat("Mara crossed the yard. Rain drummed on the tin roof, and the dogs barked at the gate.", 20)));
        var ticcy = Doc(string.Join(" ", Enumerable.Repeat(
            "There was a man who was really very quietly taken. She saw him and felt that he was just sort of sadly gone.", 20)));

        var good = StyleNode.Analyse(clean);
        var bad = StyleNode.Analyse(ticcy);

        Assert.That(good.Score, Is.GreaterThan(bad.Score + 0.2));
        Assert.That(bad.Metrics[M.PenaltyHedges], Is.GreaterThan(0));
        Assert.That(bad.Metrics[M.PenaltyFilterWords], Is.GreaterThan(0));
        var penalties = bad.Metrics.Where(m => m.Key.StartsWith("penalty", StringComparison.Ordinal)).Sum(m => m.Value);
        Assert.That(bad.Score, Is.EqualTo(Math.Clamp(1 - penalties, 0, 1)).Within(1e-12));
        Assert.That(bad.Summary, Does.Contain("Score " + bad.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Findings_are_capped_per_rule_with_a_summary_of_the_total()
    {
        var doc = Doc(string.Join(" ", Enumerable.Range(0, 30).Select(i => $"She saw the dog number {i}.")));
        var result = StyleNode.Analyse(doc, new StyleOptions { MaxFindingsPerRule = 5 });

        var filter = result.Findings.Where(f => f.Rule == StyleRules.FilterWord && !f.IsStrength).ToArray();
        Assert.That(filter.Count(f => f.Location?.Chapter is not null), Is.EqualTo(5));
        var summary = filter.Single(f => f.Location?.Chapter is null);
        Assert.That(summary.Message, Does.StartWith("30 filter words in narration in all"));
        Assert.That(result.Metrics[M.FilterWords], Is.EqualTo(30));
        // Equally telling detections are spread through the text, not the first five.
        var offsets = filter.Where(f => f.Location?.Chapter is not null).Select(f => f.Location!.Offset).ToArray();
        Assert.That(offsets, Is.Ordered);
        Assert.That(offsets[^1], Is.GreaterThan(doc.Text.Length / 2));
    }

    [Test]
    public void The_most_telling_detections_are_the_heaviest_one_per_sentence_in_text_order()
    {
        StyleDetection At(int start, int sentence, double weight) => new(StyleRules.Adverb, new TextSpan(start, 1), sentence, weight);
        var all = new[] { At(0, 0, 3), At(5, 0, 3), At(9, 0, 3), At(20, 1, 1), At(30, 2, 2), At(40, 3, 1) };

        var chosen = StyleAnalysis.MostTelling(all, 3).Select(d => d.Span.Start).ToArray();

        // Sentence 0 (weight 3) gives one, sentence 2 (weight 2) the next, then the middle of the two weight-1 ties.
        Assert.That(chosen, Is.EqualTo(new[] { 0, 30, 40 }));
        Assert.That(StyleAnalysis.MostTelling(all, 4).Select(d => d.Span.Start), Is.EqualTo(new[] { 0, 20, 30, 40 }));
        // Every sentence has one; the fifth is another of sentence 0's.
        Assert.That(StyleAnalysis.MostTelling(all, 5).Select(d => d.Span.Start), Is.EqualTo(new[] { 0, 9, 20, 30, 40 }));
    }

    [Test]
    public void A_chapter_much_harder_than_the_book_is_reported()
    {
        var easy = string.Join(" ", Enumerable.Repeat("The dog ran home.", 80));
        var hard = string.Join(" ", Enumerable.Repeat("Notwithstanding considerable apprehension, the committee deliberated interminably.", 45));
        var doc = Doc($"Chapter 1\n\n{easy}\n\nChapter 2\n\n{hard}\n");
        var result = StyleNode.Analyse(doc);

        var finding = result.Findings.Single(f => f.Rule == StyleRules.ReadabilityChapter);
        Assert.That(finding.Message, Does.StartWith("Chapter 2 reads at Flesch–Kincaid grade "));
        Assert.That(finding.Location!.Chapter, Is.EqualTo(2));
        Assert.That(At(doc, finding.Location), Is.EqualTo("Chapter 2"));
        Assert.That(result.Series[M.FleschKincaidGradeSeries][1], Is.GreaterThan(result.Metrics[M.FleschKincaidGrade] + 3));
    }

    [Test]
    public void An_empty_manuscript_scores_zero()
    {
        var result = StyleNode.Analyse(Doc(""));

        Assert.That(result.Score, Is.EqualTo(0));
        Assert.That(result.Findings.Single().Rule, Is.EqualTo(StyleRules.Empty));
        Assert.That(Node().Validate(result), Is.EqualTo(ResultValidation.Valid));
    }

    [Test]
    public void The_same_document_gives_the_same_result()
    {
        var doc = Doc("He walked slowly. “Go,” she hissed. There was a man. The ornate gate, the ornate wall.");
        var a = StyleNode.Analyse(doc);
        var b = StyleNode.Analyse(doc);

        Assert.That(b.Score, Is.EqualTo(a.Score));
        Assert.That(b.Findings, Is.EqualTo(a.Findings));
        Assert.That(b.Metrics, Is.EquivalentTo(a.Metrics));
    }

    [Test]
    public async Task The_node_reads_its_options_from_the_pipeline()
    {
        var doc = Doc("He ran. He fell. She rose.");
        var result = await RunAsync(doc, """{ "repeatedOpenings": 2 }""");

        Assert.That(result.Findings.Count(f => f.Rule == StyleRules.RepeatedOpening), Is.EqualTo(1));
    }

    [TestCase("""{ "longSentenceWords": 2 }""", "option 'longSentenceWords' must be at least 5 (got 2)")]
    [TestCase("""{ "stickyGlueShare": "high" }""", "option 'stickyGlueShare' must be a number")]
    [TestCase("""{ "stickyGlueShare": 1.5 }""", "option 'stickyGlueShare' must be between 0 and 1 (got 1.5)")]
    [TestCase("""{ "readingEaseMin": 90 }""", "option 'readingEaseMin' must be below readingEaseMax (85) (got 90)")]
    public void Bad_options_are_invalid_input(string options, string message)
    {
        var ex = Assert.ThrowsAsync<InvalidNodeInputException>(() => RunAsync(Doc("Text."), options));
        Assert.That(ex!.Message, Is.EqualTo(message));
    }

    [Test]
    public void A_subject_that_is_not_a_manuscript_is_invalid_input() =>
        Assert.ThrowsAsync<InvalidNodeInputException>(() => Node().RunAsync(new NodeContext
        {
            SessionId = "test", Iteration = 1, Attempt = 1, Subject = "not a document", Upstream = new Dictionary<string, NodeResult>(),
        }, CancellationToken.None));

    [Test]
    public void Validation_rejects_a_series_that_does_not_match_the_chapters()
    {
        var result = StyleNode.Analyse(Doc("Chapter 1\n\nOne.\n\nChapter 2\n\nTwo.\n"));
        var series = result.Series.ToDictionary(p => p.Key, p => p.Value);
        series[M.FleschReadingEaseSeries] = [1.0];

        var verdict = Node().Validate(result with { Series = series });

        Assert.That(verdict.IsValid, Is.False);
        Assert.That(verdict.Error, Is.EqualTo("series 'fleschReadingEase' has 1 values for 2 chapters"));
    }
}
