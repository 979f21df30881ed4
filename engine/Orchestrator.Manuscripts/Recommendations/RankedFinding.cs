using Orchestrator.Engine.Findings;

namespace Orchestrator.Manuscripts.Recommendations;

/// <summary>A finding with where it came from and its rank, while the recommendations are consolidated.</summary>
internal sealed record RankedFinding(Finding Finding, string Source, double SourceScore, int Order)
{
    /// <summary>How often the same observation was made (duplicates and overlaps folded into this one).</summary>
    public int Occurrences { get; set; } = 1;

    public List<string> AlsoFlaggedBy { get; } = [];

    public double Rank => RecommendationRanking.Rank(Finding, SourceScore, Occurrences);
}
