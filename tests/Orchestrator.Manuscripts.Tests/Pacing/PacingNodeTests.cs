using System.Text.Json;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Pacing;
using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Tests.Pacing.PacingBook;
using M = Orchestrator.Manuscripts.Pacing.PacingMetrics;

namespace Orchestrator.Manuscripts.Tests.Pacing;

public sealed class PacingNodeTests
{
    private static PacingNode Node(string optionsJson = "{}") => new(new NodeDefinition
    {
        Id = "pacing",
        Type = PacingNode.TypeName,
        Options = new NodeOptions(JsonDocument.Parse(optionsJson).RootElement),
    });

    private static NodeContext Context(object subject) => new()
    {
        SessionId = "test",
        Iteration = 1,
        Attempt = 1,
        Subject = subject,
        Upstream = new Dictionary<string, NodeResult>(),
    };

    private static NodeResult Run(ManuscriptDocument document, string options = "{}") =>
        Node(options).RunAsync(Context(document), CancellationToken.None).GetAwaiter().GetResult();

    private static Finding[] Rule(NodeResult result, string rule) => result.Findings.Where(f => f.Rule == rule).ToArray();

    // ---- figures per chapter -----------------------------------------------------------------------------

    [Test]
    public void Chapter_figures_are_counted_from_the_text()
    {
        var calm = "The house was quiet and the rain fell on the old roof all night long. Nobody came.\n\n" +
                   "Morning brought grey light over the fields and the long road to town.";
        var result = Run(Chapters(Lively, calm));

        Assert.That(result.Series[M.DialogueRatioSeries][0], Is.EqualTo(13.0 / Lively.Length).Within(1e-12)); // “Stop!” and “Why?”
        Assert.That(result.Series[M.DialogueRatioSeries][1], Is.Zero);
        Assert.That(result.Series[M.MeanSentenceWordsSeries], Is.EqualTo(new[] { 15 / 4.0, 30 / 3.0 }).Within(1e-12));
        Assert.That(result.Series[M.MeanParagraphWordsSeries], Is.EqualTo(new[] { 15.0, 15.0 }).Within(1e-12));
        Assert.That(result.Series[M.ActionDensitySeries], Is.EqualTo(new[] { 3 * 1000 / 15.0, 0 }).Within(1e-9)); // ran, fled, grabbed

        // Lively: 3 of 4 sentences short, 1 exclamation, 1 question, 200 action verbs per 1,000: every part saturates.
        Assert.That(result.Series[M.TensionSeries][0], Is.EqualTo(1.0).Within(1e-12));
        // Calm: 1 short sentence of 3 ("Nobody came."), nothing else: 0.35 × (1/3) / 0.5.
        Assert.That(result.Series[M.TensionSeries][1], Is.EqualTo(0.35 * (1 / 3.0) / 0.5).Within(1e-12));
        Assert.That(result.Labels[M.ChapterLabels], Is.EqualTo(new[] { "Chapter 1", "Chapter 2" }));
    }

    [Test]
    public void Book_metrics_add_up_the_chapters()
    {
        var result = Run(Chapters(Lively, CalmParagraph(3)));

        Assert.That(result.Metrics[M.Words], Is.EqualTo(45));
        Assert.That(result.Metrics[M.Chapters], Is.EqualTo(2));
        Assert.That(result.Metrics[M.MeanSentenceWords], Is.EqualTo(45 / 7.0).Within(1e-12));
        Assert.That(result.Metrics[M.ActionDensity], Is.EqualTo(3 * 1000 / 45.0).Within(1e-9));
        Assert.That(result.Metrics[M.ShortSentenceShare], Is.EqualTo(3 / 7.0).Within(1e-12));
        Assert.That(result.Metrics[M.ExclamationShare], Is.EqualTo(1 / 7.0).Within(1e-12));
        Assert.That(result.Metrics[M.QuestionShare], Is.EqualTo(1 / 7.0).Within(1e-12));
    }

    [Test]
    public void Scenes_get_their_own_series_and_labels()
    {
        var result = Run(Chapters(Paragraphs(CalmParagraph(2), "* * *", Lively), CalmParagraph(1)));

        Assert.That(result.Labels[M.SceneLabels], Is.EqualTo(new[] { "Chapter 1 · scene 1", "Chapter 1 · scene 2", "Chapter 2 · scene 1" }));
        Assert.That(result.Series[M.ScenePrefix + M.DialogueRatioSeries][0], Is.Zero);
        Assert.That(result.Series[M.ScenePrefix + M.DialogueRatioSeries][1], Is.EqualTo(13.0 / Lively.Length).Within(1e-12));
        Assert.That(result.Series[M.ScenePrefix + M.TensionSeries], Is.EqualTo(new[] { 0.0, 1.0, 0.0 }).Within(1e-12));
        Assert.That(result.Series[M.ScenePrefix + M.MeanParagraphWordsSeries], Is.EqualTo(new[] { 20.0, 15.0, 10.0 }).Within(1e-12));
        Assert.That(result.Metrics[M.Scenes], Is.EqualTo(3));
        Assert.That(Node().Validate(result), Is.EqualTo(ResultValidation.Valid));
    }

    [Test]
    public void Action_verbs_count_every_inflection()
    {
        var result = Run(Chapters("I run. She runs. They were running. He ran. We grabbed it. You flee. They fled. It struck."));

        // run, runs, running, ran, grabbed, flee, fled, struck: 8 of 18 words.
        Assert.That(result.Metrics[M.ActionDensity], Is.EqualTo(8 * 1000 / 18.0).Within(1e-9));
    }

    [Test]
    public void The_action_lexicon_holds_inflections_and_leaves_out_ambiguous_verbs()
    {
        var words = ActionVerbs.Words;
        foreach (var form in new[] { "run", "runs", "ran", "running", "grab", "grabbed", "grabbing", "flee", "fled", "fleeing", "hurry", "hurried", "stab", "stabbed", "Leapt" })
            Assert.That(words.Contains(form), Is.True, form);
        foreach (var other in new[] { "race", "walk", "pound", "left", "tears", "charge", "the" })
            Assert.That(words.Contains(other), Is.False, other);
    }

    // ---- exposition --------------------------------------------------------------------------------------

    [Test]
    public void Three_long_paragraphs_without_speech_are_an_exposition_stretch()
    {
        var text = Paragraphs(CalmParagraph(2), CalmParagraph(2), CalmParagraph(2), "“Go,” she said.", CalmParagraph(2), CalmParagraph(2));
        var document = Chapters(text);
        var result = Run(document, """{ "expositionParagraphWords": 20 }""");

        var finding = Rule(result, PacingRules.ExpositionStretch).Single(); // the later run of two is too short
        Assert.That(finding.Message, Is.EqualTo(
            "Chapter 1 has 3 consecutive paragraphs without dialogue, each of at least 20 words (60 words in all), from paragraph 1."));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Suggestion));
        var first = document.Paragraphs[0].Span;
        Assert.That(finding.Location, Is.EqualTo(new TextLocation(1, 1, first.Start, document.Paragraphs[2].Span.End - first.Start)));
        Assert.That(finding.Evidence, Is.EqualTo(CalmParagraph(2)));
        Assert.That(finding.Confidence, Is.LessThan(1));
        Assert.That(result.Metrics[M.ExpositionStretches], Is.EqualTo(1));
        Assert.That(result.Metrics[M.ExpositionWords], Is.EqualTo(60));
        Assert.That(result.Metrics[M.ExpositionShare], Is.EqualTo(60 / 103.0).Within(1e-12));
        Assert.That(result.Metrics[M.PenaltyExposition], Is.EqualTo(0.20).Within(1e-12)); // 0.5 × 0.59, capped
    }

    [Test]
    public void Short_paragraphs_and_chapter_ends_break_an_exposition_stretch()
    {
        var result = Run(Chapters(
                Paragraphs(CalmParagraph(2), CalmParagraph(2), CalmParagraph(1), CalmParagraph(2)),
                Paragraphs(CalmParagraph(2), CalmParagraph(2))),
            """{ "expositionParagraphWords": 20 }""");

        Assert.That(Rule(result, PacingRules.ExpositionStretch), Is.Empty);
        Assert.That(result.Metrics[M.ExpositionStretches], Is.Zero);
    }

    [Test]
    public void Exposition_findings_are_capped_with_a_summary_of_the_rest()
    {
        var stretch = Paragraphs(CalmParagraph(2), CalmParagraph(2), CalmParagraph(2));
        var longer = Paragraphs(CalmParagraph(2), CalmParagraph(2), CalmParagraph(2), CalmParagraph(2));
        var result = Run(Chapters(Paragraphs(stretch, Lively, longer, Lively, stretch)),
            """{ "expositionParagraphWords": 20, "maxFindingsPerRule": 1 }""");

        var listed = Rule(result, PacingRules.ExpositionStretch).Single();
        Assert.That(listed.Message, Does.Contain("4 consecutive paragraphs").And.Contain("from paragraph 5"));
        Assert.That(listed.Severity, Is.EqualTo(Severity.Suggestion));
        var summary = Rule(result, PacingRules.ExpositionSummary).Single();
        Assert.That(summary.Message, Does.StartWith("3 exposition stretches in all (200 words, ").And.EndWith("the 1 longest are listed."));
        Assert.That(result.Metrics[M.ExpositionStretches], Is.EqualTo(3));
    }

    [Test]
    public void A_stretch_twice_the_minimum_is_a_warning()
    {
        var result = Run(Chapters(Paragraphs(Enumerable.Repeat(CalmParagraph(2), 6).ToArray())), """{ "expositionParagraphWords": 20 }""");

        Assert.That(Rule(result, PacingRules.ExpositionStretch).Single().Severity, Is.EqualTo(Severity.Warning));
    }

    // ---- the curve: slow chapters and flat stretches -----------------------------------------------------

    private static ManuscriptDocument Curve(params bool[] slow) =>
        Chapters(slow.Select(s => s ? CalmParagraph(3) : Paragraphs(Lively, Lively)).ToArray());

    [Test]
    public void Three_consecutive_slow_chapters_are_a_flat_stretch()
    {
        var document = Curve(false, false, false, true, true, true, false, false, false);
        var result = Run(document, """{ "minChapterWords": 0 }""");

        var finding = Rule(result, PacingRules.FlatStretch).Single();
        // Tensions 1 (lively) and 0 (calm): the lower tercile of [0,0,0,1,1,1,1,1,1] is 0 + (2.667 − 2) × 1 = 0.67.
        Assert.That(finding.Message, Is.EqualTo(
            "Chapter 4 to Chapter 6 are a flat stretch: 3 consecutive chapters (90 words) with tension below the book's lower " +
            "tercile (0.67): 0.00, 0.00, 0.00, against a book median of 1.00."));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Suggestion));
        var start = document.Paragraphs[document.Chapters[3].FirstParagraph].Span.Start;
        var end = document.Paragraphs[document.Chapters[5].FirstParagraph].Span.End;
        Assert.That(finding.Location, Is.EqualTo(new TextLocation(4, 1, start, end - start)));
        Assert.That(finding.Evidence, Is.EqualTo(CalmParagraph(3)));
        Assert.That(result.Metrics[M.SlowThreshold], Is.EqualTo(2 / 3.0).Within(1e-12));
        Assert.That(result.Metrics[M.SlowChapters], Is.EqualTo(3));
        Assert.That(result.Metrics[M.FlatStretches], Is.EqualTo(1));
        Assert.That(result.Metrics[M.FlatChapters], Is.EqualTo(3));
        Assert.That(result.Metrics[M.PenaltyFlat], Is.EqualTo(0.30).Within(1e-12)); // 3/9, capped at 0.30
        Assert.That(Rule(result, PacingRules.VariedCurve), Is.Empty);
    }

    [Test]
    public void Scattered_slow_chapters_are_no_flat_stretch_and_a_varied_curve_is_a_strength()
    {
        var result = Run(Curve(false, true, true, false, false, true, false, false, false), """{ "minChapterWords": 0 }""");

        Assert.That(Rule(result, PacingRules.FlatStretch), Is.Empty);
        Assert.That(result.Metrics[M.SlowChapters], Is.EqualTo(3));
        Assert.That(result.Metrics[M.PenaltyFlat], Is.Zero);
        Assert.That(result.Metrics[M.TensionCv], Is.EqualTo(Math.Sqrt(2) / 2).Within(1e-12));
        var strength = Rule(result, PacingRules.VariedCurve).Single();
        Assert.That(strength.IsStrength, Is.True);
        Assert.That(strength.Severity, Is.EqualTo(Severity.Info));
        Assert.That(strength.Message, Does.Contain("coefficient of variation 0.71 over 9 chapters, from 0.00 to 1.00"));
    }

    [Test]
    public void A_curve_that_does_not_move_costs_variety()
    {
        var result = Run(Chapters(Enumerable.Repeat(Paragraphs(Lively, CalmParagraph(1)), 6).ToArray()), """{ "minChapterWords": 0 }""");

        Assert.That(result.Metrics[M.TensionCv], Is.Zero);
        Assert.That(result.Metrics[M.PenaltyVariety], Is.EqualTo(0.15).Within(1e-12));
        Assert.That(result.Metrics[M.SlowChapters], Is.Zero); // nothing is below the tercile of equal values
    }

    [Test]
    public void A_short_curve_is_not_judged()
    {
        var result = Run(Curve(true, true, true, false), """{ "minChapterWords": 0 }""");

        Assert.That(Rule(result, PacingRules.FlatStretch), Is.Empty);
        Assert.That(result.Metrics[M.SlowThreshold], Is.Zero);
        Assert.That(result.Metrics[M.PenaltyVariety], Is.Zero);
    }

    [Test]
    public void Chapters_under_the_minimum_length_stay_off_the_curve()
    {
        // With the default minimum of 200 words, none of these chapters is on the curve.
        var result = Run(Curve(false, false, false, true, true, true, false, false, false));

        Assert.That(result.Metrics[M.FlatStretches], Is.Zero);
        Assert.That(result.Metrics[M.TensionMean], Is.Zero);
        Assert.That(result.Series[M.TensionSeries], Has.Count.EqualTo(9)); // the series still covers every chapter
    }

    // ---- the opening hook --------------------------------------------------------------------------------

    [Test]
    public void A_long_opening_before_any_speech_is_a_late_hook()
    {
        var opening = Paragraphs(Enumerable.Repeat(CalmParagraph(5), 9).Append("“Come in,” she said.").ToArray());
        var document = Chapters(opening);
        var result = Run(document);

        var finding = Rule(result, PacingRules.LateHook).Single();
        Assert.That(finding.Message, Is.EqualTo("The opening runs 450 words before its first line of speech (paragraph 10 of Chapter 1)."));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Suggestion));
        Assert.That(finding.Location, Is.EqualTo(new TextLocation(1, 1, document.Paragraphs[0].Span.Start, document.Paragraphs[0].Span.Length)));
        Assert.That(finding.Evidence, Does.StartWith("The quiet field lay under a grey sky all day.").And.EndWith("…"));
        Assert.That(finding.Evidence!.Length, Is.LessThanOrEqualTo(201));
        Assert.That(result.Metrics[M.HookWords], Is.EqualTo(450));
        Assert.That(result.Metrics[M.PenaltyHook], Is.EqualTo(0.075 * 50 / 400).Within(1e-12));
    }

    [Test]
    public void An_opening_with_neither_speech_nor_action_says_so_and_is_a_warning_when_very_late()
    {
        var result = Run(Chapters(Paragraphs(Enumerable.Repeat(CalmParagraph(5), 30).ToArray())));

        var finding = Rule(result, PacingRules.LateHook).Single();
        Assert.That(finding.Message, Is.EqualTo("Chapter 1 (1,500 words) has no speech and no action verb at all."));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Warning)); // over three times hookLateWords
        Assert.That(result.Metrics[M.HookWords], Is.EqualTo(1_500));
        Assert.That(result.Metrics[M.PenaltyHook], Is.EqualTo(0.15).Within(1e-12));
    }

    [Test]
    public void An_opening_that_starts_with_speech_is_a_strength()
    {
        var document = Chapters(Paragraphs("“Run,” she said.", CalmParagraph(2)));
        var result = Run(document);

        var finding = Rule(result, PacingRules.EarlyHook).Single();
        Assert.That(finding.Message, Is.EqualTo("The opening starts with its first line of speech (paragraph 1 of Chapter 1)."));
        Assert.That(finding.IsStrength, Is.True);
        Assert.That(finding.Evidence, Is.EqualTo("“Run,” she said."));
        Assert.That(result.Metrics[M.HookWords], Is.Zero);
        Assert.That(Rule(result, PacingRules.LateHook), Is.Empty);
    }

    [Test]
    public void An_action_verb_early_in_the_opening_is_a_strength()
    {
        var result = Run(Chapters(Paragraphs(CalmParagraph(1) + " He grabbed the rope.", CalmParagraph(2))));

        var finding = Rule(result, PacingRules.EarlyHook).Single();
        Assert.That(finding.Message, Is.EqualTo("The opening reaches its first action verb \"grabbed\" (paragraph 1 of Chapter 1) within 11 words."));
        Assert.That(finding.Evidence, Is.EqualTo("He grabbed the rope."));
        Assert.That(result.Metrics[M.HookWords], Is.EqualTo(11));
    }

    [Test]
    public void Hook_limits_are_options()
    {
        var result = Run(Chapters(Paragraphs(CalmParagraph(3), Lively)), """{ "hookLateWords": 20, "hookEarlyWords": 5 }""");

        Assert.That(Rule(result, PacingRules.LateHook).Single().Message, Does.StartWith("The opening runs 30 words before its first line of speech"));
    }

    // ---- dialogue balance --------------------------------------------------------------------------------

    [Test]
    public void Too_little_dialogue_is_reported_with_the_chattiest_chapter()
    {
        var result = Run(Chapters(CalmParagraph(10), Paragraphs(CalmParagraph(10), "“Yes,” she said.")));

        var finding = Rule(result, PacingRules.LowDialogue).Single();
        Assert.That(finding.Message, Does.StartWith("Only 1% of the text is dialogue (below 10%); the most is 1% in Chapter 2."));
        Assert.That(result.Metrics[M.PenaltyDialogue], Is.EqualTo(0.10 - result.Metrics[M.DialogueRatio]).Within(1e-12));
    }

    [Test]
    public void Wall_to_wall_dialogue_is_reported()
    {
        var speech = Paragraphs(Enumerable.Repeat("“We should go now, before the light is gone and the road is dark.”", 6).ToArray());
        var result = Run(Chapters(speech));

        var finding = Rule(result, PacingRules.HighDialogue).Single();
        Assert.That(finding.Message, Is.EqualTo("100% of the text is dialogue (above 70%)."));
        Assert.That(result.Metrics[M.PenaltyDialogue], Is.EqualTo(0.15).Within(1e-12)); // 0.30 over, capped
    }

    // ---- score, options, validation ----------------------------------------------------------------------

    [Test]
    public void The_score_is_one_minus_the_penalties()
    {
        var result = Run(Curve(false, false, false, true, true, true, false, false, false), """{ "minChapterWords": 0 }""");

        var penalties = new[] { M.PenaltyFlat, M.PenaltyVariety, M.PenaltyHook, M.PenaltyDialogue, M.PenaltyExposition }
            .Sum(p => result.Metrics[p]);
        Assert.That(result.Score, Is.EqualTo(Math.Clamp(1 - penalties, 0, 1)).Within(1e-12));
        Assert.That(result.Summary, Does.EndWith($"Score {result.Score:0.00}."));
    }

    [Test]
    public void An_empty_manuscript_scores_zero()
    {
        var result = Run(TextIndexer.Build("", "Empty", "hash"));

        Assert.That(result.Score, Is.Zero);
        Assert.That(result.Summary, Is.EqualTo("The manuscript has no words; score 0."));
        Assert.That(Node().Validate(result), Is.EqualTo(ResultValidation.Valid));
    }

    [Test]
    public void Results_are_valid_and_repeatable()
    {
        var document = Curve(false, true, true, true, false, false, true, false);
        var first = Run(document, """{ "minChapterWords": 0 }""");
        var second = Run(document, """{ "minChapterWords": 0 }""");

        Assert.That(Node().Validate(first), Is.EqualTo(ResultValidation.Valid));
        Assert.That(second.Findings, Is.EqualTo(first.Findings));
        Assert.That(second.Metrics, Is.EqualTo(first.Metrics));
        Assert.That(second.Score, Is.EqualTo(first.Score));
        Assert.That(first.Metrics.Keys, Is.SupersetOf(M.Declared));
    }

    [Test]
    public void A_series_that_does_not_match_its_labels_is_invalid()
    {
        var result = Run(Chapters(Lively, Lively));
        var series = new Dictionary<string, IReadOnlyList<double>>(result.Series) { [M.TensionSeries] = [0.5] };

        var verdict = Node().Validate(result with { Series = series });

        Assert.That(verdict.IsValid, Is.False);
        Assert.That(verdict.Error, Is.EqualTo("series 'tension' has 1 values for 2 chapters"));
    }

    [TestCase("""{ "shortSentenceWords": 0 }""", "option 'shortSentenceWords' must be at least 1 (got 0)")]
    [TestCase("""{ "slowQuantile": 1.5 }""", "option 'slowQuantile' must be between 0 and 1 (got 1.5)")]
    [TestCase("""{ "hookEarlyWords": 500 }""", "option 'hookEarlyWords' must be 0 or more and less than hookLateWords (got 500)")]
    [TestCase("""{ "dialogueMax": 0.05 }""", "option 'dialogueMax' must be greater than dialogueMin and at most 1 (got 0.05)")]
    [TestCase("""{ "actionSaturation": "high" }""", "option 'actionSaturation' must be a number")]
    public void Bad_options_are_invalid_input(string options, string message)
    {
        var error = Assert.Throws<InvalidNodeInputException>(() => Run(Chapters(Lively), options));
        Assert.That(error!.Message, Is.EqualTo(message));
    }

    [Test]
    public void Anything_but_a_manuscript_is_invalid_input()
    {
        Assert.ThrowsAsync<InvalidNodeInputException>(() => Node().RunAsync(Context("just a string"), CancellationToken.None));
    }

    [Test]
    public void The_tension_quantile_interpolates_between_order_statistics()
    {
        Assert.That(PacingAnalysis.Quantile([0, 1, 2, 3], 1 / 3.0), Is.EqualTo(1.0).Within(1e-12));
        Assert.That(PacingAnalysis.Quantile([0, 10], 0.25), Is.EqualTo(2.5).Within(1e-12));
        Assert.That(PacingAnalysis.Quantile([7], 0.5), Is.EqualTo(7));
        Assert.That(PacingAnalysis.Quantile([], 0.5), Is.Zero);
    }
}
