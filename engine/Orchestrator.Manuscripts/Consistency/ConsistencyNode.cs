using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Reference;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// The <c>consistency</c> node: what a copy editor checks for sameness. Spelling variants mixed in one book
/// (colour/color, -ise/-ize...), hyphenation variants (to-morrow/tomorrow), capitalisation of the same word,
/// character-name near misses (Katherine/Catherine), tense and point-of-view shifts between chapters, straight
/// and curly quotes and apostrophes, ellipsis and dash styles, and unpaired quotation marks. Manuscript-scoped,
/// deterministic: one pass over the words and one over the characters, then table lookups.
/// </summary>
/// <remarks>
/// <para><b>Input.</b> Subject: a <see cref="ManuscriptDocument"/> (anything else is an
/// <see cref="InvalidNodeInputException"/>). Requirements and upstream results are not used: the pipeline's
/// <c>dependsOn</c> only orders the node.</para>
/// <para><b>Families and rules</b> (<see cref="ConsistencyRules"/>). Each finding of a pair gives the counts of both
/// forms and the location and sentence of one use of the rarer form; the first <c>maxUsesPerVariant</c> uses of
/// each rarer form are located, and each rule keeps <c>maxFindingsPerRule</c> findings plus one summary.</para>
/// <list type="bullet">
/// <item><c>consistency.spelling.variant</c>: a word of the built-in <see cref="VariantTable"/> (a few hundred stems,
/// expanded by vetted suffix patterns; -our/-or and -ise/-ize only through it, so advise, surprise, wise are never
/// flagged) spelt both ways; the rarer spelling against the commoner. <c>consistency.spelling.convention</c>: a
/// convention (-our/-or, -ise/-ize, -yse/-yze, -re/-er, -ll-/-l-, ae/oe) followed by some words and not others
/// (realize but recognised).</item>
/// <item><c>consistency.hyphenation.variant</c>: a hyphenated word whose closed form, or (where sound) open form, also
/// occurs (<see cref="HyphenationCheck"/>).</item>
/// <item><c>consistency.capitalisation.mixed</c>: the same word capitalised and lower-case inside sentences, never at a
/// sentence or quotation start, never next to another capitalised word (<see cref="CapitalisationCheck"/>).</item>
/// <item><c>consistency.names.near-miss</c>: a rare name one Damerau–Levenshtein edit from a common one
/// (<see cref="NameCheck"/>).</item>
/// <item><c>consistency.tense.shift</c>, <c>consistency.pov.shift</c>: a chapter whose narration (outside quoted speech)
/// is in another tense or person than the book's (<see cref="NarrationCheck"/>, evidence in <see cref="WordScan"/>).</item>
/// <item><c>consistency.quotes.mixed</c>, <c>consistency.apostrophes.mixed</c>, <c>consistency.ellipsis.mixed</c>,
/// <c>consistency.dashes.mixed</c>: a punctuation mark written in more than one style (" vs “ ”; ' vs ’; ... vs … vs
/// . . .; -- vs — vs – vs " - "); the most used style is the book's. <c>consistency.quotes.unpaired</c>: a paragraph
/// whose speech marks do not pair up, not continued by the next (<see cref="PunctuationScan"/>).</item>
/// <item><c>consistency.consistent</c>: strengths: tense, point of view, spelling, punctuation consistent, with their numbers.</item>
/// </list>
/// <para><b>Options</b> (all optional, in the node's <c>options</c>):</para>
/// <list type="table">
/// <item><term><c>maxFindingsPerRule</c></term><description>integer ≥ 1, default 20: findings kept per rule.</description></item>
/// <item><term><c>maxUsesPerVariant</c></term><description>integer ≥ 1, default 5: uses of a rarer form located, per pair or style.</description></item>
/// <item><term><c>minTenseMarkers</c></term><description>integer ≥ 1, default 40: tense markers a chapter's narration needs to be judged.</description></item>
/// <item><term><c>tenseMargin</c></term><description>number in [0, 0.5), default 0.15: how far across 0.5 a chapter's past share must be.</description></item>
/// <item><term><c>minPovPronouns</c></term><description>integer ≥ 1, default 30: personal pronouns a chapter's narration needs to be judged.</description></item>
/// <item><term><c>firstPersonThreshold</c></term><description>number in (0, 1), default 0.25: first-person share from which narration is first person.</description></item>
/// <item><term><c>povMargin</c></term><description>number, default 0.10: how far across the threshold a chapter's share must be.</description></item>
/// <item><term><c>nameMinLength</c></term><description>integer ≥ 3, default 5: shortest name compared.</description></item>
/// <item><term><c>nameMinMentions</c></term><description>integer ≥ 2, default 3: mentions the common name needs.</description></item>
/// <item><term><c>nameMinRatio</c></term><description>number ≥ 1, default 3: how many times the rare name's mentions the common one needs.</description></item>
/// <item><term><c>capitalisationMaxShare</c></term><description>number in (0, 0.5), default 0.25: the rarer casing's largest share of a word's mid-sentence uses.</description></item>
/// <item><term><c>capitalisationMinUses</c></term><description>integer ≥ 2, default 4: mid-sentence uses a word needs to be judged.</description></item>
/// <item><term><c>spacedCompounds</c></term><description>true/false, default true: compare hyphenated compounds with their open form too.</description></item>
/// </list>
/// <para><b>Numbers encoded as metrics.</b> <c>dominantTense</c>: 1 past, 2 present, 0 not enough evidence.
/// <c>dominantPov</c>: the grammatical person, 1 first or 3 third, 0 not enough evidence.</para>
/// <para><b>Score.</b> 1 minus the sum of ten penalties, clamped to [0,1]; each is a metric. For the counted families
/// the penalty is min(cap, weight × minority uses per 10,000 words); tense and POV are judged per chapter, so theirs is
/// min(cap, weight × share of the book's words in shifted chapters). An empty manuscript scores 0.</para>
/// <list type="table">
/// <listheader><term>penalty</term><description>weight, cap (minority uses counted)</description></listheader>
/// <item><term><c>penaltySpelling</c></term><description>0.02, 0.15 (rarer spellings and words on the rarer side of a convention)</description></item>
/// <item><term><c>penaltyHyphenation</c></term><description>0.02, 0.10</description></item>
/// <item><term><c>penaltyCapitalisation</c></term><description>0.01, 0.10</description></item>
/// <item><term><c>penaltyNames</c></term><description>0.05, 0.15 (uses of the rarer name)</description></item>
/// <item><term><c>penaltyTense</c></term><description>0.30 × word share, 0.10</description></item>
/// <item><term><c>penaltyPov</c></term><description>0.30 × word share, 0.10</description></item>
/// <item><term><c>penaltyQuotes</c></term><description>0.01, 0.10 (double and single marks of the rarer style)</description></item>
/// <item><term><c>penaltyEllipsis</c></term><description>0.01, 0.05</description></item>
/// <item><term><c>penaltyDashes</c></term><description>0.01, 0.05</description></item>
/// <item><term><c>penaltyUnpaired</c></term><description>0.02, 0.10 (paragraphs)</description></item>
/// </list>
/// <para>So five stray spellings in a 100,000-word book cost 0.01, and a book whose every chapter mixes curly and
/// straight quotes loses the whole 0.10 for quotes.</para>
/// <para><b>Metrics, series, labels</b>: see <see cref="ConsistencyMetrics"/>. Series per chapter (labelled by
/// <c>Labels["chapters"]</c>): <c>pastTenseShare</c>, <c>firstPersonShare</c>, the evidence counts behind them, and
/// <c>inconsistencies</c>.</para>
/// </remarks>
/// <para><b>With a reference library</b> (<c>--library</c>, or the pipeline's <c>library</c> setting): names and simple
/// stated traits are also checked against the library's (<see cref="LibraryNameCheck"/>, <see cref="LibraryTraitCheck"/>,
/// rules in <see cref="LibraryRules"/>, metrics in <see cref="LibraryMetrics"/>), and the library's version enters the
/// node's input hash (<see cref="InputStamp"/>).</para>
public sealed class ConsistencyNode(NodeDefinition definition, IReferenceLibrary? library = null) : WorkflowNode(definition)
{
    /// <summary>The node type as written in pipeline files.</summary>
    public const string TypeName = "consistency";

    /// <summary>One line for node listings.</summary>
    public const string Description =
        "Sameness: spelling variants, hyphenation, capitalisation, name near-misses, tense and POV shifts, quote/ellipsis/dash styles, unpaired quotes.";

    public override IReadOnlyCollection<string> DeclaredMetrics => ConsistencyMetrics.Declared;

    /// <summary>The library's version, so a changed library re-runs the node; empty without a library.</summary>
    public override string InputStamp => library is null ? "" : $"library {library.Name} {library.Version}";

    public override async Task<NodeResult> RunAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var document = context.SubjectAs<ManuscriptDocument>();
        var options = ConsistencyOptions.From(Options);
        var facts = library is null ? null : await library.FactsAsync(cancellationToken).ConfigureAwait(false);
        return Analyse(document, options, facts);
    }

    /// <summary>The analysis itself, without a pipeline around it (for tools, benchmarks and tests); with
    /// <paramref name="library"/>, names and traits are also checked against a library's facts.</summary>
    public static NodeResult Analyse(ManuscriptDocument document, ConsistencyOptions? options = null, ReferenceFacts? library = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ConsistencyAnalysis.Run(document, options ?? ConsistencyOptions.Default, library);
    }

    /// <summary>The base checks, then: every per-chapter series and the labels have one entry per chapter.</summary>
    public override ResultValidation Validate(NodeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var verdict = base.Validate(result);
        if (!verdict.IsValid) return verdict;

        if (!result.Labels.TryGetValue(ConsistencyMetrics.ChapterLabels, out var labels))
            return ResultValidation.Invalid($"label list '{ConsistencyMetrics.ChapterLabels}' is missing");
        foreach (var name in ConsistencyMetrics.ChapterSeries)
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
