namespace Orchestrator.Manuscripts.Consistency;

/// <summary>What a distinct word of the book can tell the consistency checks; decided once per word (<see cref="WordRoles"/>).</summary>
[Flags]
internal enum WordRole : ushort
{
    None = 0,

    /// <summary>A past-tense marker: was, were, had, did, an irregular past (went, said), or a regular -ed form.</summary>
    Past = 1 << 0,

    /// <summary>A present-tense marker: is, are, am, has, does (and their negatives and contractions).</summary>
    Present = 1 << 1,

    /// <summary>A form of be or have: a past-looking word right after one is a participle, not a tense marker.</summary>
    Auxiliary = 1 << 2,

    /// <summary>An adverb that may stand between a subject or auxiliary and its verb (not, never, -ly words).</summary>
    Gap = 1 << 3,

    /// <summary>A lower-case word ending in -s that is a present verb after he/she/it (walks, seems).</summary>
    SForm = 1 << 4,

    /// <summary>he, she, it, who, that, which: a subject that takes the -s form in the present.</summary>
    Subject = 1 << 5,

    /// <summary>I, me, my, mine, myself, we, us, our, ours, ourselves (and I'm, we'll...).</summary>
    FirstPerson = 1 << 6,

    /// <summary>he, him, his, himself, she, her, hers, herself, they, them, their, theirs, themselves (and he'd, they're...).</summary>
    ThirdPerson = 1 << 7,

    /// <summary>A word whose 's is "is" or "has" (he's, it's, there's), a present marker.</summary>
    ContractionBase = 1 << 8,

    /// <summary>Never judged for capitalisation: function words, months, days, compass points, God/Lord, given names that are also words.</summary>
    CapitalisationExempt = 1 << 9,

    /// <summary>Contains a hyphen (to-morrow): a hyphenation candidate.</summary>
    Hyphenated = 1 << 10,

    /// <summary>Letters only (no digit, hyphen or apostrophe).</summary>
    Letters = 1 << 11,

    /// <summary>A title before a name: Mr, Mrs, Miss, Dr, Sir, Lady, Captain, Aunt...</summary>
    Honorific = 1 << 12,

    /// <summary>A verb of speech in a dialogue tag: said, asked, replied, cried...</summary>
    SpeechVerb = 1 << 13,

    /// <summary>A word that joins the parts of a name: of, the, de, van (Church of England, Alfred the Great).</summary>
    NameLink = 1 << 14,

    /// <summary>A determiner that makes the next noun generic: a, an, another, any, every (a king, not the King).</summary>
    Indefinite = 1 << 15,
}
