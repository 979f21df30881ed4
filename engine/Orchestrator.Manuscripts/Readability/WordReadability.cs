namespace Orchestrator.Manuscripts.Readability;

/// <summary>What one word contributes to the readability counts.</summary>
/// <param name="Syllables">Its syllables (<see cref="SyllableCounter"/>).</param>
/// <param name="Letters">Its letters and digits.</param>
/// <param name="IsFamiliar">On the Dale–Chall list or a regular inflection of a listed word (<see cref="DaleChallWords"/>), or a number:
/// the list's own rules, which the echo check uses to tell common words from uncommon ones.</param>
/// <param name="IsProperName">Capitalised inside a sentence (not its first word, not the first word of a quotation).</param>
/// <param name="OnEasyList">On the Dale–Chall list as written (folded to lower case): textstat's test of an easy word, which the
/// formulas follow (inflections, names and numbers are not on it).</param>
public readonly record struct WordReadability(int Syllables, int Letters, bool IsFamiliar, bool IsProperName, bool OnEasyList = false)
{
    /// <summary>Three syllables or more.</summary>
    public bool IsPolysyllable => Syllables >= 3;

    /// <summary>Not on the list (textstat's Dale–Chall rule: any length, names included).</summary>
    public bool IsDifficult => !OnEasyList;

    /// <summary>Not on the list and of two syllables or more (textstat's Dale–Chall v2 rule).</summary>
    public bool IsDifficultV2 => !OnEasyList && Syllables >= 2;

    /// <summary>A polysyllable not on the list (textstat's Gunning fog rule).</summary>
    public bool IsComplex => IsPolysyllable && !OnEasyList;
}
