using Orchestrator.Engine.Findings;
using static Orchestrator.Manuscripts.Consistency.ConsistencyText;
using static Orchestrator.Manuscripts.Text.NumberFormat;
using M = Orchestrator.Manuscripts.Consistency.ConsistencyMetrics;

namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// The same word capitalised in some mid-sentence uses and not in others (Heaven/heaven, the Captain/the
/// captain). Capitalised uses count only where <see cref="WordScan"/> marks them eligible (not at a sentence or
/// quotation start, not next to another capitalised word, not a function word, month, day, compass point,
/// God/Lord, or a given name that is also a word). A word is flagged when it has at least
/// <c>capitalisationMinUses</c> uses in all and the rarer casing is at most <c>capitalisationMaxShare</c> of them:
/// an even split is two senses (a name and a word), not a slip. Where the capital is the usual form (the King,
/// the Rabbit), a lower-case use after an indefinite determiner (a king, any rabbit, a large blue caterpillar) is the
/// generic noun and does not count.
/// </summary>
internal static class CapitalisationCheck
{
    private const double Confidence = 0.6;

    /// <summary>Lower-case uses of an entry that are not generic (<see cref="IsGeneric"/>).</summary>
    private static int SpecificLowerUses(ConsistencyContext context, int entry)
    {
        var count = 0;
        foreach (var w in context.Vocabulary.Uses(entry))
            if ((context.Words.Flags(w) & WordFlags.Lower) != 0 && !IsGeneric(context, w)) count++;
        return count;
    }

    /// <summary>
    /// True when an indefinite determiner (a, an, any, every...) stands before word <paramref name="w"/>, directly or
    /// across up to two lower-case words with only white space between (a large blue caterpillar).
    /// </summary>
    private static bool IsGeneric(ConsistencyContext context, int w)
    {
        var document = context.Document;
        var words = document.Words;
        var text = document.Text;
        for (var i = w - 1; i >= 0 && i >= w - 3; i--)
        {
            for (var c = words[i].Start + words[i].Length; c < words[i + 1].Start; c++)
                if (!char.IsWhiteSpace(text[c])) return false;
            var word = document.WordText(i);
            if (WordRoles.Indefinites.Contains(word)) return true;
            if (WordScan.Casing(word) != WordFlags.Lower) return false;
        }
        return false;
    }

    /// <summary>Runs the check; returns the minority uses.</summary>
    public static int Run(ConsistencyContext context)
    {
        var vocabulary = context.Vocabulary;
        var options = context.Options;
        var candidates = new List<(int Entry, string Key, int Capitalised, int Lower)>();
        for (var e = 0; e < vocabulary.Count; e++)
        {
            ref var entry = ref vocabulary[e];
            if (entry.CapitalisedEligible == 0 || entry.Lower == 0) continue;
            var lower = entry.CapitalisedEligible > entry.Lower ? SpecificLowerUses(context, e) : entry.Lower;
            var total = entry.CapitalisedEligible + lower;
            if (lower == 0 || total < options.CapitalisationMinUses) continue;
            if (Math.Min(entry.CapitalisedEligible, lower) > options.CapitalisationMaxShare * total) continue;
            var key = vocabulary.KeyOf(e);
            candidates.Add((e, key, entry.CapitalisedEligible, lower));
        }

        var minorityUses = 0;
        foreach (var (e, key, capitalised, lower) in candidates
                     .OrderBy(c => (double)Math.Min(c.Capitalised, c.Lower) / (c.Capitalised + c.Lower))
                     .ThenByDescending(c => c.Capitalised + c.Lower)
                     .ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            var capitalMinority = capitalised < lower;
            var wanted = capitalMinority ? WordFlags.CapitalisedEligible : WordFlags.Lower;
            var upperForm = char.ToUpperInvariant(key[0]) + key[1..];
            var (dominantForm, dominantCount, minorityCount) = capitalMinority ? (key, lower, capitalised) : (upperForm, capitalised, lower);
            var k = 0;
            foreach (var w in vocabulary.Uses(e))
            {
                if ((context.Words.Flags(w) & wanted) == 0 || (!capitalMinority && IsGeneric(context, w))) continue;
                minorityUses++;
                context.CountWordIssue(w);
                if (k++ >= options.MaxUsesPerVariant) continue;
                var text = context.WordText(w);
                var message = capitalMinority
                    ? $"{Q(text)} is capitalised here, but {Q(key)} is lower-case in {Count(lower, "other use")} inside sentences " +
                      $"({N0(capitalised)} capitalised against {N0(lower)} lower-case)."
                    : $"{Q(text)} is lower-case here, but {Q(upperForm)} is capitalised in {Count(capitalised, "other use")} inside sentences " +
                      $"({N0(lower)} lower-case against {N0(capitalised)} capitalised).";
                context.Findings.Add(ConsistencyRules.CapitalisationMixed, () => new Finding(ConsistencyRules.CapitalisationMixed, Severity.Suggestion, message,
                    $"Write {Q(dominantForm)} as in the {N0(dominantCount)} other uses, unless the {(capitalMinority ? "capital" : "lower case")} marks a " +
                    $"different sense here (a title, a name, a personification); then check the other {Count(minorityCount - 1, "use")} of this casing.",
                    context.LocateWord(w), context.EvidenceOfWord(w), Confidence));
            }
        }
        context.Metrics[M.CapitalisationWords] = candidates.Count;
        context.Metrics[M.CapitalisationMinorityUses] = minorityUses;
        if (candidates.Count > 0) context.Summary.Add($"{Count(candidates.Count, "word")} capitalised inconsistently");
        return minorityUses;
    }
}
