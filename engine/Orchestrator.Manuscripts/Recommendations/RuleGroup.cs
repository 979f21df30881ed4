using System.Globalization;
using Orchestrator.Engine.Findings;

namespace Orchestrator.Manuscripts.Recommendations;

/// <summary>
/// The consolidated findings of one rule, best-ranked first: one recommendation. Its rank is the best finding's, a little
/// more for a rule that fires often (log2 of the findings, × 0.1, as repetition counts elsewhere in the ranking).
/// </summary>
internal sealed class RuleGroup(IReadOnlyList<RankedFinding> members, int examples)
{
    public RankedFinding Best => members[0];

    public int Count => members.Count;

    public int Order => Best.Order;

    public double Rank => Best.Rank * (1 + 0.1 * Math.Log2(Math.Max(1, members.Sum(m => m.Occurrences))));

    /// <summary>
    /// The best finding as presented, and for a group of several, how many there are and where the worst of them are:
    /// "… — 1 of 20 style.sentence.long findings; the worst at chapter 3 ¶12, chapter 9 ¶4 (+15 more)".
    /// </summary>
    public Finding Present(Finding best)
    {
        if (members.Count == 1) return best;
        // A node's whole-book summary of the same rule ("231 in all") rides along but is not one of the findings counted.
        var all = members.Where(m => m.Finding.Location?.Chapter is not null).ToArray();
        var count = all.Length > 1 ? all.Length : members.Count;
        var located = all.Take(examples).Select(m => Where(m.Finding.Location!)).ToArray();
        var rest = all.Length - located.Length;
        var where = located.Length == 0 ? ""
            : $"; the worst at {string.Join(", ", located)}{(rest > 0 ? $" (+{rest.ToString(CultureInfo.InvariantCulture)} more)" : "")}";
        return best with
        {
            Message = $"{best.Message} — 1 of {count.ToString(CultureInfo.InvariantCulture)} {best.Rule} findings{where}.",
        };
    }

    private static string Where(TextLocation location) =>
        location.Paragraph is { } p
            ? $"chapter {location.Chapter!.Value.ToString(CultureInfo.InvariantCulture)} ¶{p.ToString(CultureInfo.InvariantCulture)}"
            : $"chapter {location.Chapter!.Value.ToString(CultureInfo.InvariantCulture)}";
}
