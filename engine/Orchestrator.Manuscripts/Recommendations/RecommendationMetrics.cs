namespace Orchestrator.Manuscripts.Recommendations;

/// <summary>Metric names of the <c>recommendations</c> node. Its findings keep the rule ids of the nodes they came from.</summary>
public static class RecommendationMetrics
{
    public const string FindingsIn = "findingsIn";
    public const string Consolidated = "consolidated";
    public const string DuplicatesRemoved = "duplicatesRemoved";
    public const string OverlapsMerged = "overlapsMerged";
    public const string Problems = "problems";
    public const string Warnings = "warnings";
    public const string Suggestions = "suggestions";
    public const string Strengths = "strengths";
    public const string SourceNodes = "sourceNodes";
    public const string MeanSourceScore = "meanSourceScore";

    /// <summary>Recommendations after the findings of each rule are grouped into one.</summary>
    public const string Groups = "groups";

    /// <summary>Series: consolidated recommendations per chapter (Labels["chapters"]).</summary>
    public const string PerChapter = "recommendationsPerChapter";

    public static readonly IReadOnlyCollection<string> Declared =
        [FindingsIn, Consolidated, DuplicatesRemoved, OverlapsMerged, Problems, Warnings, Suggestions, Strengths, SourceNodes, MeanSourceScore, Groups];
}
