namespace Orchestrator.Manuscripts.Consistency;

/// <summary>Damerau–Levenshtein (optimal string alignment) distance 1, without computing the whole matrix.</summary>
internal static class EditDistance
{
    /// <summary>
    /// True when <paramref name="a"/> becomes <paramref name="b"/> by exactly one substitution, insertion, deletion
    /// or swap of two adjacent letters, ignoring case.
    /// </summary>
    public static bool IsOne(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length < b.Length) return IsOne(b, a);
        var difference = a.Length - b.Length;
        if (difference > 1) return false;
        var i = 0;
        while (i < b.Length && Same(a[i], b[i])) i++;
        if (difference == 1) return Equal(a[(i + 1)..], b[i..]); // delete a[i]
        if (i == a.Length) return false; // identical
        if (Equal(a[(i + 1)..], b[(i + 1)..])) return true; // substitute
        return i + 1 < a.Length && Same(a[i], b[i + 1]) && Same(a[i + 1], b[i]) && Equal(a[(i + 2)..], b[(i + 2)..]); // swap
    }

    private static bool Same(char x, char y) => x == y || char.ToLowerInvariant(x) == char.ToLowerInvariant(y);

    private static bool Equal(ReadOnlySpan<char> x, ReadOnlySpan<char> y) => x.Equals(y, StringComparison.OrdinalIgnoreCase);
}
