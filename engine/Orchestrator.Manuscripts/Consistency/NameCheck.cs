using Orchestrator.Engine.Findings;
using static Orchestrator.Manuscripts.Consistency.ConsistencyText;
using M = Orchestrator.Manuscripts.Consistency.ConsistencyMetrics;

namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// Character-name near misses (Katherine/Catherine, Elisabeth/Elizabeth): names one Damerau–Levenshtein edit apart,
/// the rarer flagged against the common one.
/// </summary>
/// <remarks>
/// A name is a word of letters only, at least <c>nameMinLength</c> long, capitalised inside a sentence at least once
/// and never written in lower case in the book (so pairs of ordinary words, There/Where, Heaven/Heavens, are never
/// names). Places and peoples (Rhine/Rhone, Germany/German) are kept out by asking for a person: the common name
/// must be used as one at least <see cref="MinPersonUses"/> times (after a title, Mr Darcy, Captain Ahab; in a dialogue
/// tag, said Holmes, Holmes replied; or as the subject of a past-tense verb, Ahab went; see
/// <see cref="VocabularyEntry.Person"/>). The common name needs <c>nameMinMentions</c> mentions and
/// <c>nameMinRatio</c> times the rare one's.
/// Plurals (Bennet/Bennets, Frenchman/Frenchmen; possessives are already folded in) and -a/-an demonyms (America/American,
/// Russia/Russian) are not near misses. Candidate pairs come from hashing every name with each letter deleted
/// (two names one edit apart share such a key), then are checked exactly, so the cost grows with the number of
/// names, not its square.
/// </remarks>
internal static class NameCheck
{
    private const double Confidence = 0.6;

    /// <summary>Uses as a person the common name of a pair needs.</summary>
    internal const int MinPersonUses = 2;

    private sealed record Name(int Entry, string Key, int Mentions, int Person);

    /// <summary>Runs the check; returns the uses of the rarer names.</summary>
    public static int Run(ConsistencyContext context)
    {
        var names = Candidates(context);
        var pairs = Pairs(names, context.Options);
        var rareUses = 0;
        var vocabulary = context.Vocabulary;
        foreach (var (rare, common) in pairs)
        {
            var rareForm = Display(rare.Key);
            var commonForm = Display(common.Key);
            var k = 0;
            foreach (var w in vocabulary.Uses(rare.Entry))
            {
                if ((context.Words.Flags(w) & WordFlags.Capitalised) == 0) continue;
                rareUses++;
                context.CountWordIssue(w);
                if (k++ >= context.Options.MaxUsesPerVariant) continue;
                context.Findings.Add(ConsistencyRules.NameNearMiss, () => new Finding(ConsistencyRules.NameNearMiss, Severity.Warning,
                    $"{Q(rareForm)} ({Count(rare.Mentions, "mention")}) is one letter away from {Q(commonForm)} ({Count(common.Mentions, "mention")}): " +
                    "if they are the same character, one spelling is a slip.",
                    $"If it is the same person, write {Q(commonForm)} here" +
                    (rare.Mentions > 1 ? $" and in the other {Count(rare.Mentions - 1, "place")}" : "") +
                    "; if they are different people, consider names that differ more, so readers keep them apart.",
                    context.LocateWord(w), context.EvidenceOfWord(w), Confidence));
            }
        }
        context.Metrics[M.NameNearMisses] = pairs.Count;
        context.Metrics[M.NameNearMissUses] = rareUses;
        if (pairs.Count > 0) context.Summary.Add($"{Count(pairs.Count, "name")} one letter from another");
        return rareUses;
    }

    private static List<Name> Candidates(ConsistencyContext context)
    {
        var vocabulary = context.Vocabulary;
        var minLength = context.Options.NameMinLength;
        var names = new List<Name>();
        for (var e = 0; e < vocabulary.Count; e++)
        {
            ref var entry = ref vocabulary[e];
            if (entry.Lower > 0 || entry.CapitalisedInside == 0 || (entry.Role & WordRole.Letters) == 0) continue;
            var key = vocabulary.KeyOf(e);
            if (key.Length < minLength) continue;
            names.Add(new Name(e, key, entry.Capitalised, entry.Person));
        }
        return names;
    }

    private static List<(Name Rare, Name Common)> Pairs(List<Name> names, ConsistencyOptions options)
    {
        var keys = new List<(ulong Hash, int Name)>(names.Count * 9);
        for (var n = 0; n < names.Count; n++)
        {
            var key = names[n].Key;
            keys.Add((Hash(key, -1), n));
            for (var i = 0; i < key.Length; i++) keys.Add((Hash(key, i), n));
        }
        keys.Sort();

        var found = new HashSet<(int Rare, int Common)>();
        for (var start = 0; start < keys.Count;)
        {
            var end = start + 1;
            while (end < keys.Count && keys[end].Hash == keys[start].Hash) end++;
            for (var x = start; x < end; x++)
            for (var y = x + 1; y < end; y++)
            {
                int a = keys[x].Name, b = keys[y].Name;
                if (a == b) continue;
                var (rare, common) = names[a].Mentions < names[b].Mentions || (names[a].Mentions == names[b].Mentions && a > b) ? (a, b) : (b, a);
                if (IsNearMiss(names[rare], names[common], options)) found.Add((rare, common));
            }
            start = end;
        }
        return found
            .Select(p => (Rare: names[p.Rare], Common: names[p.Common]))
            .OrderByDescending(p => p.Common.Mentions)
            .ThenBy(p => p.Common.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Rare.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsNearMiss(Name rare, Name common, ConsistencyOptions options)
    {
        if (common.Mentions < options.NameMinMentions || common.Mentions < options.NameMinRatio * rare.Mentions) return false;
        if (common.Person < MinPersonUses) return false;
        var (shorter, longer) = rare.Key.Length <= common.Key.Length ? (rare.Key, common.Key) : (common.Key, rare.Key);
        if (longer.Length == shorter.Length + 1 && longer.StartsWith(shorter, StringComparison.Ordinal)
            && (longer[^1] == 's' || (longer[^1] == 'n' && shorter[^1] == 'a')))
            return false;
        if (longer.Length == shorter.Length && longer.Length > 3 && longer.AsSpan(0, longer.Length - 2).SequenceEqual(shorter.AsSpan(0, shorter.Length - 2))
            && (longer.EndsWith("man", StringComparison.Ordinal) || longer.EndsWith("men", StringComparison.Ordinal))
            && (shorter.EndsWith("man", StringComparison.Ordinal) || shorter.EndsWith("men", StringComparison.Ordinal)))
            return false;
        return EditDistance.IsOne(rare.Key, common.Key);
    }

    /// <summary>FNV-1a of the key with the letter at <paramref name="skip"/> left out (none when -1).</summary>
    private static ulong Hash(string key, int skip)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < key.Length; i++)
        {
            if (i == skip) continue;
            hash = (hash ^ key[i]) * 1099511628211UL;
        }
        return hash;
    }

    private static string Display(string key) => char.ToUpperInvariant(key[0]) + key[1..];
}
