namespace Orchestrator.Manuscripts.Style;

/// <summary>The traits of one word and, for a word of the overused table, its row (else -1).</summary>
internal readonly record struct LexiconEntry(WordTraits Traits, int OverusedIndex)
{
    public static readonly LexiconEntry None = new(WordTraits.None, -1);

    public bool Has(WordTraits trait) => (Traits & trait) != 0;
}
