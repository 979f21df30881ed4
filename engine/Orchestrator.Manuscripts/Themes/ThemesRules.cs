namespace Orchestrator.Manuscripts.Themes;

/// <summary>The stable rule ids of the findings the <c>themes</c> node makes.</summary>
public static class ThemesRules
{
    /// <summary>A requested theme is not in the text at all (no word of its lexicon).</summary>
    public const string RequestedAbsent = "themes.requested.absent";

    /// <summary>A requested theme reaches too few chapters (coverage below <c>requiredCoverage</c>); names its weakest chapters.</summary>
    public const string RequestedWeak = "themes.requested.weak";

    /// <summary>Strength: a requested theme runs through the book (coverage at least <c>requiredCoverage</c>).</summary>
    public const string RequestedCarried = "themes.requested.carried";

    /// <summary>A theme the text carries strongly that was not requested: a strength when no themes were requested, a note otherwise.</summary>
    public const string Detected = "themes.detected.strong";

    /// <summary>A requested theme that has no built-in lexicon.</summary>
    public const string UnknownTheme = "themes.theme.unknown";

    /// <summary>The requested genre's vocabulary fits the text poorly.</summary>
    public const string PoorGenreFit = "themes.genre.poor-fit";

    /// <summary>The genre whose vocabulary fits the text best (a strength when it is the requested one).</summary>
    public const string BestGenreFit = "themes.genre.best-fit";

    /// <summary>Every rule id, for documentation and filters.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        RequestedAbsent, RequestedWeak, RequestedCarried, Detected, UnknownTheme, PoorGenreFit, BestGenreFit,
    ];
}
