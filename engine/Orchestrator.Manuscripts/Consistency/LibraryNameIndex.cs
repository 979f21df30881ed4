using System.Numerics;
using System.Runtime.CompilerServices;
using Orchestrator.Manuscripts.Reference;

namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// A library's names prepared for <see cref="LibraryNameCheck"/> once per <see cref="ReferenceFacts"/> (the store keeps
/// one per library version, so once per version, not per run): the exact forms, the folded forms, and for every name
/// long enough to be compared its length and a letter signature, so the edit distance is computed only for the few
/// names that can be within two edits.
/// </summary>
/// <remarks>
/// Both filters are exact: a name more letters longer or shorter than the bound is further than the bound, and each
/// edit changes at most two of the letter buckets present (a substitution removes one and adds one), so two names whose
/// signatures differ in more than twice the bound are further too. Candidates keep the library's order, so the nearest
/// name on ties is still the first written.
/// </remarks>
internal sealed class LibraryNameIndex
{
    private static readonly ConditionalWeakTable<ReferenceFacts, LibraryNameIndex> Built = new();

    private readonly NameFact[] _candidates;
    private readonly int[] _lengths;
    private readonly ulong[] _signatures;

    private LibraryNameIndex(ReferenceFacts library)
    {
        Exact = new HashSet<string>(library.Names.Select(n => n.Form), StringComparer.Ordinal);
        ByFold = new Dictionary<string, NameFact>(StringComparer.Ordinal);
        foreach (var name in library.Names) ByFold.TryAdd(NameDistance.Fold(name.Form), name);
        _candidates = library.Names.Where(n => n.Form.Length >= LibraryNameCheck.MinVariantLength).ToArray();
        _lengths = _candidates.Select(n => n.Form.Length).ToArray();
        _signatures = _candidates.Select(n => Signature(n.Form)).ToArray();
    }

    /// <summary>The index of <paramref name="library"/>, built on first use and kept as long as the facts are.</summary>
    public static LibraryNameIndex For(ReferenceFacts library) => Built.GetValue(library, l => new LibraryNameIndex(l));

    /// <summary>The library's names as written.</summary>
    public HashSet<string> Exact { get; }

    /// <summary>The library's names by folded form (<see cref="NameDistance.Fold"/>), the first written of each.</summary>
    public Dictionary<string, NameFact> ByFold { get; }

    /// <summary>The library name nearest to <paramref name="form"/> within two edits (the first written, on ties), or null; plurals are not near.</summary>
    public (NameFact? Match, int Distance) Nearest(string form)
    {
        NameFact? best = null;
        var bestDistance = 3;
        var signature = Signature(form);
        for (var i = 0; i < _candidates.Length; i++)
        {
            var bound = bestDistance - 1;
            if (Math.Abs(_lengths[i] - form.Length) > bound || BitOperations.PopCount(_signatures[i] ^ signature) > 2 * bound) continue;
            var candidate = _candidates[i];
            if (IsPlural(form, candidate.Form)) continue;
            var distance = NameDistance.Within(form, candidate.Form, bound);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
                if (distance == 1) break;
            }
        }
        return (best, bestDistance);
    }

    /// <summary>Which of 64 buckets the name's letters fall in, case folded as <see cref="NameDistance"/> compares them.</summary>
    private static ulong Signature(string form)
    {
        var bits = 0UL;
        foreach (var c in form) bits |= 1UL << (char.ToLowerInvariant(c) & 63);
        return bits;
    }

    private static bool IsPlural(string a, string b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return longer.Length == shorter.Length + 1 && longer[^1] == 's' && longer.StartsWith(shorter, StringComparison.Ordinal);
    }
}
