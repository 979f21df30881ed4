using Orchestrator.Engine.Findings;

namespace Orchestrator.Manuscripts.Recommendations;

/// <summary>
/// rank = severity × impact × confidence. Severity: Problem 1.0, Warning 0.6, Suggestion 0.3, Info 0.1.
/// Impact: 0.75 + 0.25 × (1 − score of the node that found it) — a finding from an area that scored
/// badly matters more, while severity still dominates — times 1.25 for a whole-book finding (no chapter: it touches every page), plus
/// a little for repetition (log2 of the occurrences folded into it, × 0.1). Confidence: the finding's own.
/// </summary>
internal static class RecommendationRanking
{
    public static double Rank(Finding finding, double sourceScore, int occurrences)
    {
        var severity = finding.Severity switch
        {
            Severity.Problem => 1.0,
            Severity.Warning => 0.6,
            Severity.Suggestion => 0.3,
            _ => 0.1,
        };
        var impact = 0.75 + 0.25 * (1 - Math.Clamp(sourceScore, 0, 1));
        if (finding.Location?.Chapter is null) impact *= 1.25;
        impact *= 1 + 0.1 * Math.Log2(Math.Max(1, occurrences));
        return severity * impact * Math.Clamp(finding.Confidence, 0, 1);
    }
}
