namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// Spelling families the <see cref="VariantTable"/> does not list but a book shows itself: a word and its other spelling
/// both used in the same text — -ise/-ize (prioritise/prioritize), -our/-or (armour/armor), ae/e (archaeology/archeology).
/// Only pairs whose two spellings both occur are made, so no dictionary is needed and a word spelt one way throughout
/// ("advise", "four") is never a variant. Found from the book's vocabulary, once per run.
/// </summary>
internal static class VariantDiscovery
{
    private static readonly string[] IseSuffixes = ["e", "es", "ed", "ing", "er", "ers", "ation", "ations", "able"];
    private static readonly string[] OurSuffixes = ["", "s", "ed", "ing", "er", "ers", "able", "al", "ful", "less", "ite", "ites", "y"];

    /// <summary>Forms the table already covers, so a book's pair is not reported twice.</summary>
    private static readonly HashSet<string> Listed =
        VariantTable.Families.SelectMany(f => f.Pairs).SelectMany(p => new[] { p.A, p.B }).ToHashSet(StringComparer.Ordinal);

    public static List<VariantFamily> Find(Vocabulary vocabulary)
    {
        var found = new List<VariantFamily>();
        var roots = new HashSet<string>(StringComparer.Ordinal);
        for (var e = 0; e < vocabulary.Count; e++)
        {
            var key = vocabulary.KeyOf(e);
            // Only keys with one of the three shapes are worth a closer look; most words leave here without work.
            if (key.Length < 5 || (key.IndexOf("is", StringComparison.Ordinal) < 0 && key.IndexOf("our", StringComparison.Ordinal) < 0
                && key.IndexOf("ae", StringComparison.Ordinal) < 0) || Listed.Contains(key)) continue;
            Ise(vocabulary, key, roots, found);
            Our(vocabulary, key, roots, found);
            Ae(vocabulary, key, roots, found);
        }
        return found;
    }

    private static void Ise(Vocabulary vocabulary, string key, HashSet<string> roots, List<VariantFamily> found)
    {
        foreach (var suffix in IseSuffixes)
        {
            if (!EndsWith(key, "is", suffix)) continue;
            var root = key[..^(suffix.Length + 2)];
            if (root.Length < 3 || !root.All(char.IsLetter) || !roots.Add("ise:" + root)) return;
            AddIfBoth(vocabulary, VariantClass.IseIze, IseSuffixes.Select(s => (root + "is" + s, root + "iz" + s)), found);
            return;
        }
    }

    private static void Our(Vocabulary vocabulary, string key, HashSet<string> roots, List<VariantFamily> found)
    {
        foreach (var suffix in OurSuffixes)
        {
            if (!EndsWith(key, "our", suffix)) continue;
            var stem = key[..^(suffix.Length + 3)];
            if (stem.Length < 3 || !stem.All(char.IsLetter) || !roots.Add("our:" + stem)) return;
            AddIfBoth(vocabulary, VariantClass.OurOr, OurSuffixes.Select(s => (stem + "our" + s, stem + "or" + s)), found);
            return;
        }
    }

    /// <summary><paramref name="key"/> ends with <paramref name="infix"/> then <paramref name="suffix"/> (no string is made).</summary>
    private static bool EndsWith(string key, string infix, string suffix) =>
        key.Length > infix.Length + suffix.Length
        && key.AsSpan().EndsWith(suffix)
        && key.AsSpan(0, key.Length - suffix.Length).EndsWith(infix);

    private static void Ae(Vocabulary vocabulary, string key, HashSet<string> roots, List<VariantFamily> found)
    {
        var at = key.IndexOf("ae", StringComparison.Ordinal);
        if (at < 0 || key.Length < 6 || !key.All(char.IsLetter) || !roots.Add("ae:" + key)) return;
        AddIfBoth(vocabulary, VariantClass.AeOe, [(key, key[..at] + key[(at + 1)..])], found);
    }

    /// <summary>Adds the family when some form of it is used with each spelling.</summary>
    private static void AddIfBoth(Vocabulary vocabulary, VariantClass kind, IEnumerable<(string A, string B)> pairs, List<VariantFamily> found)
    {
        var list = pairs.Where(p => !Listed.Contains(p.A) && !Listed.Contains(p.B)).ToArray();
        if (list.Length == 0) return;
        if (!list.Any(p => vocabulary.CountOf(p.A) > 0) || !list.Any(p => vocabulary.CountOf(p.B) > 0)) return;
        var head = list.FirstOrDefault(p => vocabulary.CountOf(p.A) > 0 || vocabulary.CountOf(p.B) > 0);
        found.Add(new VariantFamily($"{head.A}/{head.B}", kind, list, 0.8));
    }
}
