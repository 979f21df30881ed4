namespace Orchestrator.Manuscripts.Readability;

/// <summary>What one word contributes to the readability counts.</summary>
/// <param name="Syllables">Its syllables (<see cref="SyllableCounter"/>).</param>
/// <param name="Letters">Its letters and digits.</param>
/// <param name="IsFamiliar">On the Dale–Chall list or a regular inflection of a listed word (<see cref="DaleChallWords"/>), or a number.</param>
/// <param name="IsProperName">Capitalised inside a sentence (not its first word, not the first word of a quotation).</param>
public readonly record struct WordReadability(int Syllables, int Letters, bool IsFamiliar, bool IsProperName)
{
    /// <summary>Three syllables or more.</summary>
    public bool IsPolysyllable => Syllables >= 3;

    /// <summary>Neither familiar nor a proper name.</summary>
    public bool IsDifficult => !IsFamiliar && !IsProperName;

    /// <summary>A polysyllable that is difficult (Gunning's "complex word").</summary>
    public bool IsComplex => IsPolysyllable && IsDifficult;
}
