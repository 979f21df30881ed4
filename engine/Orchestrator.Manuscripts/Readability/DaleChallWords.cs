using Orchestrator.Manuscripts.Lexicons;

namespace Orchestrator.Manuscripts.Readability;

/// <summary>
/// The New Dale–Chall familiar words (<see cref="DaleChallList"/>, 2,942 entries) and the counting rules that
/// come with the list: a word is familiar when it is on the list, or is a regular inflection of a listed word.
/// </summary>
/// <remarks>
/// Chall &amp; Dale's rules count as familiar the regular forms of a listed word: plurals and third persons
/// (-s, -es, -ies for y), possessives ('s), past tenses and participles (-d, -ed, -ied, a doubled consonant:
/// <i>stopped</i>), -ing forms (<i>making</i>, <i>running</i>) and comparatives (-r, -er, -est, -ier, -iest);
/// derived words (-ly, -ness, -ment...) are not. A hyphenated compound is familiar when every part is; a
/// contraction when its head is (<i>shouldn't</i>: <i>should</i>); a number is familiar. Proper names are the
/// caller's business (<see cref="ReadabilityCalculator"/> counts a capitalised word inside a sentence as
/// familiar, as the 1995 rules do). textstat, by contrast, counts inflections and names as difficult (its
/// documented shortcoming); following the list's own rules keeps Dale–Chall scores of fiction in the range the
/// formula was calibrated for.
/// </remarks>
public static class DaleChallWords
{
    /// <summary>The list itself (case-insensitive).</summary>
    public static WordSet List { get; } = WordSet.Parse(DaleChallList.Words);

    /// <summary>The list again, ordinal, for words already folded to lower case (a faster lookup than the case-insensitive set).</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Folded =
        List.Words.Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="word"/> (any case, curly or straight apostrophes) is familiar.</summary>
    public static bool IsFamiliar(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[WordFolding.MaxLength * 2];
        var length = WordFolding.Fold(word, buffer);
        return length >= 0 && IsFamiliarFolded(buffer[..length]);
    }

    /// <summary>
    /// On the list exactly as written (a word already in <see cref="WordFolding"/> form): textstat's test of an easy word,
    /// which strips hyphens before it looks, so a hyphenated word is never on it.
    /// </summary>
    public static bool IsListedFolded(ReadOnlySpan<char> w) => !w.IsEmpty && w.IndexOf('-') < 0 && Folded.Contains(w);

    /// <summary>As <see cref="IsFamiliar"/>, for a word already in <see cref="WordFolding"/> form.</summary>
    public static bool IsFamiliarFolded(ReadOnlySpan<char> w)
    {
        if (w.IsEmpty) return true;
        if (Folded.Contains(w)) return true;
        if (!HasLetter(w)) return true;
        if (w.IndexOf('-') >= 0)
        {
            foreach (var range in w.Split('-'))
            {
                var part = w[range];
                if (!part.IsEmpty && !IsFamiliarFolded(part)) return false;
            }
            return true;
        }
        var apostrophe = w.IndexOf('\'');
        if (apostrophe >= 0)
        {
            if (w.EndsWith("n't")) return w.Length > 3 && IsInflectionOf(w[..^3], "");
            return apostrophe > 0 && IsFamiliarFolded(w[..apostrophe]);
        }
        return IsInflection(w);
    }

    private static bool IsInflection(ReadOnlySpan<char> w)
    {
        var n = w.Length;
        if (n < 3) return false;
        if (w.EndsWith("ies")) return IsInflectionOf(w[..^3], "y");
        if (w.EndsWith("ied")) return IsInflectionOf(w[..^3], "y");
        if (w.EndsWith("iest")) return IsInflectionOf(w[..^4], "y");
        if (w.EndsWith("ier")) return IsInflectionOf(w[..^3], "y");
        if (w.EndsWith("es") && IsStem(w[..^2])) return true;
        if (w.EndsWith("s")) return IsStem(w[..^1]);
        if (w.EndsWith("ed")) return IsStemOrE(w[..^2]);
        if (w.EndsWith("ing")) return IsStemOrE(w[..^3]);
        if (w.EndsWith("est")) return IsStemOrE(w[..^3]);
        if (w.EndsWith("er")) return IsStemOrE(w[..^2]);
        return false;
    }

    /// <summary>The stem itself, the stem + e (lik-ed, mak-ing, nic-er) or the stem with a doubled final consonant undone (stopp-ed).</summary>
    private static bool IsStemOrE(ReadOnlySpan<char> stem)
    {
        if (stem.Length < 2) return false;
        if (IsStem(stem) || IsInflectionOf(stem, "e")) return true;
        return stem.Length > 2 && stem[^1] == stem[^2] && IsStem(stem[..^1]);
    }

    private static bool IsStem(ReadOnlySpan<char> stem) => stem.Length >= 2 && Folded.Contains(stem);

    private static bool IsInflectionOf(ReadOnlySpan<char> stem, string ending)
    {
        if (stem.Length + ending.Length > WordFolding.MaxLength * 2 || stem.Length < 1) return false;
        Span<char> buffer = stackalloc char[WordFolding.MaxLength * 2];
        stem.CopyTo(buffer);
        ending.AsSpan().CopyTo(buffer[stem.Length..]);
        return Folded.Contains(buffer[..(stem.Length + ending.Length)]);
    }

    private static bool HasLetter(ReadOnlySpan<char> w)
    {
        foreach (var c in w)
            if (char.IsLetter(c)) return true;
        return false;
    }
}
