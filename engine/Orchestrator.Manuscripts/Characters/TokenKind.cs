namespace Orchestrator.Manuscripts.Characters;

/// <summary>What a capitalised word is, as far as character detection is concerned.</summary>
internal enum TokenKind : byte
{
    /// <summary>Not part of a name: a common word capitalised, a place, a day, a nationality...</summary>
    Other = 0,

    /// <summary>In a built-in list of words that are never a name (<see cref="CharacterLexicon.Never"/>): not even after a title.</summary>
    Excluded,

    /// <summary>A person's name or part of one (Elizabeth, Darcy, Mock, Turtle).</summary>
    Name,

    /// <summary>A title of address (Mr, Lady, Captain): introduces a name, never a character alone.</summary>
    Title,

    /// <summary>A rank that introduces a name (King Arthur) and may be a character alone (the Queen).</summary>
    Rank,

    /// <summary>A rank word that is not used as a name on its own in this book (only as a title).</summary>
    RankTitleOnly,

    /// <summary>A name particle (de, van, De): inside a name only, before another name word.</summary>
    Particle,

    /// <summary>A word allowed inside a longer name only (the March Hare), never a character alone.</summary>
    NamePartOnly,

    /// <summary>A family plural (the Bennets, the Lucases): the family, not a person.</summary>
    FamilyPlural,
}
