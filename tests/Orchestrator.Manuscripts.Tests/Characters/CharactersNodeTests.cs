using System.Text.Json;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Characters;
using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Tests.Characters.CharacterBooks;
using M = Orchestrator.Manuscripts.Characters.CharactersMetrics;

namespace Orchestrator.Manuscripts.Tests.Characters;

public sealed class CharactersNodeTests
{
    private static CharactersNode Node(string optionsJson = "{}") => new(new NodeDefinition
    {
        Id = "characters",
        Type = CharactersNode.TypeName,
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

    private static Finding[] Rule(NodeResult result, string rule) => result.Findings.Where(f => f.Rule == rule).ToArray();

    private static ManuscriptDocument ThreeChapters() => Book(
        "Then Holmes met Watson.\n\nThen Holmes left.",
        "Then Watson slept.",
        "Then Holmes and Watson dined with Lestrade.");

    // ---- cast, series and labels -------------------------------------------------------------------------------

    [Test]
    public void The_cast_is_ranked_by_mentions_with_per_chapter_series_for_the_heatmap()
    {
        var document = ThreeChapters();
        var result = Analyse(document);

        Assert.That(result.Labels[M.CastLabels], Is.EqualTo(new[] { "Holmes", "Watson", "Lestrade" }));
        Assert.That(result.Labels[M.ChapterLabels], Is.EqualTo(new[] { "Chapter 1", "Chapter 2", "Chapter 3" }));
        Assert.That(result.Series[M.MentionsSeries(1)], Is.EqualTo(new double[] { 2, 0, 1 }));
        Assert.That(result.Series[M.MentionsSeries(2)], Is.EqualTo(new double[] { 1, 1, 1 }));
        Assert.That(result.Series[M.MentionsSeries(3)], Is.EqualTo(new double[] { 0, 0, 1 }));
        Assert.That(result.Series.ContainsKey(M.MentionsSeries(4)), Is.False);
        Assert.That(result.Series[M.CharactersPerChapterSeries], Is.EqualTo(new double[] { 2, 1, 3 }));
        Assert.That(result.Series[M.IntroductionsSeries], Is.EqualTo(new double[] { 2, 0, 1 }));
        Assert.That(result.Series[M.CastMentionsSeries], Is.EqualTo(new double[] { 3, 3, 1 }));
        Assert.That(result.Series[M.CastShareSeries], Is.EqualTo(new[] { 3 / 7.0, 3 / 7.0, 1 / 7.0 }).Within(1e-12));
        Assert.That(result.Series[M.CastChaptersSeries], Is.EqualTo(new double[] { 2, 3, 1 }));
        Assert.That(result.Series[M.CastLongestAbsenceSeries], Is.EqualTo(new double[] { 1, 0, 0 }));
        Assert.That(result.Metrics[M.Characters], Is.EqualTo(3));
        Assert.That(result.Metrics[M.Mentions], Is.EqualTo(7));
        Assert.That(result.Metrics[M.TopShare], Is.EqualTo(3 / 7.0).Within(1e-12));
        Assert.That(result.Metrics[M.Top5Share], Is.EqualTo(1.0));
        Assert.That(Node().Validate(result), Is.EqualTo(ResultValidation.Valid));
    }

    [Test]
    public void First_appearance_is_located_by_chapter_paragraph_and_offset()
    {
        var document = ThreeChapters();
        var result = Analyse(document);

        Assert.That(result.Series[M.CastFirstChapterSeries], Is.EqualTo(new double[] { 1, 1, 3 }));
        Assert.That(result.Series[M.CastFirstParagraphSeries], Is.EqualTo(new double[] { 1, 1, 1 }));
        Assert.That(result.Series[M.CastFirstOffsetSeries], Is.EqualTo(new double[]
        {
            document.Text.IndexOf("Holmes", StringComparison.Ordinal),
            document.Text.IndexOf("Watson", StringComparison.Ordinal),
            document.Text.IndexOf("Lestrade", StringComparison.Ordinal),
        }));
    }

    [Test]
    public void Co_occurrence_counts_paragraphs_naming_both()
    {
        var result = Analyse(ThreeChapters());

        Assert.That(result.Labels[M.PairLabels], Is.EqualTo(new[] { "Holmes + Watson", "Holmes + Lestrade", "Watson + Lestrade" }));
        Assert.That(result.Series[M.PairParagraphsSeries], Is.EqualTo(new double[] { 2, 1, 1 }));
        Assert.That(Analyse(ThreeChapters(), EveryName with { TopPairs = 1 }).Labels[M.PairLabels], Is.EqualTo(new[] { "Holmes + Watson" }));
    }

    [Test]
    public void Cast_size_limits_the_series_and_min_mentions_the_characters()
    {
        var result = Analyse(ThreeChapters(), new CharactersOptions { CastSize = 2, MajorCast = 2, MinMentions = 2 });

        Assert.That(result.Labels[M.CastLabels], Is.EqualTo(new[] { "Holmes", "Watson" }));
        Assert.That(result.Metrics[M.Characters], Is.EqualTo(2));
        Assert.That(result.Series.Keys.Where(k => k.StartsWith(M.MentionsSeriesPrefix, StringComparison.Ordinal)), Is.EquivalentTo(new[] { "mentions.1", "mentions.2" }));
        Assert.That(result.Series[M.CastMentionsSeries], Has.Count.EqualTo(2));
    }

    // ---- dialogue attribution ---------------------------------------------------------------------------------

    [Test]
    public void Lines_are_attributed_by_speech_verbs_next_to_names_in_narration()
    {
        var result = Analyse("“Come here,” said Holmes.\n\n“No,” Watson replied.\n\n“Holmes is here,” said Watson.\n\n" +
                             "Holmes said nothing to Watson, and nobody spoke.");

        Assert.That(result.Lines("Holmes"), Is.EqualTo(1));
        Assert.That(result.Lines("Watson"), Is.EqualTo(2));
        Assert.That(result.Mentions("Holmes"), Is.EqualTo(3));
        Assert.That(result.Metrics[M.AttributedLines], Is.EqualTo(3));
        Assert.That(result.Metrics[M.DialogueParagraphs], Is.EqualTo(3));
        Assert.That(result.Metrics[M.AttributionRate], Is.EqualTo(1.0));
        Assert.That(result.Series[M.CastDialogueShareSeries], Is.EqualTo(new[] { 1 / 3.0, 2 / 3.0 }).Within(1e-12));
    }

    [Test]
    public void Said_the_with_a_name_attributes_the_line()
    {
        var result = Analyse("“Off with her head!” said the Queen.\n\n“Nonsense,” said Alice to the Queen.");

        Assert.That(result.Lines("Queen"), Is.EqualTo(1));
        Assert.That(result.Lines("Alice"), Is.EqualTo(1));
    }

    [Test]
    public void Single_quoted_speech_is_attributed_too()
    {
        var result = Analyse("‘It’s late,’ said Tom.\n\n‘The dogs’ bowls are empty,’ Anna replied.\n\nThen Tom smiled at Anna.");

        Assert.That(result.Lines("Tom"), Is.EqualTo(1));
        Assert.That(result.Lines("Anna"), Is.EqualTo(1));
        Assert.That(result.Metrics[M.AttributedLines], Is.EqualTo(2));
    }

    // ---- findings -------------------------------------------------------------------------------------------

    [Test]
    public void A_major_character_absent_for_many_chapters_is_reported()
    {
        var middle = Enumerable.Repeat("Then Watson walked alone in the rain for a while.", 10);
        var document = Book(["Then Holmes met Watson. Then Holmes smiled at Watson.", .. middle, "Then Holmes came back to Watson."]);
        var result = Analyse(document);

        var finding = Rule(result, CharactersRules.Absent).Single();
        var gapWords = document.Chapters.Skip(1).Take(10).Sum(c => c.WordCount);
        Assert.That(gapWords, Is.EqualTo(100));
        Assert.That(finding.Message, Is.EqualTo(
            $"Holmes (#2, 3 mentions) is not named for 10 consecutive chapters (100 words, {Math.Round(100.0 * 100 / document.WordCount)}% of the book): " +
            "Chapter 2 to Chapter 11."));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Suggestion));
        Assert.That(finding.Location!.Chapter, Is.EqualTo(2));
        Assert.That(finding.Evidence, Is.EqualTo("Then Holmes smiled at Watson."));
        Assert.That(finding.Confidence, Is.LessThan(1));
        Assert.That(result.Metrics[M.AbsentMajors], Is.EqualTo(1));
        Assert.That(result.Metrics[M.LongestAbsence], Is.EqualTo(10));
        Assert.That(result.Metrics[M.PenaltyAbsent], Is.EqualTo(0.05).Within(1e-12));

        Assert.That(Rule(Analyse(document, EveryName with { AbsenceChapters = 11 }), CharactersRules.Absent), Is.Empty);
        Assert.That(Rule(Analyse(document, EveryName with { AbsenceShare = 0.95 }), CharactersRules.Absent), Is.Empty);
    }

    [Test]
    public void Too_many_characters_introduced_in_the_opening_chapter_is_reported()
    {
        var result = Analyse(Book("Then Anna met Ben, Carl, Dora, Emil, Fay, Gus, Hal, Ivy and Jon.", "Then Anna slept."));

        var finding = Rule(result, CharactersRules.CrowdedOpening).Single();
        Assert.That(finding.Message, Is.EqualTo(
            "Chapter 1 introduces 10 named characters (more than 8): Anna, Ben, Carl, Dora, Emil, Fay, Gus, Hal, Ivy and Jon."));
        Assert.That(finding.Location!.Chapter, Is.EqualTo(1));
        Assert.That(finding.Evidence, Is.EqualTo("Then Anna met Ben, Carl, Dora, Emil, Fay, Gus, Hal, Ivy and Jon."));
        Assert.That(result.Metrics[M.OpeningCharacters], Is.EqualTo(10));
        Assert.That(result.Metrics[M.PenaltyCrowdedOpening], Is.EqualTo(0.04).Within(1e-12));
        Assert.That(Rule(Analyse(Book("Then Anna met Ben, Carl, Dora, Emil, Fay, Gus, Hal, Ivy and Jon."), EveryName with { OpeningMaxCharacters = 10 }),
            CharactersRules.CrowdedOpening), Is.Empty);
    }

    [Test]
    public void A_main_character_who_never_speaks_is_reported()
    {
        var result = Analyse("“Yes,” said Holmes.\n\n“No,” said Watson.\n\n“Maybe,” said Holmes.\n\n" +
                             "Then Moriarty watched Holmes and Watson.\n\nLater Moriarty smiled.",
            EveryName with { MinAttributedLines = 2 });

        var finding = Rule(result, CharactersRules.Silent).Single();
        Assert.That(finding.Message, Is.EqualTo(
            "Moriarty (#3, 2 mentions in 1 chapter) is never attributed a line of dialogue, while 3 lines are attributed to named characters."));
        Assert.That(finding.Evidence, Is.EqualTo("Then Moriarty watched Holmes and Watson."));
        Assert.That(result.Metrics[M.SilentMajors], Is.EqualTo(1));
        Assert.That(result.Metrics[M.PenaltySilent], Is.EqualTo(0.05).Within(1e-12));
        Assert.That(Rule(result, CharactersRules.Voices), Is.Empty);

        // Too little attributed dialogue to judge with the default minimum of 20 lines.
        var sparse = Analyse("“Yes,” said Holmes.\n\n“No,” said Watson.\n\nThen Moriarty watched Holmes and Watson.\n\nLater Moriarty smiled.");
        Assert.That(Rule(sparse, CharactersRules.Silent), Is.Empty);
        Assert.That(sparse.Metrics[M.SilentMajors], Is.Zero);
    }

    [Test]
    public void Every_main_character_speaking_is_a_strength()
    {
        var result = Analyse("“Yes,” said Holmes.\n\n“No,” said Watson.\n\n“Maybe,” said Holmes.", EveryName with { MinAttributedLines = 2 });

        var strength = Rule(result, CharactersRules.Voices).Single();
        Assert.That(strength.IsStrength, Is.True);
        Assert.That(strength.Severity, Is.EqualTo(Severity.Info));
        Assert.That(strength.Message, Is.EqualTo("All 2 main characters speak: Holmes (2 lines) and Watson (1 line) of 3 attributed lines."));
    }

    [Test]
    public void Names_one_letter_apart_are_a_possible_duplicate()
    {
        var result = Analyse("Then Philips met Phillips. Then Philips left, and Phillips stayed.");

        var finding = Rule(result, CharactersRules.Duplicate).Single();
        Assert.That(finding.Message, Is.EqualTo(
            "\"Philips\" (2 mentions) and \"Phillips\" (2 mentions) are spelled one letter apart: one person spelled two ways, or two people readers may confuse?"));
        Assert.That(finding.Evidence, Is.EqualTo("Then Philips met Phillips."));
        Assert.That(result.Metrics[M.DuplicateNames], Is.EqualTo(1));
        Assert.That(result.Metrics[M.PenaltyDuplicates], Is.EqualTo(0.02).Within(1e-12));
    }

    [Test]
    public void A_clear_protagonist_is_a_strength()
    {
        var result = Analyse("Then Holmes smiled. Then Holmes ran. Then Holmes sat with Watson. Then Holmes slept. " +
                             "Then Holmes woke. Then Holmes left Watson.");

        var strength = Rule(result, CharactersRules.Protagonist).Single();
        Assert.That(strength.IsStrength, Is.True);
        Assert.That(strength.Message, Is.EqualTo(
            "A clear protagonist: Holmes has 75% of character mentions (6, 3.0x Watson (2)) and appears in 1 of 1 chapters."));
        Assert.That(strength.Evidence, Is.EqualTo("Then Holmes smiled."));
    }

    [Test]
    public void A_long_text_without_characters_is_reported_and_penalised()
    {
        var result = Analyse(string.Join(" ", Enumerable.Repeat("the cat sat on the mat.", 200)));

        var finding = Rule(result, CharactersRules.None).Single();
        Assert.That(finding.Message, Is.EqualTo("No character is named at least 1 time in 1,200 words."));
        Assert.That(result.Metrics[M.Characters], Is.Zero);
        Assert.That(result.Metrics[M.PenaltyNoCharacters], Is.EqualTo(0.30));
        Assert.That(result.Score, Is.EqualTo(0.70).Within(1e-12));
        Assert.That(result.Labels[M.CastLabels], Is.Empty);
        Assert.That(result.Summary, Is.EqualTo("No named characters found. Score 0.70."));
    }

    [Test]
    public void A_cast_without_leads_costs_score()
    {
        string[] names = ["Anna", "Bruno", "Clara", "Dmitri", "Elena", "Felix", "Greta", "Hugo", "Irene", "Jonas",
                          "Karla", "Lukas", "Marta", "Nils", "Olga", "Pavel", "Rosa", "Stefan", "Tilda", "Viktor"];
        var result = Analyse(Book("The rain fell all day.", string.Join(" ", names.Select(n => $"Then came {n}."))));

        Assert.That(result.Metrics[M.Characters], Is.EqualTo(20));
        Assert.That(result.Metrics[M.Top5Share], Is.EqualTo(0.25).Within(1e-12));
        Assert.That(result.Metrics[M.PenaltyDiffuseCast], Is.EqualTo(0.15).Within(1e-12));
        Assert.That(result.Score, Is.EqualTo(0.85).Within(1e-12));
    }

    [Test]
    public void A_clear_cast_scores_full_marks_with_every_penalty_zero()
    {
        var result = Analyse(ThreeChapters());

        foreach (var penalty in new[] { M.PenaltyNoCharacters, M.PenaltyDiffuseCast, M.PenaltySilent, M.PenaltyAbsent, M.PenaltyCrowdedOpening, M.PenaltyDuplicates })
            Assert.That(result.Metrics[penalty], Is.Zero, penalty);
        Assert.That(result.Score, Is.EqualTo(1.0));
        Assert.That(result.Summary, Is.EqualTo("3 characters (7 mentions); main cast: Holmes 43%, Watson 43%, Lestrade 14%; 0 attributed lines of dialogue. Score 1.00."));
    }

    [Test]
    public void An_empty_text_has_an_empty_cast_and_a_valid_result()
    {
        var result = Analyse(TextIndexer.Build("", "Empty", "hash"));

        Assert.That(result.Labels[M.CastLabels], Is.Empty);
        Assert.That(result.Metrics[M.Characters], Is.Zero);
        Assert.That(result.Score, Is.EqualTo(1.0));
        Assert.That(result.Findings, Is.Empty);
        Assert.That(Node().Validate(result), Is.EqualTo(ResultValidation.Valid));
    }

    [Test]
    public void A_text_without_chapter_headings_is_one_chapter()
    {
        var result = Analyse(TextIndexer.Build("Then Holmes met Watson. Then Watson smiled at Holmes.\n", "Untitled", "hash"));

        Assert.That(result.Labels[M.ChapterLabels], Has.Count.EqualTo(1));
        Assert.That(result.Series[M.MentionsSeries(1)], Is.EqualTo(new double[] { 2 }));
        Assert.That(Node().Validate(result), Is.EqualTo(ResultValidation.Valid));
    }

    // ---- the node ---------------------------------------------------------------------------------------------

    [Test]
    public async Task The_node_reads_its_options_and_runs_the_analysis()
    {
        var document = ThreeChapters();
        var result = await Node("""{ "minMentions": 2 }""").RunAsync(Context(document), CancellationToken.None);

        Assert.That(result.Labels[M.CastLabels], Is.EqualTo(new[] { "Holmes", "Watson" }));
        Assert.That(Node().DeclaredMetrics.Where(m => !result.Metrics.ContainsKey(m)), Is.Empty);
        Assert.That(Node().Validate(result), Is.EqualTo(ResultValidation.Valid));
    }

    [Test]
    public void The_node_refuses_a_subject_that_is_not_a_manuscript()
    {
        Assert.ThrowsAsync<InvalidNodeInputException>(() => Node().RunAsync(Context("not a document"), CancellationToken.None));
    }

    [Test]
    public void Validation_catches_a_cast_series_of_the_wrong_length()
    {
        var result = Analyse(ThreeChapters());
        var series = new Dictionary<string, IReadOnlyList<double>>(result.Series) { [M.CastLinesSeries] = [1.0] };

        var verdict = Node().Validate(result with { Series = series });
        Assert.That(verdict.IsValid, Is.False);
        Assert.That(verdict.Error, Does.Contain("cast.lines"));

        var labels = new Dictionary<string, IReadOnlyList<string>>(result.Labels) { [M.PairLabels] = ["Holmes + Watson"] };
        Assert.That(Node().Validate(result with { Labels = labels }).Error, Is.EqualTo("series 'pairs.paragraphs' has 3 values for 1 pairs"));
    }

    [Test]
    public void The_same_input_gives_the_same_result()
    {
        var first = Analyse(ThreeChapters());
        var second = Analyse(ThreeChapters());

        Assert.That(second.Findings, Is.EqualTo(first.Findings));
        Assert.That(second.Metrics, Is.EqualTo(first.Metrics));
        Assert.That(second.Labels.Keys, Is.EquivalentTo(first.Labels.Keys));
        foreach (var (name, values) in first.Series) Assert.That(second.Series[name], Is.EqualTo(values), name);
        foreach (var (name, values) in first.Labels) Assert.That(second.Labels[name], Is.EqualTo(values), name);
        Assert.That(second.Summary, Is.EqualTo(first.Summary));
    }

    [Test]
    public void An_option_of_the_wrong_kind_is_an_input_error() =>
        Assert.Throws<InvalidNodeInputException>(() => CharactersOptions.From(new NodeOptions(JsonDocument.Parse("""{ "castSize": "many" }""").RootElement)));

    // ---- options ----------------------------------------------------------------------------------------------

    [Test]
    public void Options_default_when_absent_and_are_read_when_given()
    {
        Assert.That(CharactersOptions.From(NodeOptions.Empty), Is.EqualTo(CharactersOptions.Default));
        var options = CharactersOptions.From(new NodeOptions(JsonDocument.Parse(
            """{ "castSize": 20, "majorCast": 6, "minMentions": 5, "absenceChapters": 7, "absenceShare": 0.2, "openingMaxCharacters": 4, "minAttributedLines": 10, "mergeDominance": 0.9, "topPairs": 3 }""").RootElement));
        Assert.That(options, Is.EqualTo(new CharactersOptions
        {
            CastSize = 20, MajorCast = 6, MinMentions = 5, AbsenceChapters = 7, AbsenceShare = 0.2, OpeningMaxCharacters = 4,
            MinAttributedLines = 10, MergeDominance = 0.9, TopPairs = 3,
        }));
    }

    [TestCase("""{ "castSize": 0 }""", "option 'castSize' must be between 1 and 64 (got 0)")]
    [TestCase("""{ "majorCast": 13 }""", "option 'majorCast' must be between 1 and castSize (12) (got 13)")]
    [TestCase("""{ "mergeDominance": 0.4 }""", "option 'mergeDominance' must be in [0.5, 1] (got 0.4)")]
    [TestCase("""{ "absenceChapters": 1 }""", "option 'absenceChapters' must be at least 2 (got 1)")]
    public void Bad_options_are_an_input_error(string json, string message)
    {
        var error = Assert.Throws<InvalidNodeInputException>(() => CharactersOptions.From(new NodeOptions(JsonDocument.Parse(json).RootElement)));
        Assert.That(error!.Message, Is.EqualTo(message));
    }
}
