namespace Orchestrator.Manuscripts.Characters;

/// <summary>
/// What the book says about one capitalised word (case-insensitive, possessive 's removed): how it is
/// written, and the company it keeps. The name test of <see cref="TokenTable"/> reads these.
/// </summary>
internal struct TokenStats
{
    /// <summary>Capitalised where capitals are not automatic (not sentence- or quote-initial).</summary>
    public int Capitalised;

    /// <summary>Capitalised at the start of a sentence or a quotation (says nothing about the word).</summary>
    public int Initial;

    /// <summary>Written in lower case (a name is not; "the Whale" and "the whale" are the same word).</summary>
    public int Lower;

    /// <summary>In a capitalised run right after "the" (the Pequod, the Hatter).</summary>
    public int AfterThe;

    /// <summary>In a capitalised run right after "a" or "an" (a Quaker, an Englishman): a kind of person, or of thing.</summary>
    public int AfterArticle;

    /// <summary>Right after a preposition of place (at, in, to, from...).</summary>
    public int AfterLocative;

    /// <summary>Right after at, in, into, near, within...: people are rarely "at" someone.</summary>
    public int AfterStrongLocative;

    /// <summary>Right after a title of address or rank (Mr. Darcy, Captain Ahab).</summary>
    public int AfterTitle;

    /// <summary>Next to a speech verb: "said Holmes", "Elizabeth replied".</summary>
    public int Attributions;

    /// <summary>Followed by a verb people do (smiled, thought, looked).</summary>
    public int PersonVerbAfter;

    /// <summary>Evidence that the word names a person: titles, speech, person verbs.</summary>
    public readonly int PersonEvidence => AfterTitle + Attributions + PersonVerbAfter;

    /// <summary>All capitalised occurrences.</summary>
    public readonly int CapitalisedTotal => Capitalised + Initial;
}
