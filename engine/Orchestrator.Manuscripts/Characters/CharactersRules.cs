namespace Orchestrator.Manuscripts.Characters;

/// <summary>The stable rule ids of the findings the <c>characters</c> node makes.</summary>
public static class CharactersRules
{
    /// <summary>A text long enough to have characters names none (or none often enough to count).</summary>
    public const string None = "characters.none";

    /// <summary>A major character goes unnamed for a long stretch of consecutive chapters.</summary>
    public const string Absent = "characters.absent";

    /// <summary>Many named characters are introduced in the opening chapter.</summary>
    public const string CrowdedOpening = "characters.opening.crowded";

    /// <summary>A major character is never attributed a line of dialogue.</summary>
    public const string Silent = "characters.silent";

    /// <summary>Two character names one letter apart (Philips/Phillips, Lizzy/Lizzie): possibly one person spelled two ways.</summary>
    public const string Duplicate = "characters.duplicate";

    /// <summary>Strength: one character clearly leads the book.</summary>
    public const string Protagonist = "characters.protagonist";

    /// <summary>Info: who tells a first-person book (their name and how it is known, references, lines, a frame narrator).</summary>
    public const string Narrator = "characters.narrator";

    /// <summary>Strength: every major character speaks.</summary>
    public const string Voices = "characters.voices";

    /// <summary>Every rule id, for documentation and filters.</summary>
    public static IReadOnlyList<string> All { get; } = [None, Absent, CrowdedOpening, Silent, Duplicate, Protagonist, Narrator, Voices];
}
