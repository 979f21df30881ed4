namespace Orchestrator.Library.Search;

/// <summary>
/// Reciprocal-rank fusion: each list gives an item 1/(<see cref="K"/> + rank) (rank from 1), the sums decide. It needs
/// no calibration between BM25 and cosine scores, and an item both lists rank well beats one only one list ranks first.
/// Ties keep the lexical list's order (then the item id), so the result is deterministic.
/// </summary>
internal static class RankFusion
{
    /// <summary>The usual constant (Cormack et al. 2009): it damps the weight of the very first ranks.</summary>
    public const int K = 60;

    public static IReadOnlyList<(long Id, double Score)> Fuse(IReadOnlyList<long> lexical, IReadOnlyList<long> vector, int take)
    {
        var scores = new Dictionary<long, (double Score, int Order)>();
        void Add(IReadOnlyList<long> ranked, int offset)
        {
            for (var i = 0; i < ranked.Count; i++)
            {
                var (score, order) = scores.GetValueOrDefault(ranked[i], (0, offset + i));
                scores[ranked[i]] = (score + 1.0 / (K + i + 1), Math.Min(order, offset + i));
            }
        }
        Add(lexical, 0);
        Add(vector, lexical.Count);
        return scores
            .OrderByDescending(p => p.Value.Score).ThenBy(p => p.Value.Order).ThenBy(p => p.Key)
            .Take(take)
            .Select(p => (p.Key, p.Value.Score))
            .ToArray();
    }
}
