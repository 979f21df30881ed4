using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Revision;

/// <summary>
/// The <c>revise</c> node: deterministic mechanical revision. It does not change the text; it returns
/// <see cref="NodeResult.Edits"/> against <see cref="ManuscriptDocument.Text"/> (sorted by offset, never
/// overlapping), which the session applies between iterations (<see cref="TextRevision.Apply"/>), so the next
/// iteration analyses the revised text. Revising a revised text proposes no edits: that is how a session knows
/// revision has nothing more to give.
/// </summary>
/// <remarks>
/// <para><b>Input.</b> Subject: a <see cref="ManuscriptDocument"/>. Only the body is revised: paragraphs and the
/// white space between two paragraphs of one chapter. Headings, scene breaks, captions, front and back matter are
/// never touched. Requirements and upstream results are not used.</para>
/// <para><b>Rules</b> (each edit's <see cref="TextEdit.Rule"/> is one of <see cref="RevisionRules"/>):</para>
/// <list type="bullet">
/// <item><c>lexical-illusion</c> (option <c>lexicalIllusions</c>, default true): a word repeated across white space,
/// exactly as the <c>style</c> node's <c>style.lexical-illusion</c> finds it, so each edit removes one of its
/// findings; "had had", "that that", "no no" and the other grammatical or deliberate doublings are kept
/// (<see cref="LexicalIllusions"/>).</item>
/// <item><c>spelling</c> (option <c>spelling</c>, default true): each family of the <c>consistency</c> node's variant
/// table brought to the book's dominant form, case kept; names and spellings that are also other words are left
/// (<see cref="SpellingNormaliser"/>).</item>
/// <item><c>whitespace</c> (option <c>whitespace</c>, default true), <c>ellipsis</c> (option <c>ellipsis</c>:
/// <c>character</c> (default), <c>dots</c>, <c>keep</c>), <c>dash</c> (option <c>dashes</c>: <c>em</c> (default),
/// <c>spaced-en</c>, <c>keep</c>), <c>quotes</c> (option <c>quotes</c>: <c>keep</c> (default), <c>curly</c>,
/// <c>straight</c>): see <see cref="TypographyScanner"/> and <see cref="CurlyQuotes"/>.</item>
/// </list>
/// <para>An option of the wrong kind or an unknown value (<c>"dashes": "long"</c>) is an
/// <see cref="InvalidNodeInputException"/>, as for every node.</para>
/// <para><b>Score</b>: 1 − (edits per 1,000 words) / 20, clamped to [0, 1]: a text the house style leaves alone
/// scores 1; 20 or more mechanical edits per 1,000 words score 0. An empty body scores 1. <b>Metrics</b>:
/// <c>edits.lexical-illusion</c>, <c>edits.spelling</c>, <c>edits.whitespace</c>, <c>edits.ellipsis</c>,
/// <c>edits.dash</c>, <c>edits.quotes</c>, <c>edits.total</c>, <c>words</c>, <c>editsPer1000Words</c>.
/// <b>Findings</b>: one per rule that made edits (<c>revise.</c> + rule, Info), with the count and the rule's first
/// edit as location and evidence (before → after); <c>revise.clean</c> when there is nothing to revise.</para>
/// </remarks>
public sealed class ReviseNode(NodeDefinition definition) : WorkflowNode(definition)
{
    /// <summary>The node type as written in pipeline files.</summary>
    public const string TypeName = "revise";

    /// <summary>One line for node listings.</summary>
    public const string Description =
        "Mechanical revision (returns edits; the session applies them): repeated words, spelling variants to the book's dominant form, " +
        "white space, ellipses, dashes and quotation marks to a house style.";

    public override IReadOnlyCollection<string> DeclaredMetrics => RevisionMetrics.Declared;

    public override Task<NodeResult> RunAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var document = context.SubjectAs<ManuscriptDocument>();
        var options = ReviseOptions.From(Options);
        return Task.FromResult(Revise(document, options));
    }

    /// <summary>The revision itself, without a pipeline around it (for tools, benchmarks and tests).</summary>
    public static NodeResult Revise(ManuscriptDocument document, ReviseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= ReviseOptions.Default;
        var pass = RevisionPass.Run(document, options);
        return RevisionReport.Build(document, options, pass);
    }

    /// <summary>The base checks, then: the edits are sorted by offset, do not overlap and have no negative offset or length.</summary>
    public override ResultValidation Validate(NodeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var verdict = base.Validate(result);
        if (!verdict.IsValid) return verdict;
        return TextRevision.Check(result.Edits, null) is { } problem ? ResultValidation.Invalid(problem) : ResultValidation.Valid;
    }
}
