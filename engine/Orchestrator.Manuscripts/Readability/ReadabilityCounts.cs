namespace Orchestrator.Manuscripts.Readability;

/// <summary>
/// The counts every readability formula is computed from, for any stretch of text (a chapter, the book). Counts
/// add up, so a book's counts are the sum of its chapters'. See <see cref="ReadabilityCalculator"/> for what
/// counts as a word, a sentence, a syllable, a polysyllable, a complex and a difficult word.
/// </summary>
/// <param name="Words">Word tokens of the text index.</param>
/// <param name="Sentences">Sentences of the text index.</param>
/// <param name="Syllables">Syllables of all words (<see cref="SyllableCounter"/>).</param>
/// <param name="Letters">Letters and digits of all words (apostrophes and hyphens not counted): Coleman–Liau.</param>
/// <param name="Polysyllables">Words of three or more syllables (SMOG).</param>
/// <param name="ComplexWords">Polysyllables not on the Dale–Chall list (Gunning fog, as textstat counts them).</param>
/// <param name="DifficultWords">Words not on the Dale–Chall list, whatever their length (Dale–Chall, textstat's first rule).</param>
/// <param name="Characters">Characters of the sentences other than white space, punctuation included (ARI, as textstat counts them).</param>
/// <param name="Tokens">White-space separated tokens of the sentences, punctuation-only ones included (ARI's divisor in textstat).</param>
/// <param name="DifficultWordsV2">Words of two syllables or more not on the Dale–Chall list (textstat's <c>dale_chall_readability_score_v2</c>).</param>
public readonly record struct ReadabilityCounts(
    int Words, int Sentences, int Syllables, int Letters, int Polysyllables, int ComplexWords, int DifficultWords,
    int Characters = 0, int Tokens = 0, int DifficultWordsV2 = 0)
{
    public static ReadabilityCounts operator +(ReadabilityCounts a, ReadabilityCounts b) => new(
        a.Words + b.Words, a.Sentences + b.Sentences, a.Syllables + b.Syllables, a.Letters + b.Letters,
        a.Polysyllables + b.Polysyllables, a.ComplexWords + b.ComplexWords, a.DifficultWords + b.DifficultWords,
        a.Characters + b.Characters, a.Tokens + b.Tokens, a.DifficultWordsV2 + b.DifficultWordsV2);

    /// <summary>Words per sentence (0 without sentences).</summary>
    public double WordsPerSentence => Sentences > 0 ? Words / (double)Sentences : 0;

    /// <summary>Syllables per word (0 without words).</summary>
    public double SyllablesPerWord => Words > 0 ? Syllables / (double)Words : 0;

    /// <summary>Letters per word (0 without words).</summary>
    public double LettersPerWord => Words > 0 ? Letters / (double)Words : 0;
}
