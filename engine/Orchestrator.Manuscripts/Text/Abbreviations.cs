
namespace Orchestrator.Manuscripts.Text;

/// <summary>Words whose following period does not end a sentence.</summary>
internal static class Abbreviations
{
    /// <summary>Titles and the like: never end a sentence (Mr. Bennet, St. Petersburgh, Dr. Watson).</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Always = new[]
    {
        "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "st", "mt", "jr", "sr", "prof", "rev", "revd", "hon", "gen",
        "col", "capt", "cpt", "lt", "sgt", "cpl", "maj", "adm", "cmdr", "gov", "sen", "rep", "pres", "supt", "insp",
        "esq", "rt", "fr", "vs", "cf", "viz", "ca", "fig", "ft",
    }.ToHashSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Abbreviations that end a sentence unless a number follows (Dec. 11th, No. 5, vol. 2).</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BeforeNumber = new[]
    {
        "no", "nos", "vol", "vols", "ch", "chap", "p", "pp", "art", "sec", "sect", "para", "ed", "op",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "etc", "approx", "inc", "ltd", "co", "bros", "al",
    }.ToHashSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when "<paramref name="word"/>." followed by <paramref name="next"/> (the next
    /// non-blank character, not lower-case) does not end a sentence: titles, initials (J. K.), dotted
    /// abbreviations (e.g., U.S.), and a few abbreviations before a number.</summary>
    public static bool PreventsBreak(ReadOnlySpan<char> word, char next)
    {
        if (word.Length == 1)
            return char.IsLetter(word[0]) && word[0] != 'I';
        if (word.Length > 7)
            return false;
        return Always.Contains(word) || (char.IsDigit(next) && BeforeNumber.Contains(word));
    }

    /// <summary>Words that open sentences far more often than they follow an abbreviation inside one (pronouns, articles, conjunctions).</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SentenceStarters = new[]
    {
        "the", "a", "an", "he", "she", "it", "its", "they", "we", "i", "you", "this", "that", "these", "those", "there", "then",
        "his", "her", "their", "our", "my", "your", "but", "and", "so", "yet", "or", "how", "what", "why", "when", "where", "who",
        "which", "in", "on", "at", "after", "before", "if", "as", "now", "one", "some", "many", "all", "no", "not", "while",
        "although", "though", "because", "once", "here", "later", "still", "meanwhile", "afterwards", "today", "tomorrow", "yesterday",
    }.ToHashSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Dotted abbreviations that never end a sentence (they introduce what follows).</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Introducers = new[] { "e.g", "i.e", "viz" }
        .ToHashSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The word starting at <paramref name="wordStart"/> is the last letter group of a dotted abbreviation (the "S" of U.S.).</summary>
    public static bool IsDotted(ReadOnlySpan<char> s, int wordStart, int floor) =>
        wordStart - 2 >= floor && s[wordStart - 1] == '.' && char.IsLetter(s[wordStart - 2]) && WordLength(s, wordStart) <= 3;

    /// <summary>The whole dotted abbreviation ending with the word at <paramref name="wordStart"/>, without its last period ("U.S", "e.g").</summary>
    public static ReadOnlySpan<char> DottedStart(ReadOnlySpan<char> s, int wordStart, int floor)
    {
        var first = wordStart;
        while (first - 2 >= floor && s[first - 1] == '.' && char.IsLetter(s[first - 2]))
        {
            first -= 2;
            while (first - 1 >= floor && char.IsLetter(s[first - 1])) first--;
        }
        return s[first..(wordStart + WordLength(s, wordStart))];
    }

    /// <summary>After the dotted abbreviation <paramref name="dotted"/>, does <paramref name="nextWord"/> open a new sentence?</summary>
    public static bool StartsSentence(ReadOnlySpan<char> nextWord, ReadOnlySpan<char> dotted) =>
        !Introducers.Contains(dotted) && SentenceStarters.Contains(nextWord);

    private static int WordLength(ReadOnlySpan<char> s, int start)
    {
        var end = start;
        while (end < s.Length && char.IsLetter(s[end])) end++;
        return end - start;
    }
}
