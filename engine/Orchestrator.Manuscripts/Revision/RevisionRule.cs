namespace Orchestrator.Manuscripts.Revision;

/// <summary>The revision rules as indices (same order as <see cref="RevisionRules.All"/>), for counting without strings.</summary>
internal enum RevisionRule
{
    LexicalIllusion,
    Spelling,
    Whitespace,
    Ellipsis,
    Dash,
    Quotes,
}
