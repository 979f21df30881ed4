using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Readability;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// The <c>style</c> node: readability (seven formulas, per chapter and for the book), sentence length and
/// variety, and line-level style issues located to the word: very long and sticky sentences, -ly adverbs,
/// passive voice, hedges, clichés, weak and repeated sentence openings, lexical illusions, echoes, filter words,
/// said-bookisms and adverbs in dialogue tags, and words overused against published-fiction norms.
/// Manuscript-scoped, deterministic; one <see cref="StyleScanner"/> pass over the words.
/// </summary>
/// <remarks>
/// <para><b>Input.</b> Subject: a <see cref="ManuscriptDocument"/> (anything else is an
/// <see cref="InvalidNodeInputException"/>). Requirements are not used.</para>
/// <para><b>Readability</b>: <see cref="ReadabilityCalculator"/> documents the formulas and what counts as a word,
/// a sentence, a syllable, a polysyllable and a difficult word (textstat's conventions, with the differences
/// written down there).</para>
/// <para><b>Dialogue and narration</b> are told apart by <see cref="ManuscriptDocument.Dialogue"/> (double or
/// single quotes, curly or straight, chosen per book). The narration-only rules never flag a word inside quoted
/// speech: filter words, hedges, passive voice, -ly adverbs outside tags, "there is" openings, repeated openings
/// (a sentence opening inside a quote breaks a run), echoes, sticky sentences (a sentence with any speech is
/// skipped). Said-bookisms and tag adverbs are read in the narration around speech: a tag verb counts when it is
/// within <see cref="StyleScanner.TagWindow"/> words of quoted speech in the same sentence. Long sentences,
/// clichés, lexical illusions and the overused-word rates cover all the text.</para>
/// <para><b>The rules</b> (ids in <see cref="StyleRules"/>):</para>
/// <list type="bullet">
/// <item><c>style.sentence.long</c>: more than <c>longSentenceWords</c> words (warning past twice that).</item>
/// <item><c>style.sentence.sticky</c>: a narration sentence of at least <c>stickyMinWords</c> words whose share of
/// <see cref="GlueWords"/> is above <c>stickyGlueShare</c>.</item>
/// <item><c>style.sentence.variety</c>: coefficient of variation of sentence lengths under 0.35 (monotonous); a
/// strength at 0.5 and above. Needs 20 sentences.</item>
/// <item><c>style.adverb</c>: a lower-case word of 4+ letters ending in -ly, not in <see cref="AdverbExceptions"/>
/// nor a hedge; weighted by how many share its sentence.</item>
/// <item><c>style.passive</c>: a form of "to be" (am, is, are, was, were, be, been, being and negatives), then
/// optionally one adverb (-ly or never, not, already...), then a past participle (-ed, or
/// <see cref="Participles.Irregular"/>). Adjectival participles ("was tired") are included, hence confidence 0.7.</item>
/// <item><c>style.hedge</c>: <see cref="HedgeWords"/>, <see cref="HedgePhrases"/>, and "sort of"/"kind of" not after a determiner.</item>
/// <item><c>style.cliche</c>: a phrase of <see cref="Cliches"/>, matched over word sequences anywhere, inflected forms too.</item>
/// <item><c>style.wordy</c> (narration) and <c>style.redundancy</c>: <see cref="WordyPhrases"/> and <see cref="Redundancies"/>,
/// with the plain alternative in the message.</item>
/// <item><c>style.opening.conjunction</c> (info): a narration sentence opening with "So" or "But".</item>
/// <item><c>style.paragraph.long</c>: more than <c>longParagraphWords</c> words; <c>style.bracket.unmatched</c>: a bracket
/// without its partner in the paragraph (list markers "a)" and smileys aside).</item>
/// <item><c>style.opening.there-is</c>: "There is/are/was/were..." or "There's" opening a narration sentence.</item>
/// <item><c>style.opening.repeated</c>: <c>repeatedOpenings</c> or more consecutive narration sentences of a chapter
/// opening with the same word.</item>
/// <item><c>style.lexical-illusion</c>: the same word twice with only white space between (line breaks
/// included), within a paragraph; "had had", "can can", deliberate doublings ("no no") and reduplicated names
/// ("Walla Walla") are allowed; "that that" and "on on" are flagged.</item>
/// <item><c>style.echo</c>: an uncommon narration word again within <c>echoWindow</c> words in the same chapter
/// (at least 3 words apart: "spar to spar" is a figure, not an echo).
/// Uncommon: not on the Dale–Chall list (inflections included), not a stop word, not capitalised (names), at
/// least <c>echoMinLetters</c> letters.</item>
/// <item><c>style.filter-word</c>: <see cref="FilterWords"/> in narration, not as a noun (after a determiner or
/// "of") nor as the verb of a tag beside quoted speech ("“Never,” thought Alice").</item>
/// <item><c>style.dialogue.said-bookism</c>: <see cref="DialogueTagVerbs.Bookisms"/> in tag position.</item>
/// <item><c>style.dialogue.tag-adverb</c>: a tag verb (plain or bookism) with an -ly adverb right after it, after
/// its subject ("said Jane softly", "said he softly") or right before it ("softly said"); such an adverb is not
/// counted again as <c>style.adverb</c>.</item>
/// <item><c>style.overused</c>: a word of <see cref="OverusedWordNorms"/> used at least <c>minRateCount</c> times and more
/// than max(<c>overusedFactor</c> × expected, expected + <c>overusedMinExcess</c>) times per 1,000 words.</item>
/// <item><c>style.readability.hard</c> / <c>.easy</c> / <c>.in-band</c> (strength): the book's Flesch reading
/// ease against [<c>readingEaseMin</c>, <c>readingEaseMax</c>]; <c>style.readability.chapter</c>: a chapter of
/// 300+ words 3 or more Flesch–Kincaid grades above the book.</item>
/// </list>
/// <para><b>Findings.</b> Each located finding carries the chapter, the paragraph, the offset and length of the
/// offending word or phrase (the sentence for long and sticky sentences) and the sentence as evidence (at most
/// 200 characters, cut around the phrase). At most <c>maxFindingsPerRule</c> per rule: the most telling (heaviest
/// weight, one per sentence while possible; ties spread evenly through the book), then one summary finding with the
/// full count. Metrics carry all
/// counts. Strengths: reading ease in band, good sentence variety, few adverbs (under 5 per 1,000 narration
/// words), few passives (under 4), few filter words (under 3).</para>
/// <para><b>Options</b> (all optional; <see cref="StyleOptions"/>): <c>longSentenceWords</c> (integer ≥ 5, default
/// 40), <c>stickyGlueShare</c> (0–1, default 0.45), <c>stickyMinWords</c> (≥ 1, default 10), <c>echoWindow</c>
/// (2–1000, default 50), <c>echoMinLetters</c> (≥ 1, default 4), <c>repeatedOpenings</c> (≥ 2, default 3),
/// <c>readingEaseMin</c> / <c>readingEaseMax</c> (default 60 / 85), <c>overusedFactor</c> (≥ 1, default 2),
/// <c>overusedMinExcess</c> (≥ 0, default 0.5 per 1,000 words), <c>maxFindingsPerRule</c> (≥ 1, default 20),
/// <c>longParagraphWords</c> (≥ 20, default 300), <c>minRateCount</c> (≥ 1, default 3), <c>overusedNorms</c>
/// (<c>["word=rate"]</c>), and one allowance per penalty family (<c>allowAdverbs</c>...; see <see cref="StylePenalty"/>).</para>
/// <para><b>Score.</b> 1 minus the sum of these penalties, clamped to [0,1], each reported as a metric (rates are
/// per 1,000 words, of narration for the narration-only families; "free" is the allowance before a family costs
/// anything — an option each, with its default and source in <see cref="StylePenalty"/>; nothing costs under
/// <c>minRateCount</c> occurrences):</para>
/// <list type="table">
/// <listheader><term>penalty</term><description>formula</description></listheader>
/// <item><term><c>penaltyReadability</c></term><description>0.01 per point of reading ease below the band (cap 0.15);
/// 0.005 per point above it (cap 0.05).</description></item>
/// <item><term><c>penaltyVariety</c></term><description>0.5 × (0.35 − CV) when CV &lt; 0.35 (cap 0.10).</description></item>
/// <item><term><c>penaltyLongSentences</c>, <c>penaltySticky</c>, <c>penaltyAdverbs</c>, <c>penaltyPassive</c>,
/// <c>penaltyHedges</c>, <c>penaltyCliches</c>, <c>penaltyOpenings</c>, <c>penaltyEchoes</c>, <c>penaltyFilterWords</c>,
/// <c>penaltyDialogueTags</c>, <c>penaltyWordy</c>, <c>penaltyRedundancies</c></term><description>slope × (rate − allowance),
/// capped (<see cref="StylePenalty"/>).</description></item>
/// <item><term><c>penaltyIllusions</c></term><description>0.01 per lexical illusion (cap 0.05).</description></item>
/// <item><term><c>penaltyOverused</c></term><description>0.01 per overused word (cap 0.08).</description></item>
/// </list>
/// <para>An empty manuscript scores 0. <b>Metrics, series, labels</b>: <see cref="StyleMetrics"/>; per-chapter
/// series (labelled by <c>chapters</c>): the seven readability values, <c>meanSentenceWords</c>,
/// <c>sentenceWordsStdev</c> and <c>issuesPer1000Words</c>.</para>
/// </remarks>
public sealed class StyleNode(NodeDefinition definition) : WorkflowNode(definition)
{
    /// <summary>The node type as written in pipeline files.</summary>
    public const string TypeName = "style";

    /// <summary>One line for node listings.</summary>
    public const string Description =
        "Prose style: readability (Flesch, Flesch–Kincaid, fog, SMOG, Coleman–Liau, ARI, Dale–Chall), sentence variety, adverbs, " +
        "passive voice, hedges, clichés, openings, echoes, filter words, dialogue tags, overused words.";

    public override IReadOnlyCollection<string> DeclaredMetrics => StyleMetrics.Declared;

    public override Task<NodeResult> RunAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var document = context.SubjectAs<ManuscriptDocument>();
        var options = StyleOptions.From(Options);
        return Task.FromResult(Analyse(document, options));
    }

    /// <summary>The analysis itself, without a pipeline around it (for tools, benchmarks and tests).</summary>
    public static NodeResult Analyse(ManuscriptDocument document, StyleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= StyleOptions.Default;
        var scan = StyleScanner.Scan(document, options);
        return new StyleAnalysis(document, options, scan).Run();
    }

    /// <summary>The analysis from a scan already made (a caller that also needs the detections scans once).</summary>
    public static NodeResult Analyse(ManuscriptDocument document, StyleScan scan, StyleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scan);
        return new StyleAnalysis(document, options ?? StyleOptions.Default, scan).Run();
    }

    /// <summary>The base checks, then: every per-chapter series and the chapter labels have one entry per chapter.</summary>
    public override ResultValidation Validate(NodeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var verdict = base.Validate(result);
        if (!verdict.IsValid) return verdict;

        if (!result.Labels.TryGetValue(StyleMetrics.ChapterLabels, out var labels))
            return ResultValidation.Invalid($"label list '{StyleMetrics.ChapterLabels}' is missing");
        foreach (var name in StyleMetrics.ChapterSeries)
        {
            if (!result.Series.TryGetValue(name, out var values))
                return ResultValidation.Invalid($"series '{name}' is missing");
            if (values.Count != labels.Count)
                return ResultValidation.Invalid($"series '{name}' has {values.Count} values for {labels.Count} chapters");
            if (values.Any(v => !double.IsFinite(v)))
                return ResultValidation.Invalid($"series '{name}' has a value that is not a finite number");
        }
        return ResultValidation.Valid;
    }
}
