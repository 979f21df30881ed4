namespace Orchestrator.Manuscripts.Consistency;

/// <summary>What the book does with one distinct word (case-insensitive, possessive 's stripped).</summary>
internal struct VocabularyEntry
{
    public WordRole Role;

    /// <summary>All uses.</summary>
    public int Count;

    /// <summary>Uses starting with a lower-case letter.</summary>
    public int Lower;

    /// <summary>Uses with a capital first letter and no other capital (Heaven, not HEAVEN or McKay), anywhere.</summary>
    public int Capitalised;

    /// <summary>Capitalised uses not at the start of a sentence or quotation.</summary>
    public int CapitalisedInside;

    /// <summary>Capitalised uses the capitalisation check counts (see <see cref="WordScan"/>).</summary>
    public int CapitalisedEligible;

    /// <summary>
    /// Uses that show a person: capitalised after a title (Mr, Captain) or a speech verb (said Holmes), or followed by
    /// a speech verb or a past-tense verb (Holmes said, Ahab went).
    /// </summary>
    public int Person;

    /// <summary>First use (word index), where the chain <see cref="Vocabulary.Next"/> walks starts.</summary>
    public int First;
}
