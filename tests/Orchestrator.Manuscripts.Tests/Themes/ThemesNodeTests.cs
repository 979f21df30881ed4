using System.Text.Json;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Text;
using Orchestrator.Manuscripts.Themes;
using M = Orchestrator.Manuscripts.Themes.ThemesMetrics;

namespace Orchestrator.Manuscripts.Tests.Themes;

public sealed class ThemesNodeTests
{
    // Chapter 1: 16 words, love hits loved, kissed, wedding. Chapter 2: 15 words, love hits heart, love.
    // Chapter 3: 14 words, no hit of any lexicon. The romance genre lexicon matches the same five words.
    private const string Chapter1 = "She loved him. He kissed her at the wedding. The field lay quiet under the sky.";
    private const string Chapter2 = "Her heart was full of love. The field lay quiet under the sky all day.";
    private const string Chapter3 = "The field lay quiet under the sky all day. Nothing moved on the road.";

    private static readonly ManuscriptDocument Book = Chapters(Chapter1, Chapter2, Chapter3);

    private static ManuscriptDocument Chapters(params string[] chapters) =>
        TextIndexer.Build(string.Concat(chapters.Select((c, i) => $"Chapter {i + 1}\n\n{c}\n\n")), "Themes test", "hash");

    private static ThemesNode Node(string optionsJson = "{}") => new(new NodeDefinition
    {
        Id = "themes",
        Type = ThemesNode.TypeName,
        Options = new NodeOptions(JsonDocument.Parse(optionsJson).RootElement),
    });

    private static NodeResult Run(ManuscriptDocument document, ManuscriptRequirements? requirements = null, string options = """{ "minChapterWords": 0 }""") =>
        Node(options).RunAsync(new NodeContext
        {
            SessionId = "test",
            Iteration = 1,
            Attempt = 1,
            Subject = document,
            Requirements = requirements,
            Upstream = new Dictionary<string, NodeResult>(),
        }, CancellationToken.None).GetAwaiter().GetResult();

    private static Finding[] Rule(NodeResult result, string rule) => result.Findings.Where(f => f.Rule == rule).ToArray();

    private static ManuscriptRequirements Wants(string? genre = null, params string[] themes) => new() { Genre = genre, Themes = themes };

    // ---- intensity and coverage --------------------------------------------------------------------------

    [Test]
    public void Intensity_and_coverage_are_measured_per_chapter_and_for_the_book()
    {
        var result = Run(Book, Wants(null, "love"));

        Assert.That(result.Metrics[M.Words], Is.EqualTo(45));
        Assert.That(result.Metrics[M.ThemeIntensity("love")], Is.EqualTo(5 * 1000 / 45.0).Within(1e-9));
        Assert.That(result.Metrics[M.ThemeCoverage("love")], Is.EqualTo(2 / 3.0).Within(1e-12));
        Assert.That(result.Metrics[M.ThemeIntensity("war")], Is.Zero);
        Assert.That(result.Series[M.ThemeSeries("love")], Is.EqualTo(new[] { 3 * 1000 / 16.0, 2 * 1000 / 15.0, 0 }).Within(1e-9));
        Assert.That(result.Labels[M.ChapterLabels], Is.EqualTo(new[] { "Chapter 1", "Chapter 2", "Chapter 3" }));
    }

    [Test]
    public void Short_chapters_stay_out_of_coverage_by_default()
    {
        var result = Run(Book, Wants(null, "love"), "{}"); // every chapter is under the default 200 words

        Assert.That(result.Metrics[M.ThemeCoverage("love")], Is.Zero);
        Assert.That(result.Metrics[M.ThemeIntensity("love")], Is.EqualTo(5 * 1000 / 45.0).Within(1e-9));
    }

    // ---- requested themes --------------------------------------------------------------------------------

    [Test]
    public void A_requested_theme_that_runs_through_the_book_is_a_strength()
    {
        var result = Run(Book, Wants(null, "love"));

        var finding = Rule(result, ThemesRules.RequestedCarried).Single();
        Assert.That(finding.Message, Is.EqualTo(
            "The requested theme \"love\" runs through the book: 111.1 hits per 1,000 words, reaching 1.5 per 1,000 in 67% of " +
            "chapters (2 of 3); strongest in Chapter 1 (187.5 per 1,000)."));
        Assert.That(finding.IsStrength, Is.True);
        Assert.That(finding.Severity, Is.EqualTo(Severity.Info));
        // The sentence with the most hits (two), the earlier of two equally short ones.
        Assert.That(finding.Evidence, Is.EqualTo("He kissed her at the wedding."));
        var offset = Book.Text.IndexOf("He kissed", StringComparison.Ordinal);
        Assert.That(finding.Location, Is.EqualTo(new TextLocation(1, 1, offset, "He kissed her at the wedding.".Length)));
        Assert.That(result.Metrics[M.ThemeScore], Is.EqualTo(1.0));
    }

    [Test]
    public void A_requested_theme_with_no_hit_is_absent()
    {
        var result = Run(Book, Wants(null, "love", "war"));

        var finding = Rule(result, ThemesRules.RequestedAbsent).Single();
        Assert.That(finding.Message, Is.EqualTo(
            "The requested theme \"war\" does not appear: no word of its lexicon (war, warfare, warrior, battle…) occurs in the text."));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(finding.Location, Is.EqualTo(TextLocation.Whole(Book.Text.Length)));
        Assert.That(result.Metrics[M.AbsentThemes], Is.EqualTo(1));
        Assert.That(result.Metrics[M.WeakThemes], Is.EqualTo(1));
        Assert.That(result.Metrics[M.ThemeScore], Is.EqualTo(0.5)); // mean of love 1 and war 0
        Assert.That(result.Series.Keys, Does.Contain(M.ThemeSeries("war")));
        Assert.That(result.Series[M.ThemeSeries("war")], Is.EqualTo(new double[] { 0, 0, 0 }));
    }

    [Test]
    public void A_weak_requested_theme_names_its_weakest_chapters()
    {
        var result = Run(Book, Wants(null, "love"), """{ "minChapterWords": 0, "requiredCoverage": 0.9 }""");

        var finding = Rule(result, ThemesRules.RequestedWeak).Single();
        Assert.That(finding.Message, Is.EqualTo(
            "The requested theme \"love\" is weak: 111.1 hits per 1,000 words, reaching 1.5 per 1,000 in 67% of chapters (2 of 3), " +
            "where 90% is wanted; weakest in Chapter 3 (0.0), Chapter 2 (133.3) and Chapter 1 (187.5)."));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Suggestion)); // not below half the required coverage
        Assert.That(finding.Location!.Chapter, Is.EqualTo(3));
        Assert.That(Book.Text.Substring(finding.Location.Offset, finding.Location.Length), Is.EqualTo("Chapter 3"));
        Assert.That(finding.Evidence, Is.EqualTo("Chapter 3"));
        Assert.That(result.Metrics[M.ThemeScore], Is.EqualTo((2 / 3.0) / 0.9).Within(1e-12));
    }

    [Test]
    public void The_weakest_chapter_count_is_an_option_and_coverage_far_below_the_target_is_a_warning()
    {
        var result = Run(Chapters(Chapter3, Chapter3, Chapter3, Chapter3, Chapter1), Wants(null, "romance"),
            """{ "minChapterWords": 0, "weakestChapters": 1 }""");

        var finding = Rule(result, ThemesRules.RequestedWeak).Single();
        Assert.That(finding.Message, Does.StartWith("The requested theme \"love\" is weak:")); // "romance" is an alias of love
        Assert.That(finding.Message, Does.EndWith("in 20% of chapters (1 of 5), where 50% is wanted; weakest in Chapter 1 (0.0)."));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
    }

    [Test]
    public void A_requested_theme_without_a_lexicon_is_noted_and_not_scored()
    {
        var result = Run(Book, Wants(null, "time travel", "love", "Love"));

        var finding = Rule(result, ThemesRules.UnknownTheme).Single();
        Assert.That(finding.Message, Is.EqualTo("The requested theme \"time travel\" has no built-in lexicon, so it was not measured."));
        Assert.That(finding.Suggestion, Does.StartWith("Use one of: heroism, friendship, love,"));
        Assert.That(result.Metrics[M.UnknownThemes], Is.EqualTo(1));
        Assert.That(result.Metrics[M.RequestedThemes], Is.EqualTo(1)); // love, once
        Assert.That(result.Metrics[M.ThemeScore], Is.EqualTo(1.0));
    }

    // ---- themes carried unasked --------------------------------------------------------------------------

    [Test]
    public void A_strong_theme_is_a_strength_when_no_themes_are_requested()
    {
        var result = Run(Book);

        var finding = Rule(result, ThemesRules.Detected).Single();
        Assert.That(finding.Message, Is.EqualTo(
            "The text carries love strongly: 111.1 hits per 1,000 words, reaching 1.5 per 1,000 in 67% of chapters (2 of 3); " +
            "strongest in Chapter 1 (187.5 per 1,000)."));
        Assert.That(finding.IsStrength, Is.True);
        Assert.That(finding.Evidence, Is.EqualTo("He kissed her at the wedding."));
        Assert.That(result.Metrics[M.StrongThemes], Is.EqualTo(1));
        // Focus: love covers its chapters fully (1); the next two themes have no hit (0).
        Assert.That(result.Metrics[M.Focus], Is.EqualTo(1 / 3.0).Within(1e-12));
        Assert.That(result.Score, Is.EqualTo(1 / 3.0).Within(1e-12));
        Assert.That(result.Series.Keys.Where(k => k.StartsWith("theme.", StringComparison.Ordinal)), Is.EqualTo(new[] { M.ThemeSeries("love") }));
    }

    [Test]
    public void A_strong_theme_that_was_not_requested_is_a_note_when_others_were()
    {
        var result = Run(Book, Wants(null, "war"));

        var finding = Rule(result, ThemesRules.Detected).Single();
        Assert.That(finding.Message, Does.StartWith("The text carries love strongly, though it is not among the requested themes: 111.1 hits"));
        Assert.That(finding.IsStrength, Is.False);
        Assert.That(finding.Severity, Is.EqualTo(Severity.Info));
        Assert.That(result.Summary, Does.Contain("carries love strongly").And.Contain("requested war absent"));
    }

    [Test]
    public void Strength_thresholds_are_options()
    {
        var result = Run(Book, null, """{ "minChapterWords": 0, "strongCoverage": 0.8 }""");

        Assert.That(Rule(result, ThemesRules.Detected), Is.Empty);
        Assert.That(result.Metrics[M.StrongThemes], Is.Zero);
    }

    // ---- genre fit ---------------------------------------------------------------------------------------

    [Test]
    public void Genre_fit_is_the_saturating_intensity_of_the_genre_lexicon()
    {
        var result = Run(Book, Wants("romance"));

        var intensity = 5 * 1000 / 45.0;
        Assert.That(result.Metrics[M.GenreIntensity("romance")], Is.EqualTo(intensity).Within(1e-9));
        Assert.That(result.Metrics[M.GenreFit("romance")], Is.EqualTo(intensity / (intensity + 4)).Within(1e-12));
        Assert.That(result.Metrics[M.GenreFit("thriller")], Is.Zero);
        Assert.That(result.Metrics[M.BestGenreFit], Is.EqualTo(intensity / (intensity + 4)).Within(1e-12));
        Assert.That(result.Metrics[M.RequestedGenreFit], Is.EqualTo(result.Metrics[M.BestGenreFit]));
        Assert.That(result.Metrics[M.GenreScore], Is.EqualTo(1.0));
        Assert.That(result.Labels[M.GenreLabels], Is.EqualTo(Genres.GenreNorms.Known));
        Assert.That(result.Series[M.GenreFitSeries], Has.Count.EqualTo(Genres.GenreNorms.Known.Count));

        var best = Rule(result, ThemesRules.BestGenreFit).Single();
        // Of the five romance words, one (wedding, by the stem "wed") is outside the Dale–Chall familiar list: 22.2 per 1,000 distinctive.
        Assert.That(best.Message, Does.StartWith("The vocabulary fits romance best: score 0.").And.Contain("(22.2 distinctive romance words per 1,000")
            .And.Contain("88.9 familiar ones").And.EndWith(", the requested genre."));
        Assert.That(result.Metrics[M.GenreDistinctiveIntensity("romance")], Is.EqualTo(1000 / 45.0).Within(1e-9));
        Assert.That(best.IsStrength, Is.True);
        Assert.That(Rule(result, ThemesRules.PoorGenreFit), Is.Empty);
    }

    [Test]
    public void A_requested_genre_that_fits_poorly_is_reported_with_the_best_fit()
    {
        var result = Run(Book, Wants("Thrillers", "love"));

        var finding = Rule(result, ThemesRules.PoorGenreFit).Single();
        Assert.That(finding.Message, Is.EqualTo(
            "The text's vocabulary fits thriller poorly: fit 0.00 (0.0 thriller words per 1,000, e.g. danger, dangerous, threat, threaten), " +
            "while romance fits best at 0.97 (111.1 per 1,000)."));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(finding.Suggestion, Does.EndWith("consider pitching it as romance."));
        Assert.That(Rule(result, ThemesRules.BestGenreFit).Single().IsStrength, Is.False);
        // 0.75 × themeScore (love carried: 1) + 0.25 × genreScore (0).
        Assert.That(result.Metrics[M.GenreScore], Is.Zero);
        Assert.That(result.Score, Is.EqualTo(0.75).Within(1e-12));
    }

    [Test]
    public void Without_a_known_genre_the_score_is_the_theme_score()
    {
        var result = Run(Book, Wants("space opera", "love"));

        Assert.That(result.Metrics.ContainsKey(M.GenreScore), Is.False);
        Assert.That(result.Metrics.ContainsKey(M.RequestedGenreFit), Is.False);
        Assert.That(result.Score, Is.EqualTo(result.Metrics[M.ThemeScore]));
        Assert.That(Rule(result, ThemesRules.BestGenreFit), Has.Length.EqualTo(1));
    }

    // ---- the rest ----------------------------------------------------------------------------------------

    [Test]
    public void An_empty_manuscript_scores_zero_and_is_valid()
    {
        var result = Run(TextIndexer.Build("", "Empty", "hash"), Wants("romance", "love"));

        Assert.That(result.Score, Is.Zero);
        Assert.That(result.Summary, Is.EqualTo("The manuscript has no words; score 0."));
        Assert.That(Node().Validate(result), Is.EqualTo(ResultValidation.Valid));
    }

    [Test]
    public void Results_are_valid_repeatable_and_carry_every_declared_metric()
    {
        var first = Run(Book, Wants("romance", "love", "war"));
        var second = Run(Book, Wants("romance", "love", "war"));

        Assert.That(Node().Validate(first), Is.EqualTo(ResultValidation.Valid));
        Assert.That(first.Metrics.Keys, Is.SupersetOf(M.Declared));
        Assert.That(second.Findings, Is.EqualTo(first.Findings));
        Assert.That(second.Metrics, Is.EqualTo(first.Metrics));
    }

    [Test]
    public void A_theme_series_that_does_not_match_the_chapters_is_invalid()
    {
        var result = Run(Book, Wants(null, "love"));
        var series = new Dictionary<string, IReadOnlyList<double>>(result.Series) { [M.ThemeSeries("love")] = [1.0] };

        var verdict = Node().Validate(result with { Series = series });

        Assert.That(verdict.IsValid, Is.False);
        Assert.That(verdict.Error, Is.EqualTo("series 'theme.love' has 1 values for 3 labels"));
    }

    [TestCase("""{ "coverageIntensity": 0 }""", "option 'coverageIntensity' must be greater than 0 (got 0)")]
    [TestCase("""{ "requiredCoverage": 1.5 }""", "option 'requiredCoverage' must be in (0, 1] (got 1.5)")]
    [TestCase("""{ "detectedThemes": 16 }""", "option 'detectedThemes' must be between 0 and 15 (got 16)")]
    [TestCase("""{ "halfFit": "four" }""", "option 'halfFit' must be a number")]
    public void Bad_options_are_invalid_input(string options, string message)
    {
        var error = Assert.Throws<InvalidNodeInputException>(() => Run(Book, null, options));
        Assert.That(error!.Message, Is.EqualTo(message));
    }
}
