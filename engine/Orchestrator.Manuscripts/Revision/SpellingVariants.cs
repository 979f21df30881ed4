using System.Collections.Frozen;
using Orchestrator.Manuscripts.Consistency;

namespace Orchestrator.Manuscripts.Revision;

/// <summary>
/// Every spelling of the <see cref="VariantTable"/> (the table the <c>consistency</c> node reads, so what the revision
/// changes is exactly what that node reports) in one case-insensitive frozen map, asked with a span.
/// </summary>
internal static class SpellingVariants
{
    /// <summary>
    /// Spellings that are also another word, so they are never rewritten, only counted: "learned" (the adjective, "a
    /// learned man"), "smelt" (to smelt ore; the fish), "spelt" (the grain). Their counterparts (learnt, smelled,
    /// spelled) are rewritten when the other side dominates, because those have no second sense.
    /// </summary>
    public static readonly FrozenSet<string> Protected =
        new[] { "learned", "smelt", "spelt" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, VariantForm> Map = Build();
    private static readonly FrozenDictionary<string, VariantForm>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Map.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The shortest and longest spelling, to skip most words without a lookup.</summary>
    public static int MinLength { get; } = Map.Keys.Min(k => k.Length);
    public static int MaxLength { get; } = Map.Keys.Max(k => k.Length);

    public static bool TryFind(ReadOnlySpan<char> word, out VariantForm form) => Lookup.TryGetValue(word, out form);

    private static FrozenDictionary<string, VariantForm> Build()
    {
        var map = new Dictionary<string, VariantForm>(StringComparer.OrdinalIgnoreCase);
        var families = VariantTable.Families;
        for (var f = 0; f < families.Count; f++)
        {
            var pairs = families[f].Pairs;
            for (var p = 0; p < pairs.Count; p++)
            {
                // A spelling listed twice (equalled is in two families) keeps its first family.
                map.TryAdd(pairs[p].A, new VariantForm(f, p, true));
                map.TryAdd(pairs[p].B, new VariantForm(f, p, false));
            }
        }
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
