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

    /// <summary>How the iterations went: why it stopped, the quality of each iteration, escalations, suggestions, revisions.</summary>
    public RunInfo Run { get; init; } = RunInfo.Empty;
    public required TimingInfo Timings { get; init; }
}

public sealed record PipelineInfo(string Name, int Version, string? Path);

/// <param name="Metadata">A Markdown manuscript's front matter (title, author...); null when it has none.</param>
public sealed record ManuscriptInfo(string Title, string? Path, string ContentHash, string Encoding, int Words, int Chapters, int Parts, int Scenes, int Paragraphs, int Sentences,
    IReadOnlyDictionary<string, string>? Metadata = null);

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

/// <summary>The iteration loop's account: deterministic for a given input and pipeline (timings live in <see cref="TimingInfo"/>).</summary>
/// <param name="StopCode">The iteration controller's reason (QualityThreshold, NothingToRun, Plateau...); null when cancelled or failed.</param>
/// <param name="Iterations">Quality after each iteration, and its change.</param>
/// <param name="Suggestions">What to change for failures that will not be retried.</param>
/// <param name="Escalations">Timeouts raised and options escalated between iterations.</param>
/// <param name="Revision">What revising nodes changed in the text; null when nothing did.</param>
public sealed record RunInfo(
    string? StopCode,
    IReadOnlyList<IterationQuality> Iterations,
    IReadOnlyList<string> Suggestions,
    IReadOnlyList<string> Escalations,
    RevisionInfo? Revision)
{
    public static RunInfo Empty { get; } = new(null, [], [], [], null);
}

public sealed record IterationQuality(int Iteration, double Quality, double? Delta);

/// <summary>The revision of the text over the session: edits by rule, and where the revised copy and its diff are.</summary>
/// <param name="Edits">Edits applied, by rule, over every iteration this process ran (a resumed session counts those since the resume).</param>
/// <param name="RevisedFile">The revised copy's file name, next to the report (set when the files are written).</param>
/// <param name="DiffFile">The unified diff's file name, next to the report.</param>
public sealed record RevisionInfo(string FromHash, string ToHash, IReadOnlyDictionary<string, int> Edits, string? RevisedFile = null, string? DiffFile = null);

/// <summary>Wall-clock facts of the run, and what ran and why, over every process that drove the session.</summary>
/// <param name="NodeStatistics">Per node: its runs over the whole session, with their durations.</param>
/// <param name="Iterations">Per iteration: duration, actions run, failures, retries (a resumed iteration counts what ran before the cut too).</param>
/// <param name="Decisions">Per iteration planned: what ran and why, what did not and why.</param>
public sealed record TimingInfo(DateTimeOffset StartedAt, double DurationMs, IReadOnlyList<NodeTiming> NodeStatistics)
{
    public IReadOnlyList<IterationTiming> Iterations { get; init; } = [];
    public IReadOnlyList<DecisionSummary> Decisions { get; init; } = [];
}

public sealed record IterationTiming(int Iteration, double DurationMs, int ActionsRun, int Failures, int Retries, int Skipped);

/// <summary>One iteration's plan in brief: chosen nodes with their reasons, filtered nodes with theirs.</summary>
public sealed record DecisionSummary(int Iteration, IReadOnlyList<string> Chosen, IReadOnlyList<string> Filtered, bool SelectedByRule);

public sealed record NodeTiming(string Node, int Runs, int Successes, int Failures, int Timeouts, int Retries, double MinMs, double MeanMs, double MaxMs);
