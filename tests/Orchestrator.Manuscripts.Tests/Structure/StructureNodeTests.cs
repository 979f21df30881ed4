using System.Text.Json;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Structure;
using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Tests.Structure.SyntheticManuscript;
using M = Orchestrator.Manuscripts.Structure.StructureMetrics;

namespace Orchestrator.Manuscripts.Tests.Structure;

public sealed class StructureNodeTests
{
    private static StructureNode Node(string optionsJson = "{}") => new(new NodeDefinition
    {
        Id = "structure",
        Type = StructureNode.TypeName,
        Options = new NodeOptions(JsonDocument.Parse(optionsJson).RootElement),
    });

    private static NodeContext Context(object subject, ManuscriptRequirements? requirements = null) => new()
    {
        SessionId = "test",
        Iteration = 1,
        Attempt = 1,
        Subject = subject,
        Requirements = requirements,
        Upstream = new Dictionary<string, NodeResult>(),
    };

    private static Task<NodeResult> RunAsync(ManuscriptDocument document, ManuscriptRequirements? requirements = null, string options = "{}") =>
        Node(options).RunAsync(Context(document, requirements), CancellationToken.None);

    private static Finding[] Rule(NodeResult result, string rule) => result.Findings.Where(f => f.Rule == rule).ToArray();

    private static ManuscriptDocument Even(int chapters, int wordsEach) => Chapters(Enumerable.Repeat(wordsEach, chapters).ToArray());

    // ---- length vs target --------------------------------------------------------------------------------

    [Test]
    public async Task Under_target_is_reported_with_the_numbers()
    {
        var result = await RunAsync(Even(10, 6_000), new ManuscriptRequirements { TargetLength = 100_000 });

        var finding = Rule(result, StructureRules.UnderTarget).Single();
        Assert.That(finding.Message, Is.EqualTo("The manuscript has 60,000 words, 40% under the 100,000-word target (40,000 words short)."));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(finding.Suggestion, Is.Not.Empty);
        Assert.That(finding.Location, Is.EqualTo(TextLocation.Whole(Even(10, 6_000).Text.Length)));
        Assert.That(Rule(result, StructureRules.OverTarget), Is.Empty);
        Assert.That(result.Metrics[M.TargetLength], Is.EqualTo(100_000));
        Assert.That(result.Metrics[M.TargetRatio], Is.EqualTo(0.6).Within(1e-12));
        Assert.That(result.Metrics[M.PenaltyLength], Is.EqualTo(0.30).Within(1e-9));
    }

    [Test]
    public async Task Over_target_is_reported_with_the_numbers()
    {
        var result = await RunAsync(Even(10, 9_000), new ManuscriptRequirements { TargetLength = 75_000 });

        var finding = Rule(result, StructureRules.OverTarget).Single();
        Assert.That(finding.Message, Is.EqualTo("The manuscript has 90,000 words, 20% over the 75,000-word target (15,000 words over)."));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Suggestion));
        Assert.That(Rule(result, StructureRules.UnderTarget), Is.Empty);
        Assert.That(result.Metrics[M.TargetRatio], Is.EqualTo(1.2).Within(1e-12));
        Assert.That(result.Metrics[M.PenaltyLength], Is.EqualTo(0.10).Within(1e-9));
    }

    [Test]
    public async Task Within_the_tolerance_of_the_target_nothing_is_reported()
    {
        var result = await RunAsync(Even(10, 7_600), new ManuscriptRequirements { TargetLength = 80_000 });

        Assert.That(Rule(result, StructureRules.UnderTarget), Is.Empty);
        Assert.That(Rule(result, StructureRules.OverTarget), Is.Empty);
        Assert.That(result.Metrics[M.PenaltyLength], Is.EqualTo(0));
        Assert.That(result.Summary, Does.Contain("within 10% of the 80,000-word target"));
    }

    [Test]
    public async Task The_target_tolerance_is_an_option()
    {
        var result = await RunAsync(Even(10, 7_600), new ManuscriptRequirements { TargetLength = 80_000 }, """{ "targetTolerance": 0.02 }""");

        Assert.That(Rule(result, StructureRules.UnderTarget).Single().Message, Does.Contain("5% under the 80,000-word target"));
    }

    [Test]
    public async Task Without_a_target_there_are_no_target_metrics()
    {
        var result = await RunAsync(Even(10, 7_600));

        Assert.That(result.Metrics.ContainsKey(M.TargetLength), Is.False);
        Assert.That(result.Metrics.ContainsKey(M.TargetRatio), Is.False);
    }

    // ---- length vs genre ---------------------------------------------------------------------------------

    [Test]
    public async Task Under_the_genre_norm_is_reported_with_the_range()
    {
        var result = await RunAsync(Even(10, 6_000), new ManuscriptRequirements { Genre = "Fantasy" });

        var finding = Rule(result, StructureRules.UnderGenre).Single();
        Assert.That(finding.Message, Is.EqualTo(
            "At 60,000 words the manuscript is under the usual length for fantasy (90,000–120,000 words, typically about 107,500); " +
            "it is 30,000 words short of the low end."));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(finding.Suggestion, Does.Contain("debut fantasy").And.Contain("Writer's Digest"));
        Assert.That(result.Metrics[M.GenreMinWords], Is.EqualTo(90_000));
        Assert.That(result.Metrics[M.GenreMaxWords], Is.EqualTo(120_000));
        Assert.That(result.Metrics[M.GenreTypicalWords], Is.EqualTo(107_500));
        Assert.That(result.Metrics[M.PenaltyGenre], Is.EqualTo(0.2).Within(1e-9)); // 1/3 off, capped at 0.2
    }

    [Test]
    public async Task Over_the_genre_norm_is_reported_with_the_range()
    {
        var result = await RunAsync(Even(10, 12_000), new ManuscriptRequirements { Genre = "thriller" });

        var finding = Rule(result, StructureRules.OverGenre).Single();
        Assert.That(finding.Message, Is.EqualTo(
            "At 120,000 words the manuscript is over the usual length for thriller (70,000–110,000 words, typically about 85,000); " +
            "it is 10,000 words past the high end."));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Suggestion));
        Assert.That(result.Metrics[M.PenaltyGenre], Is.EqualTo(10_000 / 110_000.0).Within(1e-9));
        Assert.That(result.Metrics[M.GenreRatio], Is.EqualTo(120_000 / 85_000.0).Within(1e-9));
    }

    [Test]
    public async Task Within_the_genre_norm_nothing_is_reported_and_aliases_work()
    {
        var result = await RunAsync(Even(10, 10_000), new ManuscriptRequirements { Genre = "sci-fi" });

        Assert.That(Rule(result, StructureRules.UnderGenre), Is.Empty);
        Assert.That(Rule(result, StructureRules.OverGenre), Is.Empty);
        Assert.That(result.Metrics[M.GenreMinWords], Is.EqualTo(90_000));
        Assert.That(result.Summary, Does.Contain("within the usual science fiction range"));
    }

    [Test]
    public async Task An_unknown_genre_is_an_info_finding_listing_the_known_ones()
    {
        var result = await RunAsync(Even(10, 8_000), new ManuscriptRequirements { Genre = "space opera" });

        var finding = Rule(result, StructureRules.UnknownGenre).Single();
        Assert.That(finding.Severity, Is.EqualTo(Severity.Info));
        Assert.That(finding.Message, Does.Contain("\"space opera\""));
        Assert.That(finding.Suggestion, Does.Contain("fantasy, science-fiction, thriller"));
        Assert.That(result.Metrics.ContainsKey(M.GenreMinWords), Is.False);
        Assert.That(result.Metrics[M.PenaltyGenre], Is.EqualTo(0));
    }

    // ---- chapters ----------------------------------------------------------------------------------------

    private static ManuscriptDocument WithOutliers() => Build(
    [
        Chapter(1, 3_000), Chapter(2, 3_100), Chapter(3, 2_900), Chapter(4, 3_000),
        Chapter(5, 9_000, "The Storm"),
        Chapter(6, 3_050), Chapter(7, 2_950), Chapter(8, 3_000),
        Chapter(9, 1_000),
        Chapter(10, 3_000),
    ]);

    [Test]
    public async Task A_long_chapter_is_reported_with_its_number_ratio_and_location()
    {
        var document = WithOutliers();
        var result = await RunAsync(document);

        var finding = Rule(result, StructureRules.LongChapter).Single();
        Assert.That(finding.Message, Is.EqualTo("Chapter 5 \"The Storm\" has 9,000 words, 3.0x the median chapter (3,000)."));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(finding.Evidence, Is.EqualTo("Chapter 5: The Storm"));
        Assert.That(finding.Suggestion, Does.Contain("splitting"));

        var chapter = document.Chapters[4];
        var location = finding.Location!;
        Assert.That(location.Chapter, Is.EqualTo(5));
        Assert.That(location.Paragraph, Is.Null, "a chapter finding is about the whole chapter");
        Assert.That(location.Offset, Is.EqualTo(chapter.HeadingSpan.Start));
        Assert.That(location.Offset, Is.EqualTo(document.Text.IndexOf("Chapter 5: The Storm", StringComparison.Ordinal)));
        Assert.That(location.Length, Is.EqualTo("Chapter 5: The Storm".Length));
        Assert.That(document.Text.Substring(location.Offset, location.Length), Is.EqualTo("Chapter 5: The Storm"));
    }

    [Test]
    public async Task A_short_chapter_is_reported_with_its_number_and_location()
    {
        var document = WithOutliers();
        var result = await RunAsync(document);

        var finding = Rule(result, StructureRules.ShortChapter).Single();
        Assert.That(finding.Message, Is.EqualTo("Chapter 9 has only 1,000 words, 0.33x the median chapter (3,000)."));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Suggestion));
        Assert.That(finding.Location!.Chapter, Is.EqualTo(9));
        Assert.That(finding.Location.Paragraph, Is.Null);
        Assert.That(document.Text.Substring(finding.Location.Offset, finding.Location.Length), Is.EqualTo("Chapter 9"));
        Assert.That(finding.Evidence, Is.EqualTo("Chapter 9"));
    }

    [Test]
    public async Task Without_a_heading_span_the_heading_is_found_in_the_chapter_text()
    {
        var document = Build([Chapter(1, 3_000), Chapter(2, 3_000), Chapter(3, 9_000, "The Storm"), Chapter(4, 3_000)], headingSpans: false);
        var result = await RunAsync(document);

        var location = Rule(result, StructureRules.LongChapter).Single().Location!;
        Assert.That(location.Chapter, Is.EqualTo(3));
        Assert.That(document.Text.Substring(location.Offset, location.Length), Is.EqualTo("Chapter 3: The Storm"));
    }

    [Test]
    public async Task Distribution_metrics_describe_the_body_chapters()
    {
        var result = await RunAsync(WithOutliers());
        var words = new[] { 3_000, 3_100, 2_900, 3_000, 9_000, 3_050, 2_950, 3_000, 1_000, 3_000 };
        var mean = words.Average();
        var sd = Math.Sqrt(words.Sum(w => (w - mean) * (w - mean)) / words.Length);

        Assert.That(result.Metrics[M.Words], Is.EqualTo(34_000));
        Assert.That(result.Metrics[M.Chapters], Is.EqualTo(10));
        Assert.That(result.Metrics[M.BodyChapters], Is.EqualTo(10));
        Assert.That(result.Metrics[M.MeanChapterWords], Is.EqualTo(3_400));
        Assert.That(result.Metrics[M.MedianChapterWords], Is.EqualTo(3_000));
        Assert.That(result.Metrics[M.ChapterWordsCv], Is.EqualTo(sd / mean).Within(1e-12));
        Assert.That(result.Metrics[M.MinChapterWords], Is.EqualTo(1_000));
        Assert.That(result.Metrics[M.MaxChapterWords], Is.EqualTo(9_000));
        Assert.That(result.Metrics[M.OutlierChapters], Is.EqualTo(2));
        Assert.That(result.Metrics[M.LongChapters], Is.EqualTo(1));
        Assert.That(result.Metrics[M.ShortChapters], Is.EqualTo(1));
        Assert.That(result.Metrics[M.PenaltyOutliers], Is.EqualTo(0.2).Within(1e-12));
        Assert.That(result.Series[M.ChapterWordsSeries], Is.EqualTo(words.Select(w => (double)w)));
        Assert.That(result.Labels[M.ChapterLabels][4], Is.EqualTo("Chapter 5: The Storm"));
    }

    [Test]
    public async Task Outlier_factors_are_options()
    {
        var result = await RunAsync(WithOutliers(), options: """{ "longChapterFactor": 3.5, "shortChapterFactor": 0.2 }""");

        Assert.That(Rule(result, StructureRules.LongChapter), Is.Empty);
        Assert.That(Rule(result, StructureRules.ShortChapter), Is.Empty);
        Assert.That(result.Metrics[M.OutlierChapters], Is.EqualTo(0));
    }

    [Test]
    public async Task Widely_varying_chapters_are_reported_as_uneven()
    {
        var result = await RunAsync(Chapters(500, 9_000, 1_200, 3_000, 8_000, 700, 3_000, 2_500));

        var finding = Rule(result, StructureRules.UnevenChapters).Single();
        Assert.That(finding.Message, Is.EqualTo(
            "Chapter lengths vary widely: coefficient of variation 0.87 (standard deviation 3,044 words around a mean of 3,488); " +
            "chapters run from 500 to 9,000 words."));
        Assert.That(result.Metrics[M.PenaltyUneven], Is.GreaterThan(0));
    }

    [Test]
    public async Task A_chapter_without_text_is_reported_as_empty_once()
    {
        var result = await RunAsync(Chapters(3_000, 0, 3_000, 3_000));

        var finding = Rule(result, StructureRules.EmptyChapter).Single();
        Assert.That(finding.Message, Is.EqualTo("Chapter 2 has a heading but no text."));
        Assert.That(finding.Location!.Chapter, Is.EqualTo(2));
        Assert.That(finding.Location.Paragraph, Is.Null);
        Assert.That(Rule(result, StructureRules.ShortChapter), Is.Empty);
        Assert.That(result.Metrics[M.ShortChapters], Is.EqualTo(1));
    }

    [Test]
    public async Task Too_few_chapters_for_outliers_are_not_judged()
    {
        var result = await RunAsync(Chapters(1_000, 9_000));

        Assert.That(Rule(result, StructureRules.LongChapter), Is.Empty);
        Assert.That(Rule(result, StructureRules.ShortChapter), Is.Empty);
        Assert.That(Rule(result, StructureRules.UnevenChapters), Is.Empty);
        Assert.That(result.Metrics[M.MedianChapterWords], Is.EqualTo(5_000));
    }

    [Test]
    public async Task A_long_text_without_chapter_headings_is_reported()
    {
        var document = Build([new SyntheticChapter("", [20_000], SectionKind.Untitled)]);
        var result = await RunAsync(document);

        var finding = Rule(result, StructureRules.NoChapters).Single();
        Assert.That(finding.Message, Does.Contain("20,000 words"));
        Assert.That(result.Metrics[M.PenaltyNoChapters], Is.EqualTo(0.1));
        Assert.That(result.Labels[M.ChapterLabels], Is.EqualTo(new[] { "Chapter 1" }));
    }

    // ---- prologue ----------------------------------------------------------------------------------------

    [Test]
    public async Task A_long_prologue_is_reported_and_kept_out_of_the_distribution()
    {
        var document = Build([Prologue(5_000), .. Enumerable.Range(1, 10).Select(n => Chapter(n, 3_000))]);
        var result = await RunAsync(document);

        var finding = Rule(result, StructureRules.LongPrologue).Single();
        Assert.That(finding.Message, Is.EqualTo("The prologue has 5,000 words, 1.7x the median chapter (3,000) and 14% of the book."));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(finding.Location!.Chapter, Is.EqualTo(1));
        Assert.That(finding.Location.Paragraph, Is.Null);
        Assert.That(document.Text.Substring(finding.Location.Offset, finding.Location.Length), Is.EqualTo("Prologue"));
        Assert.That(finding.Evidence, Is.EqualTo("Prologue"));

        Assert.That(result.Metrics[M.Chapters], Is.EqualTo(11));
        Assert.That(result.Metrics[M.BodyChapters], Is.EqualTo(10));
        Assert.That(result.Metrics[M.MedianChapterWords], Is.EqualTo(3_000));
        Assert.That(result.Metrics[M.PrologueWords], Is.EqualTo(5_000));
        Assert.That(result.Metrics[M.PenaltyPrologue], Is.EqualTo(0.05));
        Assert.That(Rule(result, StructureRules.LongChapter), Is.Empty, "the prologue is not a body chapter");
    }

    [Test]
    public async Task A_short_prologue_is_fine()
    {
        var result = await RunAsync(Build([Prologue(1_500), .. Enumerable.Range(1, 10).Select(n => Chapter(n, 3_000))]));

        Assert.That(Rule(result, StructureRules.LongPrologue), Is.Empty);
        Assert.That(result.Metrics[M.PenaltyPrologue], Is.EqualTo(0));
        Assert.That(result.Metrics[M.PrologueWords], Is.EqualTo(1_500));
    }

    [Test]
    public async Task A_prologue_over_its_share_of_a_short_book_is_reported()
    {
        // 4,000 words is under 1.5x the 3,000-word median, but 25% of a 16,000-word book.
        var result = await RunAsync(Build([Prologue(4_000), Chapter(1, 3_000), Chapter(2, 3_000), Chapter(3, 3_000), Chapter(4, 3_000)]));

        Assert.That(Rule(result, StructureRules.LongPrologue).Single().Message, Does.EndWith("and 25% of the book."));
    }

    // ---- scenes and parts --------------------------------------------------------------------------------

    [Test]
    public async Task Scenes_per_chapter_are_counted_and_busy_chapters_noted()
    {
        var document = Build(
        [
            new SyntheticChapter("Chapter 1", [1_000, 1_000]) { Number = 1 },
            new SyntheticChapter("Chapter 2", Enumerable.Repeat(400, 8).ToArray()) { Number = 2 },
            new SyntheticChapter("Chapter 3", [3_000]) { Number = 3 },
        ]);
        var result = await RunAsync(document);

        Assert.That(result.Metrics[M.Scenes], Is.EqualTo(11));
        Assert.That(result.Metrics[M.ScenesPerChapter], Is.EqualTo(11 / 3.0).Within(1e-12));
        Assert.That(result.Metrics[M.ChaptersWithManyScenes], Is.EqualTo(1));
        Assert.That(result.Series[M.ScenesPerChapterSeries], Is.EqualTo(new double[] { 2, 8, 1 }));
        var finding = Rule(result, StructureRules.ManyScenes).Single();
        Assert.That(finding.Message, Is.EqualTo("Chapter 2 is split into 8 scenes (the book averages 3.7 per chapter)."));
        Assert.That(finding.Location!.Chapter, Is.EqualTo(2));
    }

    [Test]
    public async Task Parts_give_chapters_and_words_per_part()
    {
        var document = Build(
        [
            Chapter(1, 3_000, opensPart: "Part One"), Chapter(2, 3_000), Chapter(3, 3_000),
            Chapter(4, 3_000, opensPart: "Part Two"), Chapter(5, 3_000),
            Chapter(6, 1_000, opensPart: "Part Three"),
        ]);
        var result = await RunAsync(document);

        Assert.That(result.Metrics[M.Parts], Is.EqualTo(3));
        Assert.That(result.Metrics[M.MeanChaptersPerPart], Is.EqualTo(2));
        Assert.That(result.Metrics[M.MeanWordsPerPart], Is.EqualTo(16_000 / 3.0).Within(1e-9));
        Assert.That(result.Series[M.PartWordsSeries], Is.EqualTo(new double[] { 9_000, 6_000, 1_000 }));
        Assert.That(result.Series[M.PartChaptersSeries], Is.EqualTo(new double[] { 3, 2, 1 }));
        Assert.That(result.Labels[M.PartLabels], Is.EqualTo(new[] { "Part One", "Part Two", "Part Three" }));

        var finding = Rule(result, StructureRules.UnbalancedPart).Single();
        Assert.That(finding.Message, Is.EqualTo("Part 3 \"Part Three\" has 1,000 words in 1 chapter, 0.19x the average part (5,333 words)."));
        Assert.That(finding.Location!.Chapter, Is.EqualTo(6));
        Assert.That(document.Text.Substring(finding.Location.Offset, finding.Location.Length), Is.EqualTo("Part Three"));
        Assert.That(result.Summary, Does.Contain("3 parts"));
    }

    [Test]
    public async Task Without_parts_there_are_no_part_metrics_or_series()
    {
        var result = await RunAsync(Even(5, 3_000));

        Assert.That(result.Metrics[M.Parts], Is.EqualTo(0));
        Assert.That(result.Metrics.ContainsKey(M.MeanWordsPerPart), Is.False);
        Assert.That(result.Series.ContainsKey(M.PartWordsSeries), Is.False);
    }

    // ---- score, metrics, summary, validation -------------------------------------------------------------

    [Test]
    public async Task A_balanced_manuscript_on_target_scores_1()
    {
        var result = await RunAsync(Even(24, 3_500), new ManuscriptRequirements { TargetLength = 85_000, Genre = "mystery" });

        Assert.That(result.Score, Is.EqualTo(1.0));
        Assert.That(result.Findings, Is.Empty);
        Assert.That(result.Summary, Is.EqualTo(
            "84,000 words in 24 chapters (median 3,500 words, CV 0.00); within 10% of the 85,000-word target; " +
            "within the usual mystery range. Score 1.00."));
    }

    [Test]
    public async Task A_badly_proportioned_manuscript_scores_lower_than_a_balanced_one()
    {
        var requirements = new ManuscriptRequirements { TargetLength = 80_000, Genre = "romance" };
        var balanced = await RunAsync(Even(20, 4_000), requirements);
        var bad = await RunAsync(Build(
        [
            Prologue(6_000), Chapter(1, 500), Chapter(2, 9_000), Chapter(3, 1_200), Chapter(4, 3_000),
            Chapter(5, 8_000), Chapter(6, 700), Chapter(7, 3_000), Chapter(8, 2_500),
        ]), requirements);

        Assert.That(balanced.Score, Is.InRange(0.0, 1.0));
        Assert.That(bad.Score, Is.InRange(0.0, 1.0));
        Assert.That(bad.Score, Is.LessThan(balanced.Score));
        Assert.That(bad.Score, Is.LessThan(0.5));

        // The score is 1 minus the penalty metrics.
        var penalties = new[] { M.PenaltyLength, M.PenaltyGenre, M.PenaltyUneven, M.PenaltyOutliers, M.PenaltyPrologue, M.PenaltyNoChapters }
            .Sum(p => bad.Metrics[p]);
        Assert.That(bad.Score, Is.EqualTo(Math.Clamp(1 - penalties, 0, 1)).Within(1e-12));
        Assert.That(bad.Summary, Does.Contain("Score " + bad.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Every_declared_metric_is_present_and_the_result_validates()
    {
        var node = Node();
        foreach (var document in new[] { WithOutliers(), Even(1, 100), Build([]), Chapters(3_000, 0, 3_000, 3_000) })
        {
            var result = await node.RunAsync(Context(document, new ManuscriptRequirements { TargetLength = 50_000, Genre = "ya" }), CancellationToken.None);

            Assert.That(result.Metrics.Keys, Is.SupersetOf(node.DeclaredMetrics));
            Assert.That(result.Metrics.Keys, Is.SupersetOf(new[]
            {
                "words", "chapters", "parts", "scenes", "meanChapterWords", "medianChapterWords", "chapterWordsCv",
                "outlierChapters", "scenesPerChapter",
            }));
            Assert.That(node.Validate(result), Is.EqualTo(ResultValidation.Valid), result.Summary);
            Assert.That(result.Score, Is.InRange(0.0, 1.0));
            Assert.That(result.Findings.Select(f => f.Rule), Is.SubsetOf(StructureRules.All));
        }
    }

    [Test]
    public async Task An_empty_manuscript_scores_0_with_a_problem_and_does_not_throw()
    {
        var node = Node();
        var result = await node.RunAsync(Context(Build([])), CancellationToken.None);

        Assert.That(result.Score, Is.EqualTo(0));
        Assert.That(Rule(result, StructureRules.Empty).Single().Severity, Is.EqualTo(Severity.Problem));
        Assert.That(result.Summary, Is.EqualTo("The manuscript has no words; score 0."));
        Assert.That(node.Validate(result).IsValid, Is.True);
    }

    [Test]
    public void Validate_rejects_series_that_do_not_match_the_chapters()
    {
        var node = Node();
        var result = StructureNode.Analyse(WithOutliers()) with
        {
            Series = new Dictionary<string, IReadOnlyList<double>> { [M.ChapterWordsSeries] = [1, 2], [M.ScenesPerChapterSeries] = [1, 2] },
        };

        Assert.That(node.Validate(result).IsValid, Is.False);
        Assert.That(node.Validate(result).Error, Does.Contain("chapterWords"));
    }

    [Test]
    public async Task The_result_is_deterministic()
    {
        var requirements = new ManuscriptRequirements { TargetLength = 30_000, Genre = "fantasy" };
        var first = await RunAsync(WithOutliers(), requirements);
        var second = await RunAsync(WithOutliers(), requirements);

        Assert.That(second.Findings, Is.EqualTo(first.Findings));
        Assert.That(second.Metrics, Is.EqualTo(first.Metrics));
        Assert.That(second.Summary, Is.EqualTo(first.Summary));
        Assert.That(second.Score, Is.EqualTo(first.Score));
    }

    // ---- input errors ------------------------------------------------------------------------------------

    [Test]
    public void A_subject_that_is_not_a_manuscript_is_invalid_input()
    {
        var node = Node();
        Assert.ThrowsAsync<InvalidNodeInputException>(() => node.RunAsync(Context("just a string"), CancellationToken.None));
    }

    [TestCase("""{ "longChapterFactor": "big" }""", "longChapterFactor")]
    [TestCase("""{ "longChapterFactor": 0.5 }""", "longChapterFactor")]
    [TestCase("""{ "shortChapterFactor": 1.5 }""", "shortChapterFactor")]
    [TestCase("""{ "manyScenesPerChapter": 2.5 }""", "manyScenesPerChapter")]
    [TestCase("""{ "prologueMaxShare": 0 }""", "prologueMaxShare")]
    public void A_bad_option_is_invalid_input_naming_the_option(string options, string name)
    {
        var node = Node(options);
        var error = Assert.ThrowsAsync<InvalidNodeInputException>(() => node.RunAsync(Context(Even(3, 1_000)), CancellationToken.None));
        Assert.That(error!.Message, Does.Contain(name));
    }

    [Test]
    public async Task Requirements_of_another_kind_are_ignored()
    {
        var context = new NodeContext
        {
            SessionId = "test", Iteration = 1, Attempt = 1, Subject = Even(3, 1_000), Requirements = "not requirements",
            Upstream = new Dictionary<string, NodeResult>(),
        };
        var result = await Node().RunAsync(context, CancellationToken.None);

        Assert.That(result.Metrics.ContainsKey(M.TargetLength), Is.False);
        Assert.That(result.Score, Is.EqualTo(1.0));
    }
}
