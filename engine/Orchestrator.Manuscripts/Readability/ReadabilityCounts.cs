namespace Orchestrator.Manuscripts.Readability;

/// <summary>
/// The counts every readability formula is computed from, for any stretch of text (a chapter, the book). Counts
/// add up, so a book's counts are the sum of its chapters'. See <see cref="ReadabilityCalculator"/> for what
/// counts as a word, a sentence, a syllable, a polysyllable, a complex and a difficult word.
/// </summary>
/// <param name="Words">Word tokens of the text index.</param>
/// <param name="Sentences">Sentences of the text index.</param>
/// <param name="Syllables">Syllables of all words (<see cref="SyllableCounter"/>).</param>
/// <param name="Letters">Letters and digits of all words (apostrophes and hyphens not counted).</param>
/// <param name="Polysyllables">Words of three or more syllables (SMOG).</param>
/// <param name="ComplexWords">Polysyllables that are neither familiar (Dale–Chall) nor proper names (Gunning fog).</param>
/// <param name="DifficultWords">Words that are neither familiar nor proper names (Dale–Chall).</param>
public readonly record struct ReadabilityCounts(
    int Words, int Sentences, int Syllables, int Letters, int Polysyllables, int ComplexWords, int DifficultWords)
{
    public static ReadabilityCounts operator +(ReadabilityCounts a, ReadabilityCounts b) => new(
        a.Words + b.Words, a.Sentences + b.Sentences, a.Syllables + b.Syllables, a.Letters + b.Letters,
        a.Polysyllables + b.Polysyllables, a.ComplexWords + b.ComplexWords, a.DifficultWords + b.DifficultWords);

    /// <summary>Words per sentence (0 without sentences).</summary>
    public double WordsPerSentence => Sentences > 0 ? Words / (double)Sentences : 0;

    /// <summary>Syllables per word (0 without words).</summary>
    public double SyllablesPerWord => Words > 0 ? Syllables / (double)Words : 0;

    /// <summary>Letters per word (0 without words).</summary>
    public double LettersPerWord => Words > 0 ? Letters / (double)Words : 0;
}
