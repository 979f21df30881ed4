using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Structure;

/// <summary>
/// The <c>structure</c> node: the book's shape. Total length against the author's target and the genre's
/// usual range (<see cref="Genres.GenreNorms"/>), the distribution of chapter lengths, outlier chapters,
/// an over-long prologue, scenes per chapter and parts. Manuscript-scoped, deterministic, cheap.
/// </summary>
/// <remarks>
/// <para><b>Input.</b> Subject: a <see cref="ManuscriptDocument"/> (anything else is an
/// <see cref="InvalidNodeInputException"/>). Requirements: <see cref="ManuscriptRequirements"/> (optional;
/// <c>TargetLength</c> and <c>Genre</c> are used).</para>
/// <para><b>Which chapters.</b> "Body" chapters are all chapters except the prologue and epilogue; the
/// distribution (mean, median, CV, min, max) and the outliers are computed over them. The
/// <c>chapterWords</c> and <c>scenesPerChapter</c> series cover every chapter.</para>
/// <para><b>Options</b> (all optional, in the node's <c>options</c>):</para>
/// <list type="table">
/// <item><term><c>longChapterFactor</c></term><description>number &gt; 1, default 2: a body chapter over this many
/// times the median chapter is reported as <c>structure.chapter.long</c>.</description></item>
/// <item><term><c>shortChapterFactor</c></term><description>number in (0,1), default 0.4: a body chapter under this
/// fraction of the median is <c>structure.chapter.short</c>.</description></item>
/// <item><term><c>prologueMedianFactor</c></term><description>number &gt; 0, default 1.5: a prologue over this many
/// times the median body chapter is too long.</description></item>
/// <item><term><c>prologueMaxShare</c></term><description>number in (0,1], default 0.10: a prologue over this share of
/// the book's words is too long. Either limit triggers <c>structure.prologue.long</c>: the median limit catches a
/// prologue that dwarfs the chapters of a long book, the share limit one that is a big slice of a short
/// book.</description></item>
/// <item><term><c>targetTolerance</c></term><description>number in [0,1), default 0.10: the length may be this far
/// (as a fraction) from the target before <c>structure.length.under-target</c>/<c>over-target</c>.</description></item>
/// <item><term><c>unevenChapterCv</c></term><description>number &gt; 0, default 0.6: a coefficient of variation of
/// body chapter lengths above this is <c>structure.chapters.uneven</c>.</description></item>
/// <item><term><c>manyScenesPerChapter</c></term><description>integer ≥ 1, default 6: a chapter with more scenes is
/// noted as <c>structure.chapter.many-scenes</c>.</description></item>
/// <item><term><c>minChaptersForOutliers</c></term><description>integer ≥ 2, default 3: fewest body chapters for the
/// unevenness and outlier checks (with fewer, a median says little).</description></item>
/// <item><term><c>noChaptersMinWords</c></term><description>integer ≥ 0, default 10,000: a text at least this long with
/// no chapter headings is <c>structure.chapters.none</c>.</description></item>
/// </list>
/// <para><b>Score.</b> 1 minus the sum of these penalties, clamped to [0,1]; each is reported as a metric
/// (0 when it does not apply), so the score is explained by the metrics. An empty manuscript scores 0.</para>
/// <list type="bullet">
/// <item><c>penaltyLength</c> = min(0.30, |words/target − 1| − targetTolerance), when off target.</item>
/// <item><c>penaltyGenre</c> = min(0.20, distance past the nearer edge of the genre range, as a fraction of that
/// edge), when outside it.</item>
/// <item><c>penaltyUneven</c> = min(0.15, 0.5 × (CV − 0.30)) when the chapter CV is above 0.30 (chapter lengths
/// naturally vary; a CV up to 0.30 costs nothing).</item>
/// <item><c>penaltyOutliers</c> = min(0.20, outlier chapters / body chapters).</item>
/// <item><c>penaltyPrologue</c> = 0.05 for a too-long prologue.</item>
/// <item><c>penaltyNoChapters</c> = 0.10 for a long text without chapter headings.</item>
/// </list>
/// <para><b>Rule ids</b>: see <see cref="StructureRules"/>. <b>Metrics, series, labels</b>: see
/// <see cref="StructureMetrics"/>.</para>
/// </remarks>
public sealed class StructureNode(NodeDefinition definition) : WorkflowNode(definition)
{
    /// <summary>The node type as written in pipeline files.</summary>
    public const string TypeName = "structure";

    /// <summary>One line for node listings.</summary>
    public const string Description =
        "Book shape: length vs target and genre norms, chapter length distribution and outliers, prologue, scenes, parts.";

    public override IReadOnlyCollection<string> DeclaredMetrics => StructureMetrics.Declared;

    public override Task<NodeResult> RunAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var document = context.SubjectAs<ManuscriptDocument>();
        var requirements = context.RequirementsAs<ManuscriptRequirements>() ?? ManuscriptRequirements.None;
        var options = StructureOptions.From(Options);
        return Task.FromResult(Analyse(document, requirements, options));
    }

    /// <summary>The analysis itself, without a pipeline around it (for tools, benchmarks and tests).</summary>
    public static NodeResult Analyse(ManuscriptDocument document, ManuscriptRequirements? requirements = null, StructureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new StructureAnalysis(document, requirements ?? ManuscriptRequirements.None, options ?? StructureOptions.Default).Run();
    }

    /// <summary>The base checks, then: the per-chapter series and their labels have one entry per chapter.</summary>
    public override ResultValidation Validate(NodeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var verdict = base.Validate(result);
        if (!verdict.IsValid) return verdict;

        if (!result.Labels.TryGetValue(StructureMetrics.ChapterLabels, out var labels))
            return ResultValidation.Invalid($"label list '{StructureMetrics.ChapterLabels}' is missing");
        foreach (var name in new[] { StructureMetrics.ChapterWordsSeries, StructureMetrics.ScenesPerChapterSeries })
        {
            if (!result.Series.TryGetValue(name, out var values))
                return ResultValidation.Invalid($"series '{name}' is missing");
            if (values.Count != labels.Count)
                return ResultValidation.Invalid($"series '{name}' has {values.Count} values for {labels.Count} chapters");
        }
        if (result.Metrics.TryGetValue(StructureMetrics.Chapters, out var chapters) && (int)chapters != labels.Count)
            return ResultValidation.Invalid($"metric 'chapters' is {chapters} but there are {labels.Count} chapter labels");
        return ResultValidation.Valid;
    }
}
