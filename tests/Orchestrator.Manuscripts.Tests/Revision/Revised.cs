using Orchestrator.Engine.Nodes;
using Orchestrator.Manuscripts.Revision;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Tests.Revision;

/// <summary>A text revised once: the node's result, the edits and the text they give.</summary>
internal sealed record Revised(ManuscriptDocument Document, NodeResult Result)
{
    public IReadOnlyList<TextEdit> Edits => Result.Edits;

    public string Text => TextRevision.Apply(Document.Text, Result.Edits);

    /// <summary>Each edit as "original→replacement" (rule), to compare with an exact list.</summary>
    public string[] Described => Edits.Select(e => $"{Document.Text.Substring(e.Offset, e.Length)}→{e.Replacement} ({e.Rule})").ToArray();

    public static Revised Of(string text, ReviseOptions? options = null, string? path = null)
    {
        var document = TextIndexer.Build(text, "Test", "hash", path);
        return new Revised(document, ReviseNode.Revise(document, options));
    }

    /// <summary>Only one rule on (the others off or "keep").</summary>
    public static ReviseOptions Only(string rule) => new()
    {
        LexicalIllusions = rule == RevisionRules.LexicalIllusion,
        Spelling = rule == RevisionRules.Spelling,
        Whitespace = rule == RevisionRules.Whitespace,
        Ellipsis = rule == RevisionRules.Ellipsis ? EllipsisStyle.Character : EllipsisStyle.Keep,
        Dashes = rule == RevisionRules.Dash ? DashStyle.Em : DashStyle.Keep,
        Quotes = rule == RevisionRules.Quotes ? QuoteMarks.Curly : QuoteMarks.Keep,
    };

    /// <summary>The revised text revised again: what a session's next iteration would propose.</summary>
    public Revised Again(ReviseOptions? options = null) => Of(Text, options, Document.SourcePath);
}
