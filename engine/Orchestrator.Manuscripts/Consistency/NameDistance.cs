namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and swaps of two
/// neighbours) between two names, ignoring case, computed only up to a bound: names further apart than that are all
/// "too far", which is all a spelling check needs and keeps the cost at a band of the matrix.
/// </summary>
internal static class NameDistance
{
    /// <summary>The distance when it is at most <paramref name="bound"/>, else <paramref name="bound"/> + 1.</summary>
    public static int Within(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int bound)
    {
        if (Math.Abs(a.Length - b.Length) > bound) return bound + 1;
        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = Same(a[i - 1], b[j - 1]) ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2]) && Same(a[i - 2], b[j - 1]))
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > bound) return bound + 1;
            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }
        return Math.Min(previous[b.Length], bound + 1);
    }

    /// <summary>The name folded for sameness: lower case, accents, hyphens, apostrophes and spaces dropped (Anne-Marie is annemarie, Zoë is zoe).</summary>
    public static string Fold(string name)
    {
        var decomposed = name.Normalize(System.Text.NormalizationForm.FormD);
        var folded = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetter(c)) folded.Append(char.ToLowerInvariant(c));
        }
        return folded.ToString();
    }

    private static bool Same(char x, char y) => x == y || char.ToLowerInvariant(x) == char.ToLowerInvariant(y);
}
