using Orchestrator.Engine.Findings;
using static Orchestrator.Manuscripts.Consistency.ConsistencyText;
using static Orchestrator.Manuscripts.Text.NumberFormat;
using M = Orchestrator.Manuscripts.Consistency.ConsistencyMetrics;

namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// Spelling variants through the <see cref="VariantTable"/>: a family used with both spellings (each use of the
/// rarer one is a finding), and a convention some families follow and others not (one finding per family on the
/// rarer side). Ties go to the convention's majority, else to the book's majority of British or American forms
/// (older/modern pairs: the modern form).
/// </summary>
internal static class SpellingCheck
{
    /// <summary>Fewest uses of variant words for the "spelling is consistent" strength.</summary>
    internal const int StrengthMinUses = 10;

    private sealed record Usage(VariantFamily Family, int[] A, int[] B)
    {
        public int TotalA { get; } = A.Sum();
        public int TotalB { get; } = B.Sum();
        public int Total => TotalA + TotalB;
        public bool Mixed => TotalA > 0 && TotalB > 0;
    }

    /// <summary>Runs the check; returns the minority uses it found (family and convention).</summary>
    public static int Run(ConsistencyContext context)
    {
        var vocabulary = context.Vocabulary;
        var used = new List<Usage>();
        int british = 0, american = 0, uses = 0;
        foreach (var family in VariantTable.Families.Concat(VariantDiscovery.Find(vocabulary)))
        {
            var a = new int[family.Pairs.Count];
            var b = new int[family.Pairs.Count];
            var any = false;
            for (var i = 0; i < a.Length; i++)
            {
                a[i] = vocabulary.CountOf(family.Pairs[i].A);
                b[i] = vocabulary.CountOf(family.Pairs[i].B);
                any |= a[i] > 0 || b[i] > 0;
            }
            if (!any) continue;
            var usage = new Usage(family, a, b);
            used.Add(usage);
            uses += usage.Total;
            if (family.IsBritishAmerican)
            {
                british += usage.TotalA;
                american += usage.TotalB;
            }
        }

        // Each convention's majority: the side the most uses of the families follow (by each family's own majority).
        var conventionSide = new Dictionary<VariantClass, bool?>();
        foreach (var group in used.Where(u => u.Family.IsConvention).GroupBy(u => u.Family.Class))
        {
            int sideA = 0, sideB = 0;
            foreach (var u in group)
            {
                if (u.TotalA > u.TotalB) sideA += u.Total;
                else if (u.TotalB > u.TotalA) sideB += u.Total;
            }
            conventionSide[group.Key] = sideA == sideB ? null : sideA > sideB;
        }
        bool? bookSide = british == american ? null : british > american;

        var familyMinority = FamilyFindings(context, used, conventionSide, bookSide, out var mixedFamilies);
        var conventionMinority = ConventionFindings(context, used, out var mixedConventions);

        var metrics = context.Metrics;
        metrics[M.VariantWordUses] = uses;
        metrics[M.SpellingFamiliesMixed] = mixedFamilies;
        metrics[M.SpellingMinorityUses] = familyMinority;
        metrics[M.SpellingConventionsMixed] = mixedConventions;
        metrics[M.ConventionMinorityUses] = conventionMinority;
        metrics[M.BritishSpellings] = british;
        metrics[M.AmericanSpellings] = american;

        if (mixedFamilies > 0) context.Summary.Add($"{Count(mixedFamilies, "word")} spelt two ways ({Count(familyMinority, "rarer use")})");
        if (mixedConventions > 0) context.Summary.Add($"{Count(mixedConventions, "spelling convention")} mixed");
        if (mixedFamilies == 0 && mixedConventions == 0 && uses >= StrengthMinUses)
        {
            var variety = british > 0 && american == 0 ? " (British)" : american > 0 && british == 0 ? " (American)" : "";
            context.Findings.Add(new Finding(ConsistencyRules.Consistent, Severity.Info,
                $"Spelling is consistent{variety}: {Count(uses, "use")} of {Count(used.Count, "word")} with variant spellings, each always spelt the same way.",
                Location: TextLocation.Whole(context.Document.Text.Length), IsStrength: true));
        }
        return familyMinority + conventionMinority;
    }

    private static int FamilyFindings(ConsistencyContext context, List<Usage> used, Dictionary<VariantClass, bool?> conventionSide,
        bool? bookSide, out int mixedFamilies)
    {
        var mixed = used.Where(u => u.Mixed)
            .Select(u => (Usage: u, DominantA: DominantA(u, conventionSide, bookSide)))
            .OrderBy(x => (double)Math.Min(x.Usage.TotalA, x.Usage.TotalB) / x.Usage.Total)
            .ThenByDescending(x => x.Usage.Total)
            .ThenBy(x => x.Usage.Family.Name, StringComparer.Ordinal)
            .ToList();
        mixedFamilies = mixed.Count;
        var minorityUses = 0;
        foreach (var (usage, dominantA) in mixed)
        {
            var family = usage.Family;
            var (nameA, nameB) = VariantTable.SideNames(family.Class);
            var minorityCounts = dominantA ? usage.B : usage.A;
            var dominantCounts = dominantA ? usage.A : usage.B;
            var minorityTotal = minorityCounts.Sum();
            var dominantTotal = dominantCounts.Sum();
            var minorityName = dominantA ? nameB : nameA;
            var dominantName = dominantA ? nameA : nameB;
            var minorityForms = Forms(family, !dominantA, minorityCounts);
            var dominantForms = Forms(family, dominantA, dominantCounts);

            var wordUses = UsesOf(context, family, !dominantA);
            minorityUses += wordUses.Count;
            for (var k = 0; k < wordUses.Count; k++)
            {
                var (w, pair) = wordUses[k];
                context.CountWordIssue(w);
                if (k >= context.Options.MaxUsesPerVariant) continue;
                var text = context.WordText(w);
                var counterpart = MatchCase(dominantA ? family.Pairs[pair].A : family.Pairs[pair].B, text);
                var caveat = family.Confidence < 0.8 ? " Leave it where the word is used in another sense (an adjective, say)." : "";
                context.Findings.Add(ConsistencyRules.SpellingVariant, () => new Finding(ConsistencyRules.SpellingVariant,
                    family.IsBritishAmerican ? Severity.Warning : Severity.Suggestion,
                    $"{Q(text)} is the rarer spelling of {family.Name} in this book: {N0(minorityTotal)} {minorityName} " +
                    $"({minorityForms}) against {N0(dominantTotal)} {dominantName} ({dominantForms}).",
                    $"Write {Q(counterpart)} here, as in the rest of the book; or, if {Q(text)} is the spelling you want, change the other {N0(dominantTotal)}.{caveat}",
                    context.LocateWord(w), context.EvidenceOfWord(w), family.Confidence));
            }
        }
        return minorityUses;
    }

    private static int ConventionFindings(ConsistencyContext context, List<Usage> used, out int mixedConventions)
    {
        mixedConventions = 0;
        var minorityUses = 0;
        foreach (var group in used.Where(u => u.Family.IsConvention && u.TotalA != u.TotalB).GroupBy(u => u.Family.Class).OrderBy(g => g.Key))
        {
            var sideA = group.Where(u => u.TotalA > u.TotalB).ToList();
            var sideB = group.Where(u => u.TotalB > u.TotalA).ToList();
            if (sideA.Count == 0 || sideB.Count == 0) continue;
            mixedConventions++;
            int usesA = sideA.Sum(u => u.Total), usesB = sideB.Sum(u => u.Total);
            var majorityA = usesA != usesB ? usesA > usesB : sideA.Count >= sideB.Count;
            var majority = majorityA ? sideA : sideB;
            var minority = (majorityA ? sideB : sideA)
                .OrderByDescending(u => u.Total).ThenBy(u => u.Family.Name, StringComparer.Ordinal).ToList();
            var (nameA, nameB) = VariantTable.ConventionNames(group.Key);
            var majorityName = majorityA ? nameA : nameB;
            var minorityName = majorityA ? nameB : nameA;
            var majorityForms = TopForms(majority, majorityA, 5);
            var majorityUses = majority.Sum(u => majorityA ? u.TotalA : u.TotalB);

            foreach (var usage in minority)
            {
                var family = usage.Family;
                var counts = majorityA ? usage.B : usage.A;
                var wordUses = UsesOf(context, family, !majorityA);
                minorityUses += wordUses.Count;
                foreach (var (w, _) in wordUses) context.CountWordIssue(w);
                var (first, pair) = wordUses[0];
                var text = context.WordText(first);
                var counterpart = MatchCase(majorityA ? family.Pairs[pair].A : family.Pairs[pair].B, text);
                context.Findings.Add(ConsistencyRules.SpellingConvention, () => new Finding(ConsistencyRules.SpellingConvention, Severity.Suggestion,
                    $"{Q(text)} follows the {minorityName} spelling ({Forms(family, !majorityA, counts)}), while the book's other words " +
                    $"of this kind follow {majorityName} ({Count(majorityUses, "use")}: {majorityForms}).",
                    $"Spell it {Q(counterpart)} (and its other forms) to match, or bring the others to {minorityName}: one convention for the whole book.",
                    context.LocateWord(first), context.EvidenceOfWord(first), Math.Round(family.Confidence * 0.9, 2)));
            }
        }
        return minorityUses;
    }

    private static bool DominantA(Usage usage, Dictionary<VariantClass, bool?> conventionSide, bool? bookSide)
    {
        if (usage.TotalA != usage.TotalB) return usage.TotalA > usage.TotalB;
        var kind = usage.Family.Class;
        if (kind == VariantClass.Archaic) return false;
        if (conventionSide.TryGetValue(kind, out var side) && side is { } s) return s;
        return bookSide ?? true;
    }

    /// <summary>Word indices of the uses of one side of a family, in text order, with the pair each belongs to.</summary>
    private static List<(int Word, int Pair)> UsesOf(ConsistencyContext context, VariantFamily family, bool sideA)
    {
        var result = new List<(int, int)>();
        for (var i = 0; i < family.Pairs.Count; i++)
        {
            var entry = context.Vocabulary.Find(sideA ? family.Pairs[i].A : family.Pairs[i].B);
            foreach (var w in context.Vocabulary.Uses(entry)) result.Add((w, i));
        }
        result.Sort((x, y) => x.Item1.CompareTo(y.Item1));
        return result;
    }

    /// <summary>"colour ×10, colours ×2" for the forms of one side that occur, most used first.</summary>
    private static string Forms(VariantFamily family, bool sideA, int[] counts) =>
        string.Join(", ", counts.Select((n, i) => (Form: sideA ? family.Pairs[i].A : family.Pairs[i].B, N: n))
            .Where(x => x.N > 0)
            .OrderByDescending(x => x.N).ThenBy(x => x.Form, StringComparer.Ordinal)
            .Select(x => $"{x.Form} ×{N0(x.N)}"));

    /// <summary>The most used forms of one side over several families, "realize ×3, symbolize ×2, …".</summary>
    private static string TopForms(IEnumerable<Usage> usages, bool sideA, int max)
    {
        var forms = usages
            .SelectMany(u => (sideA ? u.A : u.B).Select((n, i) => (Form: sideA ? u.Family.Pairs[i].A : u.Family.Pairs[i].B, N: n)))
            .Where(x => x.N > 0)
            .OrderByDescending(x => x.N).ThenBy(x => x.Form, StringComparer.Ordinal)
            .ToList();
        var shown = string.Join(", ", forms.Take(max).Select(x => $"{x.Form} ×{N0(x.N)}"));
        return forms.Count > max ? shown + ", …" : shown;
    }

    /// <summary>The replacement with the capitals of the word it replaces (Colour → Color, COLOUR → COLOR).</summary>
    internal static string MatchCase(string replacement, string original)
    {
        if (original.Length == 0 || replacement.Length == 0) return replacement;
        if (original.Length > 1 && original.All(c => !char.IsLetter(c) || char.IsUpper(c))) return replacement.ToUpperInvariant();
        return char.IsUpper(original[0]) ? char.ToUpperInvariant(replacement[0]) + replacement[1..] : replacement;
    }
}
