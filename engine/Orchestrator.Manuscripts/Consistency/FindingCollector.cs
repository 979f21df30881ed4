using Orchestrator.Engine.Findings;

namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// Gathers the findings of one run by rule and keeps the first <c>maxFindingsPerRule</c> of each (the checks add
/// them most telling first); the rest are counted in one summary finding per rule, so reports stay readable
/// while the metrics carry the full counts.
/// </summary>
internal sealed class FindingCollector(int maxPerRule, int textLength)
{
    private readonly Dictionary<string, List<Finding>> _byRule = new(StringComparer.Ordinal);

    public void Add(Finding finding)
    {
        if (!_byRule.TryGetValue(finding.Rule, out var list)) _byRule[finding.Rule] = list = [];
        list.Add(finding);
    }

    public int CountOf(string rule) => _byRule.TryGetValue(rule, out var list) ? list.Count : 0;

    /// <summary>The findings in rule order (<see cref="ConsistencyRules.All"/>), capped per rule.</summary>
    public List<Finding> Build()
    {
        var result = new List<Finding>();
        foreach (var rule in ConsistencyRules.All)
        {
            if (!_byRule.TryGetValue(rule, out var list)) continue;
            var kept = Math.Min(list.Count, maxPerRule);
            for (var i = 0; i < kept; i++) result.Add(list[i]);
            if (list.Count > kept)
            {
                var more = list.Count - kept;
                result.Add(new Finding(rule, Severity.Info,
                    $"{ConsistencyText.N0(more)} more {rule} finding{(more == 1 ? " is" : "s are")} not listed ({ConsistencyText.N0(list.Count)} in all).",
                    "Fix the ones listed first, then run the check again; the metrics carry the full counts.",
                    TextLocation.Whole(textLength)));
            }
        }
        return result;
    }
}
