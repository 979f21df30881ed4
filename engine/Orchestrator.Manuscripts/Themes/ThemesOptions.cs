using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Manuscripts.Themes;

/// <summary>
/// The options of the <c>themes</c> node, read from the node's <c>options</c> object. Every option is
/// optional; see <see cref="ThemesNode"/> for what each one does.
/// </summary>
public sealed record ThemesOptions
{
    public static readonly ThemesOptions Default = new();

    /// <summary><c>coverageIntensity</c>: hits per 1,000 words at which a chapter carries a theme (default 1.5).</summary>
    public double CoverageIntensity { get; init; } = 1.5;

    /// <summary><c>requiredCoverage</c>: share of chapters a requested theme should reach for full marks (default 0.5).</summary>
    public double RequiredCoverage { get; init; } = 0.5;

    /// <summary><c>strongIntensity</c>: hits per 1,000 words over the book for a theme to be carried strongly (default 2.0).</summary>
    public double StrongIntensity { get; init; } = 2.0;

    /// <summary><c>strongCoverage</c>: share of chapters for a theme to be carried strongly (default 0.25: a theme that drives
    /// one act of the book, as revenge drives the second half of Frankenstein, counts).</summary>
    public double StrongCoverage { get; init; } = 0.25;

    /// <summary><c>minChapterWords</c>: chapters shorter than this stay out of coverage and weakest-chapter lists (default 200).</summary>
    public int MinChapterWords { get; init; } = 200;

    /// <summary><c>detectedThemes</c>: how many of the most intense themes get a per-chapter series besides the requested ones (default 5).</summary>
    public int DetectedThemes { get; init; } = 5;

    /// <summary><c>weakestChapters</c>: how many of a weak theme's weakest chapters its finding names (default 3).</summary>
    public int WeakestChapters { get; init; } = 3;

    /// <summary><c>halfFit</c>: genre-lexicon hits per 1,000 words at which a genre's fit is 0.5 (default 4.0).</summary>
    public double HalfFit { get; init; } = 4.0;

    /// <summary><c>poorFit</c>: a requested genre fitting below this is a poor fit (default 0.35).</summary>
    public double PoorFit { get; init; } = 0.35;

    /// <summary><c>relativePoorFit</c>: a requested genre fitting below this fraction of the best genre's fit is a poor fit (default 0.5).</summary>
    public double RelativePoorFit { get; init; } = 0.5;

    /// <summary>
    /// Reads the options, checking kinds and ranges. A wrong value is an input the node cannot run with,
    /// so it is reported as <see cref="InvalidNodeInputException"/> (never retried).
    /// </summary>
    public static ThemesOptions From(NodeOptions options)
    {
        return NodeOptionsReader.Read(options, Default, () =>
        {
            var result = new ThemesOptions
            {
                CoverageIntensity = options.GetDouble("coverageIntensity", Default.CoverageIntensity),
                RequiredCoverage = options.GetDouble("requiredCoverage", Default.RequiredCoverage),
                StrongIntensity = options.GetDouble("strongIntensity", Default.StrongIntensity),
                StrongCoverage = options.GetDouble("strongCoverage", Default.StrongCoverage),
                MinChapterWords = options.GetInt("minChapterWords", Default.MinChapterWords),
                DetectedThemes = options.GetInt("detectedThemes", Default.DetectedThemes),
                WeakestChapters = options.GetInt("weakestChapters", Default.WeakestChapters),
                HalfFit = options.GetDouble("halfFit", Default.HalfFit),
                PoorFit = options.GetDouble("poorFit", Default.PoorFit),
                RelativePoorFit = options.GetDouble("relativePoorFit", Default.RelativePoorFit),
            };
            result.Check();
            return result;
        });
    }

    private void Check()
    {
        NodeOptionsReader.Require(CoverageIntensity > 0, "coverageIntensity", "greater than 0", CoverageIntensity);
        NodeOptionsReader.Require(RequiredCoverage > 0 && RequiredCoverage <= 1, "requiredCoverage", "in (0, 1]", RequiredCoverage);
        NodeOptionsReader.Require(StrongIntensity > 0, "strongIntensity", "greater than 0", StrongIntensity);
        NodeOptionsReader.Require(StrongCoverage >= 0 && StrongCoverage <= 1, "strongCoverage", "in [0, 1]", StrongCoverage);
        NodeOptionsReader.Require(MinChapterWords >= 0, "minChapterWords", "0 or more", MinChapterWords);
        NodeOptionsReader.Require(DetectedThemes >= 0 && DetectedThemes <= ThemeLexicons.All.Count, "detectedThemes",
            $"between 0 and {ThemeLexicons.All.Count}", DetectedThemes);
        NodeOptionsReader.Require(WeakestChapters >= 1, "weakestChapters", "at least 1", WeakestChapters);
        NodeOptionsReader.Require(HalfFit > 0, "halfFit", "greater than 0", HalfFit);
        NodeOptionsReader.Require(PoorFit >= 0 && PoorFit < 1, "poorFit", "in [0, 1)", PoorFit);
        NodeOptionsReader.Require(RelativePoorFit >= 0 && RelativePoorFit <= 1, "relativePoorFit", "in [0, 1]", RelativePoorFit);
    }

}
