using Orchestrator.Engine.Findings;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// Gathers the findings of one run by rule and keeps the first <c>maxFindingsPerRule</c> of each (the checks add
/// them most telling first); the rest are only counted, in one summary finding per rule, so reports stay readable
/// while the metrics carry the full counts. A finding past the cap is never built (no evidence quote is cut for it).
/// </summary>
internal sealed class FindingCollector(int maxPerRule, int textLength)
{
    private readonly Dictionary<string, (List<Finding> Kept, int Total)> _byRule = new(StringComparer.Ordinal);

    public void Add(Finding finding) => Add(finding.Rule, () => finding);

    /// <summary>Counts a finding of <paramref name="rule"/>; builds and keeps it only while the rule is under the cap.</summary>
    public void Add(string rule, Func<Finding> make)
    {
        var (kept, total) = _byRule.TryGetValue(rule, out var existing) ? existing : ([], 0);
        if (kept.Count < maxPerRule) kept.Add(make());
        _byRule[rule] = (kept, total + 1);
    }

    /// <summary>Findings of a rule, kept or not.</summary>
    public int CountOf(string rule) => _byRule.TryGetValue(rule, out var entry) ? entry.Total : 0;

    /// <summary>The findings in rule order (<see cref="ConsistencyRules.All"/>), capped per rule.</summary>
    public List<Finding> Build()
    {
        var result = new List<Finding>();
        foreach (var rule in ConsistencyRules.All)
        {
            if (!_byRule.TryGetValue(rule, out var entry)) continue;
            result.AddRange(entry.Kept);
            var more = entry.Total - entry.Kept.Count;
            if (more > 0)
            {
                result.Add(new Finding(rule, Severity.Info,
                    $"{NumberFormat.N0(more)} more {rule} finding{(more == 1 ? " is" : "s are")} not listed ({NumberFormat.N0(entry.Total)} in all).",
                    "Fix the ones listed first, then run the check again; the metrics carry the full counts.",
                    TextLocation.Whole(textLength)));
            }
        }
        return result;
    }
}
