namespace Orchestrator.Manuscripts.Consistency;

/// <summary>The stable rule ids of the findings the <c>consistency</c> node makes.</summary>
public static class ConsistencyRules
{
    /// <summary>One word spelt two ways in the book (colour/color, to the same family of the variant table); each use of the rarer spelling.</summary>
    public const string SpellingVariant = "consistency.spelling.variant";

    /// <summary>A spelling convention (-our/-or, -ise/-ize, -yse/-yze, -re/-er, -ll-/-l-, ae/oe) followed by some words and not by others.</summary>
    public const string SpellingConvention = "consistency.spelling.convention";

    /// <summary>A compound written both hyphenated and closed (to-morrow/tomorrow) or hyphenated and open (drawing-room/drawing room).</summary>
    public const string HyphenationVariant = "consistency.hyphenation.variant";

    /// <summary>The same word capitalised and not in the middle of sentences (the Captain/the captain).</summary>
    public const string CapitalisationMixed = "consistency.capitalisation.mixed";

    /// <summary>A rare name one edit away from a common one (Catherine/Katherine).</summary>
    public const string NameNearMiss = "consistency.names.near-miss";

    /// <summary>A chapter narrated in a different tense (past/present) from the book.</summary>
    public const string TenseShift = "consistency.tense.shift";

    /// <summary>A chapter narrated in a different person (first/third) from the book.</summary>
    public const string PovShift = "consistency.pov.shift";

    /// <summary>Straight (") and curly (“ ”) double quotes mixed.</summary>
    public const string QuotesMixed = "consistency.quotes.mixed";

    /// <summary>Straight (') and curly (‘ ’) single quotes and apostrophes mixed.</summary>
    public const string ApostrophesMixed = "consistency.apostrophes.mixed";

    /// <summary>Ellipses written more than one way ("...", "…", ". . .").</summary>
    public const string EllipsisMixed = "consistency.ellipsis.mixed";

    /// <summary>Dashes written more than one way ("--", "—", " – ", " - ").</summary>
    public const string DashesMixed = "consistency.dashes.mixed";

    /// <summary>A paragraph whose quotation marks do not pair up, not continued by the next paragraph.</summary>
    public const string UnpairedQuote = "consistency.quotes.unpaired";

    /// <summary>Strength: a family of checks with enough evidence and nothing inconsistent (tense, point of view, spelling, punctuation).</summary>
    public const string Consistent = "consistency.consistent";

    /// <summary>Every rule id, for documentation and filters.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        SpellingVariant, SpellingConvention, HyphenationVariant, CapitalisationMixed, NameNearMiss, TenseShift, PovShift,
        QuotesMixed, ApostrophesMixed, EllipsisMixed, DashesMixed, UnpairedQuote, Consistent,
        .. LibraryRules.All,
    ];
}
