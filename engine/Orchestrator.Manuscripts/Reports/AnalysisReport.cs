using Orchestrator.Engine.Findings;

namespace Orchestrator.Manuscripts.Reports;

/// <summary>
/// The report of one session, as written to report.json. Its shape is part of the interface
/// (documented in docs/report.md); bump <see cref="SchemaVersion"/> when it changes incompatibly.
/// Timings live in <see cref="Timings"/> and per-node <c>durationMs</c>, so two runs of the same
/// input compare equal once those are removed.
/// </summary>
public sealed record AnalysisReport
{
    public int SchemaVersion { get; init; } = 1;
    public required string Session { get; init; }
    public required string Status { get; init; }
    public required string StopReason { get; init; }
    public required int Iterations { get; init; }
    public required PipelineInfo Pipeline { get; init; }
    public required ManuscriptInfo Manuscript { get; init; }
    public required RequirementsInfo Requirements { get; init; }
    public required QualityInfo Quality { get; init; }
    public required IReadOnlyList<NodeReport> Nodes { get; init; }
    public required TimingInfo Timings { get; init; }
}

public sealed record PipelineInfo(string Name, int Version, string? Path);

public sealed record ManuscriptInfo(string Title, string? Path, string ContentHash, string Encoding, int Words, int Chapters, int Parts, int Scenes, int Paragraphs, int Sentences);

public sealed record RequirementsInfo(string? Genre, int? TargetLength, IReadOnlyList<string> Themes);

/// <summary>Overall score, coverage (share of nodes that succeeded), confidence, and each node's score, weight and explanation.</summary>
public sealed record QualityInfo(double Overall, double Coverage, double Confidence, IReadOnlyDictionary<string, NodeQualityInfo> Nodes);

public sealed record NodeQualityInfo(double? Score, double Weight, string? Explanation);

public sealed record NodeReport
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required string Status { get; init; }
    public required int Attempts { get; init; }
    public double? Score { get; init; }
    public double Weight { get; init; }
    public string? Summary { get; init; }
    public string? Error { get; init; }
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Series { get; init; } = new Dictionary<string, IReadOnlyList<double>>();
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Labels { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public IReadOnlyList<Finding> Findings { get; init; } = [];
    public double DurationMs { get; init; }
}

/// <summary>Wall-clock facts of the run; excluded when comparing two reports.</summary>
public sealed record TimingInfo(DateTimeOffset StartedAt, double DurationMs, IReadOnlyList<NodeTiming> NodeStatistics);

public sealed record NodeTiming(string Node, int Runs, int Successes, int Failures, int Timeouts, int Retries, double MinMs, double MeanMs, double MaxMs);
