namespace Orchestrator.Manuscripts.Style;

/// <summary>What the first phase of the scan learns about one occurrence of a word, kept for the sentence checks.</summary>
internal struct StyleWord
{
    /// <summary>The id of the word's folded form in the scan's word table (same id, same word); -1 for an unfoldable token.</summary>
    public int Id;
    public WordTraits Traits;
    public short Overused;
    public StyleWordFlags Flags;

    public readonly bool Is(StyleWordFlags flag) => (Flags & flag) != 0;

    public readonly bool Has(WordTraits trait) => (Traits & trait) != 0;
}

/// <summary>Per-occurrence facts computed once in the scan's first phase.</summary>
[Flags]
internal enum StyleWordFlags : byte
{
    None = 0,
    InDialogue = 1 << 0,
    Capitalised = 1 << 1,
    Adverb = 1 << 2,
    Participle = 1 << 3,
    EchoCandidate = 1 << 4,
    Consumed = 1 << 5,
}
