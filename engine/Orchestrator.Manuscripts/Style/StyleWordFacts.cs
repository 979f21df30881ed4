using Orchestrator.Manuscripts.Readability;

namespace Orchestrator.Manuscripts.Style;

/// <summary>What the style scan needs to know about a word form, whatever its context: computed once per distinct word.</summary>
internal struct StyleWordFacts
{
    /// <summary>Syllables, letters, familiarity (not yet whether this occurrence is a proper name).</summary>
    public WordReadability Readability;
    public WordTraits Traits;
    public short Overused;

    /// <summary>Shaped like an -ly adverb (and not a listed exception or hedge).</summary>
    public bool AdverbShape;

    /// <summary>A past participle (irregular, or -ed and not a listed non-participle).</summary>
    public bool Participle;

    /// <summary>Uncommon enough for the echo check: not familiar, not a stop word, all letters (the length is checked per scan).</summary>
    public bool EchoShape;

    public static StyleWordFacts Of(ReadOnlySpan<char> folded)
    {
        var entry = StyleLexicon.Find(folded);
        var readability = ReadabilityCalculator.MeasureFolded(folded);
        var letters = IsAllLetters(folded);
        return new StyleWordFacts
        {
            Readability = readability,
            Traits = entry.Traits,
            Overused = (short)entry.OverusedIndex,
            AdverbShape = folded.Length >= 4 && folded.EndsWith("ly") && letters && !entry.Has(WordTraits.AdverbException | WordTraits.Hedge),
            Participle = entry.Has(WordTraits.IrregularParticiple)
                || (folded.Length >= 4 && folded.EndsWith("ed") && !folded.EndsWith("eed") && !entry.Has(WordTraits.NotParticiple)),
            EchoShape = letters && !readability.IsFamiliar && !entry.Has(WordTraits.EchoStop),
        };
    }

    private static bool IsAllLetters(ReadOnlySpan<char> folded)
    {
        if (folded.IsEmpty) return false;
        foreach (var c in folded)
            if (!char.IsLetter(c) && c is not ('\'' or '-')) return false;
        return true;
    }
}
