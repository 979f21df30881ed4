namespace Orchestrator.Manuscripts.Readability;

/// <summary>Adds up <see cref="ReadabilityCounts"/> word by word during one pass.</summary>
internal struct ReadabilityTally
{
    private int _words, _sentences, _syllables, _letters, _polysyllables, _complex, _difficult, _characters, _tokens, _difficultV2;

    public void Add(in WordReadability word)
    {
        _words++;
        _syllables += word.Syllables;
        _letters += word.Letters;
        if (word.IsPolysyllable) _polysyllables++;
        if (word.IsComplex) _complex++;
        if (word.IsDifficult) _difficult++;
        if (word.IsDifficultV2) _difficultV2++;
    }

    /// <summary>One sentence, with the characters and tokens of its text (ARI counts them as textstat does).</summary>
    public void AddSentence(ReadOnlySpan<char> text)
    {
        _sentences++;
        var inToken = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\n' or '\r' or '\t' || (c > 127 && char.IsWhiteSpace(c)))
            {
                inToken = false;
                continue;
            }
            _characters++;
            if (!inToken) _tokens++;
            inToken = true;
        }
    }

    public readonly ReadabilityCounts ToCounts() =>
        new(_words, _sentences, _syllables, _letters, _polysyllables, _complex, _difficult, _characters, _tokens, _difficultV2);
}
