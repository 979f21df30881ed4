using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Pacing;

/// <summary>
/// The <c>pacing</c> node: how the book moves. Per chapter and per scene: dialogue ratio, mean sentence and
/// paragraph length, action-verb density and a tension proxy; the pacing curve across the book; exposition
/// stretches; flat stretches of slow chapters; how soon the opening reaches speech or action.
/// Manuscript-scoped, deterministic, one pass over the text.
/// </summary>
/// <remarks>
/// <para><b>Input.</b> Subject: a <see cref="ManuscriptDocument"/> (anything else is an
/// <see cref="InvalidNodeInputException"/>). Requirements are not used. The pipeline runs it after
/// <c>structure</c> and <c>style</c>, but it computes everything it needs from the document and reads no
/// upstream result, so it also runs alone (<c>orchestrator check --nodes pacing</c>).</para>
/// <para><b>Figures</b> (per chapter, per scene and for the book):</para>
/// <list type="bullet">
/// <item><c>dialogueRatio</c>: share of the paragraphs' characters inside quoted speech, from
/// <see cref="ManuscriptDocument.Dialogue"/> (the book's quote style; tags such as "she said" are narration).</item>
/// <item><c>meanSentenceWords</c>, <c>meanParagraphWords</c>: words per sentence and per paragraph, from the index.</item>
/// <item><c>actionDensity</c>: action verbs per 1,000 words; the lexicon is <see cref="ActionVerbs"/> (about a hundred
/// verbs of fast movement, force and alarm, every inflection: run, runs, ran, running).</item>
/// <item><c>tension</c>: the proxy of <see cref="TensionFormula"/>, in [0,1], from short sentences, exclamations,
/// questions and action verbs. The <c>tension</c> series across the chapters is the pacing curve.</item>
/// </list>
/// <para><b>Exposition stretch</b> (<c>pacing.exposition.stretch</c>): at least <c>expositionMinParagraphs</c>
/// consecutive paragraphs of one chapter, each of at least <c>expositionParagraphWords</c> words and with no quoted
/// speech. Located over the whole stretch (chapter, first paragraph), its opening quoted; a Warning when the stretch
/// is twice the minimum length. The <c>maxFindingsPerRule</c> longest are listed, and when there are more, one
/// <c>pacing.exposition.summary</c> gives the total.</para>
/// <para><b>Slow chapter and flat stretch</b> (<c>pacing.flat.stretch</c>). "Slow" is relative to the book's own
/// curve: a chapter is slow when its tension is below the <c>slowQuantile</c> (default 1/3, the lower tercile) of the
/// tensions of the chapters with at least <c>minChapterWords</c> words (quantile by linear interpolation between
/// order statistics). Shorter chapters are never slow, so they end a run. A flat stretch is a run of at least
/// <c>flatMinChapters</c> consecutive slow chapters: by construction a third of the chapters are slow, so what is
/// reported is slowness that clusters. Needs <c>minChaptersForCurve</c> such chapters; a Warning at twice the
/// minimum run.</para>
/// <para><b>Opening hook</b>: the words of the first chapter with text (a prologue, when there is one) before the
/// first word inside quoted speech or the first action verb. Over <c>hookLateWords</c> is <c>pacing.hook.late</c>
/// (a Warning at three times the limit); within <c>hookEarlyWords</c> is the strength <c>pacing.hook.early</c>.</para>
/// <para><b>Options</b> (all optional, in the node's <c>options</c>): <c>shortSentenceWords</c> (int ≥ 1, default 8),
/// <c>expositionParagraphWords</c> (int ≥ 1, default 120), <c>expositionMinParagraphs</c> (int ≥ 1, default 3),
/// <c>flatMinChapters</c> (int ≥ 2, default 3), <c>slowQuantile</c> (in (0,1), default 1/3), <c>minChapterWords</c>
/// (int ≥ 0, default 200), <c>minChaptersForCurve</c> (int ≥ 3, default 6), <c>hookLateWords</c> (int ≥ 1, default
/// 400), <c>hookEarlyWords</c> (int ≥ 0 and below <c>hookLateWords</c>, default 100), <c>actionSaturation</c>
/// (number &gt; 0, default 20 action verbs per 1,000 words), <c>dialogueMin</c> / <c>dialogueMax</c> (the band of a
/// balanced book dialogue ratio, default 0.10–0.70), <c>maxFindingsPerRule</c> (int ≥ 1, default 20). See
/// <see cref="PacingOptions"/>.</para>
/// <para><b>Score.</b> 1 minus the sum of these penalties, clamped to [0,1]; each is a metric (0 when it does not
/// apply). An empty manuscript scores 0.</para>
/// <list type="bullet">
/// <item><c>penaltyFlat</c> = min(0.30, chapters inside flat stretches / chapters on the curve): few flat stretches.</item>
/// <item><c>penaltyVariety</c> = min(0.15, max(0, 0.15 − CV of chapter tension)): a curve that barely moves costs
/// up to 0.15 (a CV of 0.15 or more costs nothing).</item>
/// <item><c>penaltyHook</c> = min(0.15, 0.075 × (hookWords − hookLateWords) / hookLateWords) when the hook is late:
/// a timely hook.</item>
/// <item><c>penaltyDialogue</c> = min(0.15, distance of the book dialogue ratio outside [dialogueMin, dialogueMax]):
/// dialogue balance.</item>
/// <item><c>penaltyExposition</c> = min(0.20, 0.5 × share of the book's words inside exposition stretches).</item>
/// </list>
/// <para><b>Rule ids</b>: see <see cref="PacingRules"/>. <b>Metrics, series, labels</b>: see <see cref="PacingMetrics"/>;
/// the chapter series are labelled by <c>Labels["chapters"]</c>, the scene series (<c>scene.*</c>) by
/// <c>Labels["scenes"]</c>.</para>
/// </remarks>
public sealed class PacingNode(NodeDefinition definition) : WorkflowNode(definition)
{
    /// <summary>The node type as written in pipeline files.</summary>
    public const string TypeName = "pacing";

    /// <summary>One line for node listings.</summary>
    public const string Description =
        "Pace: dialogue ratio, sentence and paragraph length, action density and tension per chapter and scene; exposition and flat stretches; the opening hook.";

    public override IReadOnlyCollection<string> DeclaredMetrics => PacingMetrics.Declared;

    public override Task<NodeResult> RunAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var document = context.SubjectAs<ManuscriptDocument>();
        var options = PacingOptions.From(Options);
        return Task.FromResult(Analyse(document, options));
    }

    /// <summary>The analysis itself, without a pipeline around it (for tools, benchmarks and tests).</summary>
    public static NodeResult Analyse(ManuscriptDocument document, PacingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new PacingAnalysis(document, options ?? PacingOptions.Default).Run();
    }

    /// <summary>The base checks, then: every chapter series has one value per chapter label, every scene series one per scene label.</summary>
    public override ResultValidation Validate(NodeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var verdict = base.Validate(result);
        if (!verdict.IsValid) return verdict;

        foreach (var (labelName, prefix) in new[] { (PacingMetrics.ChapterLabels, ""), (PacingMetrics.SceneLabels, PacingMetrics.ScenePrefix) })
        {
            if (!result.Labels.TryGetValue(labelName, out var labels))
                return ResultValidation.Invalid($"label list '{labelName}' is missing");
            foreach (var name in PacingMetrics.CurveSeries.Select(s => prefix + s))
            {
                if (!result.Series.TryGetValue(name, out var values))
                    return ResultValidation.Invalid($"series '{name}' is missing");
                if (values.Count != labels.Count)
                    return ResultValidation.Invalid($"series '{name}' has {values.Count} values for {labels.Count} {labelName}");
                if (values.Any(v => !double.IsFinite(v)))
                    return ResultValidation.Invalid($"series '{name}' has a value that is not a finite number");
            }
        }
        if (result.Metrics.TryGetValue(PacingMetrics.Chapters, out var chapters) && (int)chapters != result.Labels[PacingMetrics.ChapterLabels].Count)
            return ResultValidation.Invalid($"metric 'chapters' is {chapters} but there are {result.Labels[PacingMetrics.ChapterLabels].Count} chapter labels");
        return ResultValidation.Valid;
    }
}
