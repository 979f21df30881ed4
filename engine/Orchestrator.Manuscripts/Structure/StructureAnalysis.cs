using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Manuscripts.Genres;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Structure.StructureText;
using static Orchestrator.Manuscripts.Text.NumberFormat;
using M = Orchestrator.Manuscripts.Structure.StructureMetrics;

namespace Orchestrator.Manuscripts.Structure;

/// <summary>
/// One run of the structure analysis over one document. Deterministic: the same document,
/// requirements and options always give the same result, findings in the same order.
/// </summary>
internal sealed class StructureAnalysis
{
    // Penalty scales and caps; StructureNode's documentation explains them.
    internal const double MaxLengthPenalty = 0.30;
    internal const double MaxGenrePenalty = 0.20;
    internal const double FreeChapterCv = 0.30;
    internal const double UnevenPenaltyPerCv = 0.50;
    internal const double MaxUnevenPenalty = 0.15;
    internal const double MaxOutlierPenalty = 0.20;
    internal const double ProloguePenalty = 0.05;
    internal const double NoChaptersPenalty = 0.10;
    internal const double WarningTargetDeviation = 0.25;
    internal const double WarningGenreDeviation = 0.20;
    internal const double PartLowFactor = 0.5;
    internal const double PartHighFactor = 2.0;

    private readonly ManuscriptDocument _doc;
    private readonly ManuscriptRequirements _requirements;
    private readonly StructureOptions _options;
    private readonly Dictionary<string, double> _metrics = new(StringComparer.Ordinal);
    private readonly List<Finding> _findings = [];
    private readonly List<string> _summary = [];
    private readonly int _words;
    private readonly IReadOnlyList<Chapter> _chapters;
    private readonly Chapter[] _body;
    private LengthDistribution _distribution = LengthDistribution.Empty;

    public StructureAnalysis(ManuscriptDocument document, ManuscriptRequirements requirements, StructureOptions options)
    {
        _doc = document;
        _requirements = requirements;
        _options = options;
        _words = document.WordCount;
        _chapters = document.Chapters;
        _body = _chapters.Where(c => c.Kind is not (SectionKind.Prologue or SectionKind.Epilogue)).ToArray();
    }

    private TextLocation Whole => TextLocation.Whole(_doc.Text.Length);

    public NodeResult Run()
    {
        _distribution = LengthDistribution.Of(_body.Select(c => c.WordCount).ToArray());
        var scenes = _doc.Scenes.Length;
        var scenesPerChapter = _chapters.Count > 0 ? _chapters.Sum(c => c.SceneCount) / (double)_chapters.Count : 0;

        _metrics[M.Words] = _words;
        _metrics[M.Chapters] = _chapters.Count;
        _metrics[M.BodyChapters] = _body.Length;
        _metrics[M.Parts] = _doc.Parts.Count;
        _metrics[M.Scenes] = scenes;
        _metrics[M.MeanChapterWords] = _distribution.Mean;
        _metrics[M.MedianChapterWords] = _distribution.Median;
        _metrics[M.ChapterWordsCv] = _distribution.Cv;
        _metrics[M.MinChapterWords] = _distribution.Min;
        _metrics[M.MaxChapterWords] = _distribution.Max;
        _metrics[M.ScenesPerChapter] = scenesPerChapter;

        if (_words == 0)
        {
            _findings.Add(new Finding(StructureRules.Empty, Severity.Problem,
                "The manuscript has no words to analyse.",
                "Check that the right file was loaded and that its text is not all in headings or front matter.",
                Whole));
        }

        var penaltyLength = CheckTarget();
        var penaltyGenre = CheckGenre();
        var penaltyNoChapters = CheckNoChapters();
        var penaltyUneven = CheckUnevenness();
        var penaltyOutliers = CheckChapters();
        var penaltyPrologue = CheckPrologue();
        CheckScenes(scenesPerChapter);
        var partSeries = CheckParts();

        _metrics[M.PenaltyLength] = penaltyLength;
        _metrics[M.PenaltyGenre] = penaltyGenre;
        _metrics[M.PenaltyUneven] = penaltyUneven;
        _metrics[M.PenaltyOutliers] = penaltyOutliers;
        _metrics[M.PenaltyPrologue] = penaltyPrologue;
        _metrics[M.PenaltyNoChapters] = penaltyNoChapters;

        var score = _words == 0
            ? 0
            : Math.Clamp(1 - (penaltyLength + penaltyGenre + penaltyUneven + penaltyOutliers + penaltyPrologue + penaltyNoChapters), 0, 1);

        var series = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal)
        {
            [M.ChapterWordsSeries] = _chapters.Select(c => (double)c.WordCount).ToArray(),
            [M.ScenesPerChapterSeries] = _chapters.Select(c => (double)c.SceneCount).ToArray(),
        };
        var labels = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [M.ChapterLabels] = _chapters.Select(c => c.Label).ToArray(),
        };
        if (partSeries is var (partWords, partChapters, partLabels))
        {
            series[M.PartWordsSeries] = partWords;
            series[M.PartChaptersSeries] = partChapters;
            labels[M.PartLabels] = partLabels;
        }

        return new NodeResult
        {
            Score = score,
            Summary = Summarise(score),
            Metrics = _metrics,
            Findings = _findings,
            Series = series,
            Labels = labels,
        };
    }

    private double CheckTarget()
    {
        if (_requirements.TargetLength is not > 0 || _words == 0) return 0;
        var target = _requirements.TargetLength.Value;
        var ratio = _words / (double)target;
        _metrics[M.TargetLength] = target;
        _metrics[M.TargetRatio] = ratio;

        var deviation = Math.Abs(ratio - 1);
        if (deviation <= _options.TargetTolerance)
        {
            _summary.Add($"within {Percent(_options.TargetTolerance)} of the {N0(target)}-word target");
            return 0;
        }

        var severity = deviation > WarningTargetDeviation ? Severity.Warning : Severity.Suggestion;
        var difference = Math.Abs(_words - target);
        if (ratio < 1)
        {
            _summary.Add($"{Percent(deviation)} under the {N0(target)}-word target");
            _findings.Add(new Finding(StructureRules.UnderTarget, severity,
                $"The manuscript has {N0(_words)} words, {Percent(deviation)} under the {N0(target)}-word target ({N0(difference)} words short).",
                "Look for scenes that are summarised where they could be dramatised, subplots or characters left thin, " +
                "and transitions that jump; or revisit the target if the story is complete at this length.",
                Whole));
        }
        else
        {
            _summary.Add($"{Percent(deviation)} over the {N0(target)}-word target");
            _findings.Add(new Finding(StructureRules.OverTarget, severity,
                $"The manuscript has {N0(_words)} words, {Percent(deviation)} over the {N0(target)}-word target ({N0(difference)} words over).",
                "Cut scenes that repeat a beat the reader already has, trim the openings and endings of chapters, " +
                "and tighten description and backstory; or revisit the target.",
                Whole));
        }
        return Math.Min(MaxLengthPenalty, deviation - _options.TargetTolerance);
    }

    private double CheckGenre()
    {
        if (string.IsNullOrWhiteSpace(_requirements.Genre) || _words == 0) return 0;
        if (!GenreNorms.TryGet(_requirements.Genre, out var norm))
        {
            _findings.Add(new Finding(StructureRules.UnknownGenre, Severity.Info,
                $"The genre \"{_requirements.Genre.Trim()}\" has no word-count norm, so the length was not compared with one.",
                $"Use one of: {string.Join(", ", GenreNorms.Known)}.",
                Whole));
            return 0;
        }

        _metrics[M.GenreMinWords] = norm.MinWords;
        _metrics[M.GenreMaxWords] = norm.MaxWords;
        _metrics[M.GenreTypicalWords] = norm.TypicalWords;
        _metrics[M.GenreRatio] = _words / (double)norm.TypicalWords;

        var range = $"{N0(norm.MinWords)}–{N0(norm.MaxWords)} words, typically about {N0(norm.TypicalWords)}";
        if (norm.Contains(_words))
        {
            _summary.Add($"within the usual {norm.Name} range");
            return 0;
        }

        double deviation;
        if (_words < norm.MinWords)
        {
            deviation = (norm.MinWords - _words) / (double)norm.MinWords;
            _summary.Add($"short for {norm.Name}");
            _findings.Add(new Finding(StructureRules.UnderGenre,
                deviation > WarningGenreDeviation ? Severity.Warning : Severity.Suggestion,
                $"At {N0(_words)} words the manuscript is under the usual length for {norm.Name} ({range}); " +
                $"it is {N0(norm.MinWords - _words)} words short of the low end.",
                $"Agents' published guidance for debut {norm.Name} manuscripts starts at about {N0(norm.MinWords)} words " +
                $"({norm.Source}); a book this short may be read as a novella or as underdeveloped.",
                Whole));
        }
        else
        {
            deviation = (_words - norm.MaxWords) / (double)norm.MaxWords;
            _summary.Add($"long for {norm.Name}");
            _findings.Add(new Finding(StructureRules.OverGenre,
                deviation > WarningGenreDeviation ? Severity.Warning : Severity.Suggestion,
                $"At {N0(_words)} words the manuscript is over the usual length for {norm.Name} ({range}); " +
                $"it is {N0(_words - norm.MaxWords)} words past the high end.",
                $"Agents' published guidance for debut {norm.Name} manuscripts tops out around {N0(norm.MaxWords)} words " +
                $"({norm.Source}); a long debut is a harder sell, so look for what can be cut or split.",
                Whole));
        }
        return Math.Min(MaxGenrePenalty, deviation);
    }

    private double CheckNoChapters()
    {
        var headingless = _chapters.Count == 0 || (_chapters.Count == 1 && _chapters[0].Kind == SectionKind.Untitled);
        if (!headingless || _words < _options.NoChaptersMinWords || _words == 0) return 0;
        _findings.Add(new Finding(StructureRules.NoChapters, Severity.Warning,
            $"No chapter headings were found: the whole text ({N0(_words)} words) reads as one section.",
            "Divide the book into chapters with headings on their own line (\"Chapter 1\", \"CHAPTER I.\", or a Markdown " +
            "heading); chapters give readers resting points and let the analysis locate its findings.",
            Whole));
        return NoChaptersPenalty;
    }

    private double CheckUnevenness()
    {
        if (_body.Length < _options.MinChaptersForOutliers || _distribution.Mean <= 0) return 0;
        var cv = _distribution.Cv;
        if (cv > _options.UnevenChapterCv)
        {
            _findings.Add(new Finding(StructureRules.UnevenChapters, Severity.Suggestion,
                $"Chapter lengths vary widely: coefficient of variation {F2(cv)} (standard deviation {N0(_distribution.StdDev)} words " +
                $"around a mean of {N0(_distribution.Mean)}); chapters run from {N0(_distribution.Min)} to {N0(_distribution.Max)} words.",
                "Uneven chapters are fine when the variation is deliberate (short chapters to speed a climax); otherwise, " +
                "split the longest and merge or develop the shortest so the reading rhythm is steady.",
                Whole));
        }
        return Math.Min(MaxUnevenPenalty, Math.Max(0, cv - FreeChapterCv) * UnevenPenaltyPerCv);
    }

    /// <summary>Empty, long and short chapters. Returns the outlier penalty.</summary>
    private double CheckChapters()
    {
        foreach (var chapter in _chapters.Where(c => c.WordCount == 0))
        {
            _findings.Add(new Finding(StructureRules.EmptyChapter, Severity.Warning,
                $"{ChapterNames.Describe(chapter)} has a heading but no text.",
                "Write the chapter, remove the heading, or check that its text was not merged into the previous chapter.",
                Locate(_doc, chapter), chapter.Label));
        }

        var median = _distribution.Median;
        int longCount = 0, shortCount = 0;
        if (_body.Length >= _options.MinChaptersForOutliers && median > 0)
        {
            foreach (var chapter in _body)
            {
                var ratio = chapter.WordCount / median;
                if (ratio > _options.LongChapterFactor)
                {
                    longCount++;
                    _findings.Add(new Finding(StructureRules.LongChapter, Severity.Warning,
                        $"{ChapterNames.Describe(chapter)} has {N0(chapter.WordCount)} words, {Times(ratio)} the median chapter ({N0(median)}).",
                        "Consider splitting it at a scene break or a change of viewpoint, or trimming it; a chapter this much " +
                        "longer than the rest breaks the book's rhythm.",
                        Locate(_doc, chapter), chapter.Label));
                }
                else if (ratio < _options.ShortChapterFactor)
                {
                    shortCount++;
                    if (chapter.WordCount == 0) continue; // already reported as empty
                    _findings.Add(new Finding(StructureRules.ShortChapter, Severity.Suggestion,
                        $"{ChapterNames.Describe(chapter)} has only {N0(chapter.WordCount)} words, {Times(ratio)} the median chapter ({N0(median)}).",
                        "If the brevity is not deliberate (a punch, a pause), merge it with a neighbouring chapter or develop it.",
                        Locate(_doc, chapter), chapter.Label));
                }
            }
        }

        var outliers = longCount + shortCount;
        _metrics[M.LongChapters] = longCount;
        _metrics[M.ShortChapters] = shortCount;
        _metrics[M.OutlierChapters] = outliers;
        if (outliers > 0) _summary.Add(outliers == 1 ? "1 outlier chapter" : $"{outliers} outlier chapters");
        return _body.Length == 0 ? 0 : Math.Min(MaxOutlierPenalty, outliers / (double)_body.Length);
    }

    private double CheckPrologue()
    {
        var prologue = _chapters.FirstOrDefault(c => c.Kind == SectionKind.Prologue);
        _metrics[M.PrologueWords] = prologue?.WordCount ?? 0;
        if (prologue is null || _words == 0) return 0;

        var median = _distribution.Median;
        var share = prologue.WordCount / (double)_words;
        var overMedian = _body.Length > 0 && median > 0 && prologue.WordCount > _options.PrologueMedianFactor * median;
        var overShare = share > _options.PrologueMaxShare;
        if (!overMedian && !overShare) return 0;

        var comparison = median > 0
            ? $"{Times(prologue.WordCount / median)} the median chapter ({N0(median)}) and {Percent(share)} of the book"
            : $"{Percent(share)} of the book";
        _findings.Add(new Finding(StructureRules.LongPrologue, Severity.Warning,
            $"{ChapterNames.Describe(prologue)} has {N0(prologue.WordCount)} words, {comparison}.",
            "A prologue works best as a brief hook; move most of it into the first chapters (or later, as backstory) " +
            "or cut it down so the story proper starts sooner.",
            Locate(_doc, prologue), prologue.Label));
        _summary.Add("a long prologue");
        return ProloguePenalty;
    }

    private void CheckScenes(double scenesPerChapter)
    {
        var many = 0;
        foreach (var chapter in _chapters.Where(c => c.SceneCount > _options.ManyScenesPerChapter))
        {
            many++;
            _findings.Add(new Finding(StructureRules.ManyScenes, Severity.Info,
                $"{ChapterNames.Describe(chapter)} is split into {chapter.SceneCount} scenes (the book averages {F1(scenesPerChapter)} per chapter).",
                "Many scene breaks in one chapter can fragment it; check whether some scenes belong in a chapter of their own " +
                "or can be joined.",
                Locate(_doc, chapter), chapter.Label));
        }
        _metrics[M.ChaptersWithManyScenes] = many;
    }

    /// <summary>Part figures and unbalanced parts; the part series, or null when there are no parts.</summary>
    private (double[] Words, double[] Chapters, string[] Labels)? CheckParts()
    {
        var parts = _doc.Parts;
        if (parts.Count == 0) return null;

        var words = new double[parts.Count];
        var chapters = new double[parts.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var first = Math.Clamp(part.FirstChapter, 0, _chapters.Count);
            var count = Math.Clamp(part.ChapterCount, 0, _chapters.Count - first);
            chapters[i] = count;
            for (var c = first; c < first + count; c++) words[i] += _chapters[c].WordCount;
        }
        var distribution = LengthDistribution.Of(words.Select(w => (int)w).ToArray());
        _metrics[M.MeanChaptersPerPart] = chapters.Average();
        _metrics[M.MeanWordsPerPart] = distribution.Mean;
        _metrics[M.PartWordsCv] = distribution.Cv;
        _summary.Add(parts.Count == 1 ? "1 part" : $"{parts.Count} parts");

        if (parts.Count >= 2 && distribution.Mean > 0)
        {
            for (var i = 0; i < parts.Count; i++)
            {
                var ratio = words[i] / distribution.Mean;
                if (ratio >= PartLowFactor && ratio <= PartHighFactor) continue;
                var part = parts[i];
                _findings.Add(new Finding(StructureRules.UnbalancedPart, Severity.Suggestion,
                    $"Part {i + 1} \"{part.Heading.Trim()}\" has {N0(words[i])} words in {N0(chapters[i])} chapter{(chapters[i] == 1 ? "" : "s")}, " +
                    $"{Times(ratio)} the average part ({N0(distribution.Mean)} words).",
                    ratio < 1
                        ? "A part much shorter than the others may not carry its weight; consider merging it with a neighbour or developing it."
                        : "A part much longer than the others may hold two movements of the story; consider splitting it.",
                    Locate(_doc, part), part.Heading.Trim()));
            }
        }
        return (words, chapters, parts.Select(p => p.Heading.Trim()).ToArray());
    }

    private string Summarise(double score)
    {
        if (_words == 0) return "The manuscript has no words; score 0.";
        var chapters = _chapters.Count == 1 ? "1 chapter" : $"{_chapters.Count} chapters";
        var head = _body.Length > 0
            ? $"{N0(_words)} words in {chapters} (median {N0(_distribution.Median)} words, CV {F2(_distribution.Cv)})"
            : $"{N0(_words)} words in {chapters}";
        var tail = _summary.Count > 0 ? "; " + string.Join("; ", _summary) : "";
        return $"{head}{tail}. Score {F2(score)}.";
    }
}
