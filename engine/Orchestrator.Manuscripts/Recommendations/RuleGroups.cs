namespace Orchestrator.Manuscripts.Recommendations;

/// <summary>
/// Groups consolidated findings by rule and ranks the groups (<see cref="RuleGroup"/>): one recommendation per problem,
/// each keeping its own findings in rank order so it can say where the worst of them are. Deterministic: members and
/// groups are ordered by rank, then by the pipeline's order.
/// </summary>
internal static class RuleGroups
{
    public static List<RuleGroup> Group(IEnumerable<RankedFinding> consolidated, int examples) =>
        consolidated
            .GroupBy(r => r.Finding.Rule, StringComparer.Ordinal)
            .Select(g => new RuleGroup(g.OrderByDescending(r => r.Finding.Location?.Chapter is not null).ThenByDescending(r => r.Rank).ThenBy(r => r.Order).ToList(), examples))
            .OrderByDescending(g => g.Rank).ThenBy(g => g.Order)
            .ToList();
}
