using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Characters;

/// <summary>
/// The <c>characters</c> node: who the book is about. Finds the named characters (capitalised words that are not
/// sentence-initial and pass a name test, titles such as Mr. and Lady, multi-word names, dialogue attribution),
/// merges the variants of one person, ranks the cast and reports, per character, mentions, chapters present, first
/// appearance, share of dialogue and co-occurrence. Manuscript-scoped, deterministic.
/// </summary>
/// <remarks>
/// <para><b>Input.</b> Subject: a <see cref="ManuscriptDocument"/>. Requirements are not used.</para>
/// <para><b>Detection.</b> See <see cref="TokenTable"/> (which capitalised words are names: built-in exclusions,
/// the lower-case ratio, place and thing tests), <see cref="MentionScanner"/> (titles, multi-word names, attribution)
/// and <see cref="VariantMerger"/> (which variants are one person). A character is a merged person named at least
/// <c>minMentions</c> times; the cast is ranked by mentions. Mentions inside dialogue count. Words in capitals
/// throughout (headings, speaker labels) are left out.</para>
/// <para><b>First-person narrators.</b> When the narration is first person (<see cref="Narration.NarrationVoice"/>,
/// the detection the consistency node uses, with <c>firstPersonThreshold</c>), <see cref="NarratorFinder"/> names the
/// narrator (self-naming: "call me X", "my name is X", "I, X,"; and others addressing them in conversation), gives
/// them the "I said" / "said I" lines, and counts their first-person references in the narration (I, me, my, mine,
/// myself) as mentions in the chapters they tell; a narrator the book never names is "the narrator". The narrator
/// is the protagonist (<c>characters.protagonist</c>) unless a frame narrator hands over to another
/// (<c>characters.narrator</c> says which); with a frame, the protagonist is decided by mentions as in a
/// third-person book.</para>
/// <para><b>Dialogue.</b> A line is a paragraph with quoted speech; it is attributed to the first character named
/// next to a speech verb in it ("said Holmes", "Elizabeth replied"), or to a first-person narrator ("I said"). A character's share of dialogue is their
/// attributed lines over all attributed lines.</para>
/// <para><b>Co-occurrence.</b> Two cast members co-occur when one paragraph names both; the <c>topPairs</c> most
/// frequent pairs are listed.</para>
/// <para><b>Options</b> (all optional, in the node's <c>options</c>):</para>
/// <list type="table">
/// <item><term><c>castSize</c></term><description>integer 1–64, default 12: the top characters given series and cast
/// figures (the rows of the presence heatmap).</description></item>
/// <item><term><c>majorCast</c></term><description>integer 1–castSize, default 5: the top characters checked for long
/// absences and silence.</description></item>
/// <item><term><c>minMentions</c></term><description>integer ≥ 1, default 3: fewest mentions for a character.</description></item>
/// <item><term><c>absenceChapters</c></term><description>integer ≥ 2, default 10: a major character unnamed for this many
/// consecutive chapters after their first appearance is <c>characters.absent</c>...</description></item>
/// <item><term><c>absenceShare</c></term><description>number in [0,1], default 0.10: ...when those chapters also hold at
/// least this share of the book's words (ten short chapters are not a long absence).</description></item>
/// <item><term><c>openingMaxCharacters</c></term><description>integer ≥ 1, default 8: more characters first named in the
/// opening chapter is <c>characters.opening.crowded</c>.</description></item>
/// <item><term><c>minAttributedLines</c></term><description>integer ≥ 0, default 20: with fewer attributed lines in the
/// book, silence is not judged.</description></item>
/// <item><term><c>mergeDominance</c></term><description>number in [0.5, 1], default 0.75: the share of a name word's uses
/// one person must hold before a bare name (Darcy) is merged into them (Mr. Darcy).</description></item>
/// <item><term><c>firstPersonThreshold</c></term><description>number in (0, 1), default 0.25 (the consistency node's):
/// first-person share of the narration's pronouns from which the book is told in the first person.</description></item>
/// <item><term><c>topPairs</c></term><description>integer 0–50, default 10: co-occurring pairs listed.</description></item>
/// </list>
/// <para><b>Score: cast clarity.</b> 1 minus the sum of these penalties, clamped to [0,1]; each is a metric (0 when it
/// does not apply):</para>
/// <list type="bullet">
/// <item><c>penaltyNoCharacters</c> = 0.30 when a text of 1,000 words or more names no character.</item>
/// <item><c>penaltyDiffuseCast</c> = min(0.20, 0.40 − top5Share) when the top five characters hold under 40% of
/// character mentions (no clear main cast).</item>
/// <item><c>penaltySilent</c> = min(0.15, 0.05 × major characters who never speak), judged only with
/// <c>minAttributedLines</c> attributed lines.</item>
/// <item><c>penaltyAbsent</c> = min(0.15, 0.05 × major characters with a long absence).</item>
/// <item><c>penaltyCrowdedOpening</c> = min(0.10, 0.02 × characters introduced in the opening chapter beyond
/// <c>openingMaxCharacters</c>).</item>
/// <item><c>penaltyDuplicates</c> = min(0.10, 0.02 × pairs of names one letter apart).</item>
/// </list>
/// <para><b>Rule ids</b>: see <see cref="CharactersRules"/>. <b>Metrics, series, labels</b>: see
/// <see cref="CharactersMetrics"/>.</para>
/// </remarks>
public sealed class CharactersNode(NodeDefinition definition) : WorkflowNode(definition)
{
    /// <summary>The node type as written in pipeline files.</summary>
    public const string TypeName = "characters";

    /// <summary>One line for node listings.</summary>
    public const string Description =
        "Cast: named characters, merged name variants, mentions and presence per chapter, first appearance, dialogue share, co-occurrence; absences, silent leads, crowded openings.";

    public override IReadOnlyCollection<string> DeclaredMetrics => CharactersMetrics.Declared;

    public override Task<NodeResult> RunAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var document = context.SubjectAs<ManuscriptDocument>();
        var options = CharactersOptions.From(Options);
        return Task.FromResult(Analyse(document, options));
    }

    /// <summary>The analysis itself, without a pipeline around it (for tools, benchmarks and tests).</summary>
    public static NodeResult Analyse(ManuscriptDocument document, CharactersOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new CharactersAnalysis(document, options ?? CharactersOptions.Default).Run();
    }

    /// <summary>The base checks, then: the chapter series have one value per chapter, the cast series one per cast
    /// member and the pair counts one per pair.</summary>
    public override ResultValidation Validate(NodeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var verdict = base.Validate(result);
        if (!verdict.IsValid) return verdict;

        if (!result.Labels.TryGetValue(CharactersMetrics.ChapterLabels, out var chapters))
            return ResultValidation.Invalid($"label list '{CharactersMetrics.ChapterLabels}' is missing");
        if (!result.Labels.TryGetValue(CharactersMetrics.CastLabels, out var cast))
            return ResultValidation.Invalid($"label list '{CharactersMetrics.CastLabels}' is missing");
        foreach (var (name, values) in result.Series)
        {
            var expected = name.StartsWith(CharactersMetrics.MentionsSeriesPrefix, StringComparison.Ordinal)
                || name is CharactersMetrics.CharactersPerChapterSeries or CharactersMetrics.IntroductionsSeries
                    ? chapters.Count
                    : name.StartsWith("cast.", StringComparison.Ordinal) ? cast.Count : -1;
            if (expected >= 0 && values.Count != expected)
                return ResultValidation.Invalid($"series '{name}' has {values.Count} values for {expected} items");
        }
        var pairs = result.Labels.TryGetValue(CharactersMetrics.PairLabels, out var pairLabels) ? pairLabels.Count : 0;
        var pairCounts = result.Series.TryGetValue(CharactersMetrics.PairParagraphsSeries, out var counts) ? counts.Count : 0;
        if (pairs != pairCounts)
            return ResultValidation.Invalid($"series '{CharactersMetrics.PairParagraphsSeries}' has {pairCounts} values for {pairs} pairs");
        return ResultValidation.Valid;
    }
}
