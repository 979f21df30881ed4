
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
}
