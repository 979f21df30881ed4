using L = Orchestrator.Manuscripts.Characters.CharacterLexicon;

namespace Orchestrator.Manuscripts.Characters;

/// <summary>
/// Spelling near-misses between character names: one letter inserted, dropped, changed or two neighbours
/// swapped (Philips/Phillips, Catherine/Katherine), or -y against -ie (Lizzy/Lizzie). Titles must agree and are
/// not compared (Mr. Bennet and Mrs. Bennet are two people); names shorter than four letters are left alone.
/// </summary>
internal static class NameSimilarity
{
    public const int MinLength = 4;

    public static bool AreNearMisses(string a, string b) => AreNearMisses(Split(a), Split(b));

    /// <summary>The same test on names already split by <see cref="Split"/> (for comparing every pair of a cast).</summary>
    public static bool AreNearMisses((string Title, string Core) a, (string Title, string Core) b)
    {
        var (titleA, coreA) = a;
        var (titleB, coreB) = b;
        if (coreA.Length < MinLength || coreB.Length < MinLength || Math.Abs(coreA.Length - coreB.Length) > 1) return false;
        if (!string.Equals(titleA, titleB, StringComparison.OrdinalIgnoreCase)) return false;
        if (string.Equals(coreA, coreB, StringComparison.OrdinalIgnoreCase)) return false;
        return YieSwap(coreA, coreB) || YieSwap(coreB, coreA) || WithinOneEdit(coreA, coreB);
    }

    /// <summary>The leading title word (without its period) and the rest of the name.</summary>
    public static (string Title, string Core) Split(string name)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0) return ("", name);
        var first = name[..space].TrimEnd('.');
        return L.AddressTitles.Contains(first) || L.RankTitles.Contains(first) || first == "M"
            ? (first, name[(space + 1)..])
            : ("", name);
    }

    private static bool YieSwap(string y, string ie) =>
        y.Length >= MinLength && y.EndsWith('y') && ie.EndsWith("ie", StringComparison.Ordinal)
        && y.AsSpan(0, y.Length - 1).Equals(ie.AsSpan(0, ie.Length - 2), StringComparison.OrdinalIgnoreCase);

    /// <summary>Optimal string alignment distance ≤ 1, case-insensitive.</summary>
    internal static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        int i = 0;
        while (i < a.Length && i < b.Length && char.ToLowerInvariant(a[i]) == char.ToLowerInvariant(b[i])) i++;
        if (i == a.Length && i == b.Length) return false; // equal
        var restA = a.AsSpan(i);
        var restB = b.AsSpan(i);
        if (a.Length == b.Length)
        {
            if (restA[1..].Equals(restB[1..], StringComparison.OrdinalIgnoreCase)) return true; // substitution
            return restA.Length >= 2 && char.ToLowerInvariant(restA[0]) == char.ToLowerInvariant(restB[1])
                && char.ToLowerInvariant(restA[1]) == char.ToLowerInvariant(restB[0])
                && restA[2..].Equals(restB[2..], StringComparison.OrdinalIgnoreCase); // transposition
        }
        return a.Length > b.Length
            ? restA[1..].Equals(restB, StringComparison.OrdinalIgnoreCase)
            : restA.Equals(restB[1..], StringComparison.OrdinalIgnoreCase);
    }
}
