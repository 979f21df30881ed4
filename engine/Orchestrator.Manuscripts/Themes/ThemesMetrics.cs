namespace Orchestrator.Manuscripts.Themes;

/// <summary>Names of the metrics, series and label lists of the <c>themes</c> node's result.</summary>
public static class ThemesMetrics
{
    // Always present.
    public const string Words = "words";
    public const string Chapters = "chapters";

    /// <summary>Requested themes with a built-in lexicon, and requested themes without one.</summary>
    public const string RequestedThemes = "requestedThemes";
    public const string UnknownThemes = "unknownThemes";

    /// <summary>Requested themes below <c>requiredCoverage</c> (absent ones included), and those with no hit at all.</summary>
    public const string WeakThemes = "weakThemes";
    public const string AbsentThemes = "absentThemes";

    /// <summary>Themes (requested or not) carried strongly: intensity ≥ <c>strongIntensity</c> and coverage ≥ <c>strongCoverage</c>.</summary>
    public const string StrongThemes = "strongThemes";

    /// <summary>Mean of min(1, coverage / requiredCoverage) over the book's three most intense themes.</summary>
    public const string Focus = "focus";

    /// <summary>Coverage score of the requested themes (or the focus when none is requested), in [0,1].</summary>
    public const string ThemeScore = "themeScore";

    /// <summary>Fit of the best-fitting genre.</summary>
    public const string BestGenreFit = "bestGenreFit";

    // Present when the requirements name a known genre.
    /// <summary>Fit of the requested genre.</summary>
    public const string RequestedGenreFit = "requestedGenreFit";

    /// <summary>min(1, requestedGenreFit / 0.5): the genre part of the score.</summary>
    public const string GenreScore = "genreScore";

    /// <summary>Metric: hits of a theme's lexicon per 1,000 words of the book (<c>theme.&lt;key&gt;.intensity</c>).</summary>
    public static string ThemeIntensity(string key) => $"theme.{key}.intensity";

    /// <summary>Metric: share of chapters (of at least <c>minChapterWords</c>) reaching <c>coverageIntensity</c> (<c>theme.&lt;key&gt;.coverage</c>).</summary>
    public static string ThemeCoverage(string key) => $"theme.{key}.coverage";

    /// <summary>Metric: hits of a genre's lexicon per 1,000 words (<c>genre.&lt;key&gt;.intensity</c>).</summary>
    public static string GenreIntensity(string key) => $"genre.{key}.intensity";

    /// <summary>Metric: a genre's fit, intensity / (intensity + halfFit), in [0,1) (<c>genre.&lt;key&gt;.fit</c>).</summary>
    public static string GenreFit(string key) => $"genre.{key}.fit";

    /// <summary>Metric: hits of a genre's distinctive words (those outside the Dale–Chall familiar list) per 1,000 words
    /// (<c>genre.&lt;key&gt;.distinctive</c>); the "reads most like" verdict weighs them above familiar ones.</summary>
    public static string GenreDistinctiveIntensity(string key) => $"genre.{key}.distinctive";

    /// <summary>Series: a theme's hits per 1,000 words in each chapter (<c>theme.&lt;key&gt;</c>), for the requested themes
    /// and the <c>detectedThemes</c> most intense ones, labelled by <see cref="ChapterLabels"/>.</summary>
    public static string ThemeSeries(string key) => $"theme.{key}";

    /// <summary>Prefix of the per-chapter theme series.</summary>
    public const string ThemeSeriesPrefix = "theme.";

    /// <summary>Series: fit of each genre, labelled by <see cref="GenreLabels"/>.</summary>
    public const string GenreFitSeries = "genreFit";

    /// <summary>Labels: chapter headings (or "Chapter N" for a chapter without one), as the structure node gives them.</summary>
    public const string ChapterLabels = "chapters";

    /// <summary>Labels: genre keys, in the order of the genre table.</summary>
    public const string GenreLabels = "genres";

    /// <summary>The metrics every result carries.</summary>
    public static IReadOnlyCollection<string> Declared { get; } =
    [
        Words, Chapters, RequestedThemes, UnknownThemes, WeakThemes, AbsentThemes, StrongThemes, Focus, ThemeScore, BestGenreFit,
        .. ThemeLexicons.All.SelectMany(l => new[] { ThemeIntensity(l.Key), ThemeCoverage(l.Key) }),
        .. GenreLexicons.All.SelectMany(l => new[] { GenreIntensity(l.Key), GenreFit(l.Key), GenreDistinctiveIntensity(l.Key) }),
    ];
}
