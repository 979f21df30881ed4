namespace Orchestrator.Manuscripts.Readability;

/// <summary>Adds up <see cref="ReadabilityCounts"/> word by word during one pass.</summary>
internal struct ReadabilityTally
{
    private int _words, _sentences, _syllables, _letters, _polysyllables, _complex, _difficult;

    public void Add(in WordReadability word)
    {
        _words++;
        _syllables += word.Syllables;
        _letters += word.Letters;
        if (word.IsPolysyllable) _polysyllables++;
        if (word.IsComplex) _complex++;
        if (word.IsDifficult) _difficult++;
    }

    public void AddSentence() => _sentences++;

    public readonly ReadabilityCounts ToCounts() =>
        new(_words, _sentences, _syllables, _letters, _polysyllables, _complex, _difficult);
}
