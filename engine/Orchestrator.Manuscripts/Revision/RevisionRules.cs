namespace Orchestrator.Manuscripts.Revision;

/// <summary>
/// The revision rules of the <c>revise</c> node: each is the <see cref="Engine.Nodes.TextEdit.Rule"/> of the edits it
/// makes, and, prefixed with <c>revise.</c>, the rule id of its summary finding.
/// </summary>
public static class RevisionRules
{
    /// <summary>A word repeated by mistake ("the the"): the repeat is removed.</summary>
    public const string LexicalIllusion = "lexical-illusion";

    /// <summary>A spelling variant brought to the book's dominant form (colour/color).</summary>
    public const string Spelling = "spelling";

    /// <summary>Runs of spaces, trailing spaces, a space before punctuation, extra blank lines.</summary>
    public const string Whitespace = "whitespace";

    /// <summary>An ellipsis written in the house style.</summary>
    public const string Ellipsis = "ellipsis";

    /// <summary>A dash between words written in the house style.</summary>
    public const string Dash = "dash";

    /// <summary>Quotation marks and apostrophes written in the house style.</summary>
    public const string Quotes = "quotes";

    /// <summary>Every rule, in report order.</summary>
    public static IReadOnlyList<string> All { get; } = [LexicalIllusion, Spelling, Whitespace, Ellipsis, Dash, Quotes];

    /// <summary>The finding id of a rule: <c>revise.</c> and the rule.</summary>
    public static string FindingId(string rule) => "revise." + rule;

    /// <summary>The finding of a revision that proposes no change.</summary>
    public const string Clean = "revise.clean";
}
