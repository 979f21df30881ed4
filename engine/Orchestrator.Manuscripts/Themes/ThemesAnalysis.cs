using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Structure.StructureText;
using static Orchestrator.Manuscripts.Text.NumberFormat;
using M = Orchestrator.Manuscripts.Themes.ThemesMetrics;

namespace Orchestrator.Manuscripts.Themes;

/// <summary>
/// One run of the themes analysis over one document: one pass counts every theme and genre lexicon
/// (<see cref="LexiconCounter"/>), then the requested themes, the strongest themes and the genre fit are
/// judged from the counts. Deterministic: ties are broken by lexicon order, findings come in a fixed order.
/// </summary>
internal sealed class ThemesAnalysis
{
    // Score weights and fixed points; ThemesNode's documentation explains them.
    internal const double ThemeWeight = 0.75;
    internal const double GenreWeight = 0.25;
    internal const double GoodFit = 0.5;
    internal const int FocusThemes = 3;
    internal const double LexiconConfidence = 0.7;

    /// <summary>Every theme lexicon, then every genre lexicon, in one index: one lookup per word answers for all.</summary>
    private static readonly LexiconIndex Index = new([.. ThemeLexicons.All, .. GenreLexicons.All, .. GenreLexicons.Distinctive]);

    /// <summary>In the verdict, a familiar genre word (one of the Dale–Chall list: love, heart, ship) counts this much of a
    /// distinctive one (vampire, laboratory, harpoon): every novel has love and family words, few have vampires.</summary>
    internal const double FamiliarWordWeight = 0.25;

    /// <summary>How much the verdict asks of a genre's spread: a shelf's furniture runs through the book (Alice's trial
    /// fills two chapters with courtroom words; that does not make it a mystery). The score is scaled by
    /// 1 - w + w * coverage.</summary>
    internal const double CoverageWeight = 0.5;

    /// <summary>A runner-up whose verdict score is at least this share of the best's is named as a close second.</summary>
    internal const double CloseSecondShare = 0.85;

    private readonly ManuscriptDocument _doc;
    private readonly ManuscriptRequirements _requirements;
    private readonly ThemesOptions _options;
    private readonly Dictionary<string, double> _metrics = new(StringComparer.Ordinal);
    private readonly List<Finding> _findings = [];
    private readonly List<string> _summary = [];
    private readonly IReadOnlyList<Chapter> _chapters;
    private LexiconFigures[] _themes = [];
    private LexiconFigures[] _genres = [];
    private LexiconFigures[] _distinctive = [];

    public ThemesAnalysis(ManuscriptDocument document, ManuscriptRequirements requirements, ThemesOptions options)
    {
        _doc = document;
        _requirements = requirements;
        _options = options;
        _chapters = document.Chapters;
    }

    private TextLocation Whole => TextLocation.Whole(_doc.Text.Length);

    public NodeResult Run()
    {
        var figures = LexiconCounter.Count(_doc, Index, _options.MinChapterWords, _options.CoverageIntensity);
        var themeCount = ThemeLexicons.All.Count;
        _themes = figures[..themeCount];
        var genreCount = GenreLexicons.All.Count;
        _genres = figures[themeCount..(themeCount + genreCount)].Select((f, i) => f with { Position = i }).ToArray();
        _distinctive = figures[(themeCount + genreCount)..];

        var words = _chapters.Sum(c => c.WordCount);
        _metrics[M.Words] = words;
        _metrics[M.Chapters] = _chapters.Count;
        foreach (var theme in _themes)
        {
            _metrics[M.ThemeIntensity(theme.Lexicon.Key)] = theme.Intensity;
            _metrics[M.ThemeCoverage(theme.Lexicon.Key)] = theme.Coverage;
        }

        var ranked = _themes.OrderByDescending(t => t.Intensity).ThenBy(t => t.Position).ToArray();
        var requested = ResolveRequested();
        CheckRequested(requested);
        var detected = ReportDetected(ranked, requested);

        var focus = ranked.Take(FocusThemes).Select(CoverageScore).DefaultIfEmpty(0).Average();
        var themeScore = requested.Count > 0 ? requested.Select(CoverageScore).Average() : focus;
        _metrics[M.StrongThemes] = _themes.Count(IsStrong);
        _metrics[M.Focus] = focus;
        _metrics[M.ThemeScore] = themeScore;

        var genreScore = CheckGenres();
        var score = words == 0
            ? 0
            : genreScore is { } g ? ThemeWeight * themeScore + GenreWeight * g : themeScore;

        return new NodeResult
        {
            Score = Math.Clamp(score, 0, 1),
            Summary = Summarise(ranked, Math.Clamp(score, 0, 1), words),
            Metrics = _metrics,
            Findings = _findings,
            Series = BuildSeries(requested, detected),
            Labels = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                [M.ChapterLabels] = _chapters.Select(c => c.Label).ToArray(),
                [M.GenreLabels] = _genres.Select(g => g.Lexicon.Key).ToArray(),
            },
        };
    }

    private double CoverageScore(LexiconFigures theme) => Math.Min(1, theme.Coverage / _options.RequiredCoverage);

    private bool IsStrong(LexiconFigures theme) =>
        theme.Intensity >= _options.StrongIntensity && theme.Coverage >= _options.StrongCoverage;

    /// <summary>The requested themes with a lexicon (once each, in request order); an Info finding per unknown one.</summary>
    private List<LexiconFigures> ResolveRequested()
    {
        var known = new List<LexiconFigures>();
        var unknown = 0;
        foreach (var name in _requirements.Themes)
        {
            if (string.IsNullOrWhiteSpace(name)) continue;
            if (ThemeLexicons.TryGet(name, out var lexicon))
            {
                var figures = _themes.First(t => t.Lexicon.Key == lexicon.Key);
                if (!known.Contains(figures)) known.Add(figures);
                continue;
            }
            unknown++;
            _findings.Add(new Finding(ThemesRules.UnknownTheme, Severity.Info,
                $"The requested theme \"{name.Trim()}\" has no built-in lexicon, so it was not measured.",
                $"Use one of: {string.Join(", ", ThemeLexicons.Known)}.",
                Whole));
        }
        _metrics[M.RequestedThemes] = known.Count;
        _metrics[M.UnknownThemes] = unknown;
        return known;
    }

    private void CheckRequested(List<LexiconFigures> requested)
    {
        int weak = 0, absent = 0;
        foreach (var theme in requested)
        {
            var name = theme.Lexicon.Name;
            if (theme.Hits == 0)
            {
                weak++;
                absent++;
                _findings.Add(new Finding(ThemesRules.RequestedAbsent, Severity.Warning,
                    $"The requested theme \"{name}\" does not appear: no word of its lexicon ({theme.Lexicon.Examples()}…) occurs in the text.",
                    $"If {name} matters to the book, put it on the page, in what the characters do, risk and argue about; " +
                    "or take it off the requested themes.",
                    Whole, null, LexiconConfidence));
                _summary.Add($"requested {name} absent");
                continue;
            }

            var coverage = $"reaching {F1(_options.CoverageIntensity)} per 1,000 in {Percent(theme.Coverage)} of chapters " +
                           $"({theme.CoveredChapters} of {theme.EligibleChapters})";
            if (theme.Coverage >= _options.RequiredCoverage)
            {
                var peak = PeakText(theme);
                _findings.Add(new Finding(ThemesRules.RequestedCarried, Severity.Info,
                    $"The requested theme \"{name}\" runs through the book: {F1(theme.Intensity)} hits per 1,000 words, {coverage}{peak}.",
                    "Keep the thread visible through revision.",
                    SentenceLocation(theme), SentenceEvidence(theme), LexiconConfidence, IsStrength: true));
                continue;
            }

            weak++;
            var weakest = WeakestChapters(theme);
            var weakestText = weakest.Count > 0
                ? "; weakest in " + ReaderList.Join(weakest.Select(c => $"{ChapterNames.Describe(_chapters[c])} ({F1(theme.ChapterIntensity[c])})").ToArray())
                : "";
            var severity = theme.Coverage < _options.RequiredCoverage / 2 ? Severity.Warning : Severity.Suggestion;
            _findings.Add(new Finding(ThemesRules.RequestedWeak, severity,
                $"The requested theme \"{name}\" is weak: {F1(theme.Intensity)} hits per 1,000 words, {coverage}, " +
                $"where {Percent(_options.RequiredCoverage)} is wanted{weakestText}.",
                $"Thread {name} through more of the book: let it shape a choice, a conflict or an image in the chapters where it " +
                "is missing, starting with the weakest.",
                weakest.Count > 0 ? Locate(_doc, _chapters[weakest[0]]) : Whole,
                weakest.Count > 0 ? _chapters[weakest[0]].Label : null,
                LexiconConfidence));
            _summary.Add($"requested {name} weak ({Percent(theme.Coverage)} of chapters)");
        }
        _metrics[M.WeakThemes] = weak;
        _metrics[M.AbsentThemes] = absent;
    }

    /// <summary>A finding for each theme carried strongly that was not requested; returns the most intense themes (for the series).</summary>
    private LexiconFigures[] ReportDetected(LexiconFigures[] ranked, List<LexiconFigures> requested)
    {
        var top = ranked.Take(_options.DetectedThemes).Where(t => t.Hits > 0).ToArray();
        var anyRequested = requested.Count > 0;
        var strongNames = new List<string>();
        foreach (var theme in ranked.Where(t => IsStrong(t) && !requested.Contains(t)))
        {
            var name = theme.Lexicon.Name;
            strongNames.Add(name);
            var figures = $"{F1(theme.Intensity)} hits per 1,000 words, reaching {F1(_options.CoverageIntensity)} per 1,000 in " +
                          $"{Percent(theme.Coverage)} of chapters ({theme.CoveredChapters} of {theme.EligibleChapters}){PeakText(theme)}";
            _findings.Add(anyRequested
                ? new Finding(ThemesRules.Detected, Severity.Info,
                    $"The text carries {name} strongly, though it is not among the requested themes: {figures}.",
                    $"If {name} is part of what the book is about, add it to the requested themes; if not, check that it does not " +
                    "pull focus from the themes you mean.",
                    SentenceLocation(theme), SentenceEvidence(theme), LexiconConfidence)
                : new Finding(ThemesRules.Detected, Severity.Info,
                    $"The text carries {name} strongly: {figures}.",
                    "A clear thematic thread; keep it in view through revision.",
                    SentenceLocation(theme), SentenceEvidence(theme), LexiconConfidence, IsStrength: true));
        }
        if (strongNames.Count > 0) _summary.Insert(0, $"carries {ReaderList.Join(strongNames)} strongly");
        return top;
    }

    /// <summary>Genre fit metrics, the best-fitting genre, the requested genre's fit. Returns the genre score, or null without a known genre.</summary>
    private double? CheckGenres()
    {
        foreach (var genre in _genres)
        {
            _metrics[M.GenreIntensity(genre.Lexicon.Key)] = genre.Intensity;
            _metrics[M.GenreFit(genre.Lexicon.Key)] = Fit(genre);
        }
        foreach (var genre in _genres)
            _metrics[M.GenreDistinctiveIntensity(genre.Lexicon.Key)] = _distinctive[genre.Position].Intensity;
        var ranked = _genres.OrderByDescending(Verdict).ThenBy(g => g.Position).ToArray();
        var best = ranked.Length > 0 && ranked[0].Hits > 0 ? ranked[0] : null;
        _metrics[M.BestGenreFit] = best is null ? 0 : Fit(best);

        LexiconFigures? requested = null;
        if (GenreLexicons.TryGet(_requirements.Genre, out var lexicon))
            requested = _genres.First(g => g.Lexicon.Key == lexicon.Key);

        if (best is not null)
        {
            var second = ranked.Length > 1 && ranked[1].Hits > 0 ? ranked[1] : null;
            var close = second is not null && Verdict(second) >= CloseSecondShare * Verdict(best);
            var runnersUp = ranked.Skip(1).Take(2).Where(g => g.Hits > 0).Select(g => $"{g.Lexicon.Name} ({F2(Verdict(g))})").ToArray();
            var isRequested = requested is not null && requested.Lexicon.Key == best.Lexicon.Key;
            var distinctive = _distinctive[best.Position];
            _findings.Add(new Finding(ThemesRules.BestGenreFit, Severity.Info,
                $"The vocabulary fits {best.Lexicon.Name} best: score {F2(Verdict(best))} ({F1(distinctive.Intensity)} distinctive " +
                $"{best.Lexicon.Name} words per 1,000, e.g. {distinctive.Lexicon.Examples()}; {F1(best.Intensity - distinctive.Intensity)} familiar ones)" +
                (close ? $", with {second!.Lexicon.Name} a close second ({F2(Verdict(second))})" : runnersUp.Length > 0 ? $", then {ReaderList.Join(runnersUp)}" : "") +
                (isRequested ? ", the requested genre." : "."),
                isRequested
                    ? "The book's surface matches its genre; keep it."
                    : "Genre fit reads the furniture of the text (people, objects, places, acts), distinctive words first; compare it with how you pitch the book.",
                SentenceLocation(best), SentenceEvidence(best), LexiconConfidence, IsStrength: isRequested));
            _summary.Add(close
                ? $"reads most like {best.Lexicon.Name} or {second!.Lexicon.Name} ({F2(Verdict(best))}, {F2(Verdict(second))})"
                : $"reads most like {best.Lexicon.Name} ({F2(Verdict(best))})");
        }

        if (requested is null) return null;
        var fit = Fit(requested);
        _metrics[M.RequestedGenreFit] = fit;
        var genreScore = Math.Min(1, fit / GoodFit);
        _metrics[M.GenreScore] = genreScore;

        var bestFit = best is null ? 0 : Fit(best);
        var poor = fit < _options.PoorFit || (best is not null && best.Lexicon.Key != requested.Lexicon.Key && fit < _options.RelativePoorFit * bestFit);
        if (poor)
        {
            var name = requested.Lexicon.Name;
            var comparison = best is not null && best.Lexicon.Key != requested.Lexicon.Key
                ? $", while {best.Lexicon.Name} fits best at {F2(bestFit)} ({F1(best.Intensity)} per 1,000)"
                : "";
            _findings.Add(new Finding(ThemesRules.PoorGenreFit, fit < _options.PoorFit / 2 ? Severity.Warning : Severity.Suggestion,
                $"The text's vocabulary fits {name} poorly: fit {F2(fit)} ({F1(requested.Intensity)} {name} words per 1,000, " +
                $"e.g. {requested.Lexicon.Examples()}){comparison}.",
                $"Readers of {name} expect its people, places and acts on the page; if the book is meant as {name}, bring them " +
                (best is not null && best.Lexicon.Key != requested.Lexicon.Key ? $"forward, or consider pitching it as {best.Lexicon.Name}." : "forward."),
                Whole, best is not null ? SentenceEvidence(best) : null, LexiconConfidence));
            _summary.Add($"poor fit for {name} ({F2(fit)})");
        }
        return genreScore;
    }

    private double Fit(LexiconFigures genre) => genre.Intensity / (genre.Intensity + _options.HalfFit);

    /// <summary>The "reads most like" score: the fit of the genre's words with familiar words weighed down
    /// (<see cref="FamiliarWordWeight"/>), so that distinctive vocabulary decides between genres.</summary>
    private double Verdict(LexiconFigures genre)
    {
        var distinctive = _distinctive[genre.Position].Intensity;
        var weighted = distinctive + FamiliarWordWeight * Math.Max(0, genre.Intensity - distinctive);
        var fit = weighted / (weighted + _options.HalfFit * FamiliarWordWeight);
        return fit * (1 - CoverageWeight + CoverageWeight * genre.Coverage);
    }

    private Dictionary<string, IReadOnlyList<double>> BuildSeries(List<LexiconFigures> requested, LexiconFigures[] detected)
    {
        var series = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        foreach (var theme in requested.Concat(detected))
            series.TryAdd(M.ThemeSeries(theme.Lexicon.Key), theme.ChapterIntensity);
        series[M.GenreFitSeries] = _genres.Select(Fit).ToArray();
        return series;
    }

    /// <summary>The eligible chapters where a theme is weakest, weakest first (the earlier on a tie).</summary>
    private List<int> WeakestChapters(LexiconFigures theme) =>
        Enumerable.Range(0, _chapters.Count)
            .Where(c => LexiconCounter.IsEligible(_chapters[c], _options.MinChapterWords))
            .OrderBy(c => theme.ChapterIntensity[c]).ThenBy(c => c)
            .Take(_options.WeakestChapters)
            .ToList();

    private string PeakText(LexiconFigures theme) =>
        theme.PeakChapter >= 0
            ? $"; strongest in {ChapterNames.Describe(_chapters[theme.PeakChapter])} ({F1(theme.ChapterIntensity[theme.PeakChapter])} per 1,000)"
            : "";

    private TextLocation SentenceLocation(LexiconFigures figures) =>
        figures.BestSentence >= 0 ? _doc.Locator.Locate(_doc.Sentences[figures.BestSentence].Span) : Whole;

    private string? SentenceEvidence(LexiconFigures figures) =>
        figures.BestSentence >= 0 ? Excerpt.Of(_doc, _doc.Sentences[figures.BestSentence].Span) : null;

    private string Summarise(LexiconFigures[] ranked, double score, int words)
    {
        if (words == 0) return "The manuscript has no words; score 0.";
        var top = ranked.Take(FocusThemes).Where(t => t.Hits > 0)
            .Select(t => $"{t.Lexicon.Name} ({F1(t.Intensity)} per 1,000 words, {Percent(t.Coverage)} of chapters)").ToArray();
        var head = top.Length > 0 ? $"Strongest themes: {string.Join(", ", top)}" : "No theme of the built-in lexicons is present";
        var tail = _summary.Count > 0 ? "; " + string.Join("; ", _summary) : "";
        return $"{head}{tail}. Score {F2(score)}.";
    }
}
