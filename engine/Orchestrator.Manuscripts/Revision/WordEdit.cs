namespace Orchestrator.Manuscripts.Revision;

/// <summary>An edit decided from the word index (a lexical illusion, a spelling variant), before the character scan merges it in.</summary>
internal readonly record struct WordEdit(int Offset, int Length, string Replacement, RevisionRule Rule)
{
    public int End => Offset + Length;
}
