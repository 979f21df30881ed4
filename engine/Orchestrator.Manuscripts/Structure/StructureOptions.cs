using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Manuscripts.Structure;

/// <summary>
/// The options of the <c>structure</c> node, read from the node's <c>options</c> object. Every option
/// is optional; see <see cref="StructureNode"/> for what each one does.
/// </summary>
public sealed record StructureOptions
{
    public static readonly StructureOptions Default = new();

    /// <summary><c>longChapterFactor</c>: a chapter over this many times the median chapter is long (default 2).</summary>
    public double LongChapterFactor { get; init; } = 2.0;

    /// <summary><c>shortChapterFactor</c>: a chapter under this fraction of the median chapter is short (default 0.4).</summary>
    public double ShortChapterFactor { get; init; } = 0.4;

    /// <summary><c>prologueMedianFactor</c>: a prologue over this many times the median chapter is too long (default 1.5).</summary>
    public double PrologueMedianFactor { get; init; } = 1.5;

    /// <summary><c>prologueMaxShare</c>: a prologue over this share of the book's words is too long (default 0.10).</summary>
    public double PrologueMaxShare { get; init; } = 0.10;

    /// <summary><c>targetTolerance</c>: how far (as a fraction) the length may stray from the target unremarked (default 0.10).</summary>
    public double TargetTolerance { get; init; } = 0.10;

    /// <summary><c>unevenChapterCv</c>: coefficient of variation of chapter lengths above which chapters are uneven (default 0.6).</summary>
    public double UnevenChapterCv { get; init; } = 0.6;

    /// <summary><c>manyScenesPerChapter</c>: a chapter with more scenes than this is noted (default 6).</summary>
    public int ManyScenesPerChapter { get; init; } = 6;

    /// <summary><c>minChaptersForOutliers</c>: fewest body chapters for which outliers are looked for (default 3).</summary>
    public int MinChaptersForOutliers { get; init; } = 3;

    /// <summary><c>noChaptersMinWords</c>: a text this long with no chapter headings is flagged (default 10,000).</summary>
    public int NoChaptersMinWords { get; init; } = 10_000;

    /// <summary>
    /// Reads the options, checking kinds and ranges. A wrong value is an input the node cannot run with,
    /// so it is reported as <see cref="InvalidNodeInputException"/> (never retried).
    /// </summary>
    public static StructureOptions From(NodeOptions options)
    {
        return NodeOptionsReader.Read(options, Default, () =>
        {
            var result = new StructureOptions
            {
                LongChapterFactor = options.GetDouble("longChapterFactor", Default.LongChapterFactor),
                ShortChapterFactor = options.GetDouble("shortChapterFactor", Default.ShortChapterFactor),
                PrologueMedianFactor = options.GetDouble("prologueMedianFactor", Default.PrologueMedianFactor),
                PrologueMaxShare = options.GetDouble("prologueMaxShare", Default.PrologueMaxShare),
                TargetTolerance = options.GetDouble("targetTolerance", Default.TargetTolerance),
                UnevenChapterCv = options.GetDouble("unevenChapterCv", Default.UnevenChapterCv),
                ManyScenesPerChapter = options.GetInt("manyScenesPerChapter", Default.ManyScenesPerChapter),
                MinChaptersForOutliers = options.GetInt("minChaptersForOutliers", Default.MinChaptersForOutliers),
                NoChaptersMinWords = options.GetInt("noChaptersMinWords", Default.NoChaptersMinWords),
            };
            result.Check();
            return result;
        });
    }

    private void Check()
    {
        NodeOptionsReader.Require(LongChapterFactor > 1, "longChapterFactor", "greater than 1", LongChapterFactor);
        NodeOptionsReader.Require(ShortChapterFactor > 0 && ShortChapterFactor < 1, "shortChapterFactor", "between 0 and 1", ShortChapterFactor);
        NodeOptionsReader.Require(PrologueMedianFactor > 0, "prologueMedianFactor", "greater than 0", PrologueMedianFactor);
        NodeOptionsReader.Require(PrologueMaxShare > 0 && PrologueMaxShare <= 1, "prologueMaxShare", "in (0, 1]", PrologueMaxShare);
        NodeOptionsReader.Require(TargetTolerance >= 0 && TargetTolerance < 1, "targetTolerance", "in [0, 1)", TargetTolerance);
        NodeOptionsReader.Require(UnevenChapterCv > 0, "unevenChapterCv", "greater than 0", UnevenChapterCv);
        NodeOptionsReader.Require(ManyScenesPerChapter >= 1, "manyScenesPerChapter", "at least 1", ManyScenesPerChapter);
        NodeOptionsReader.Require(MinChaptersForOutliers >= 2, "minChaptersForOutliers", "at least 2", MinChaptersForOutliers);
        NodeOptionsReader.Require(NoChaptersMinWords >= 0, "noChaptersMinWords", "0 or more", NoChaptersMinWords);
    }

}
