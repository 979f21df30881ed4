using MessagePack;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;

namespace Orchestrator.Engine.State;

/// <summary>
/// The persisted copy of a <see cref="NodeResult"/>: score, summary, metrics, findings, series and labels.
/// A dedicated type so that the engine's public <see cref="NodeResult"/> can change shape without
/// changing the format on disk; <see cref="From"/> and <see cref="ToNodeResult"/> convert.
/// </summary>
/// <remarks>MessagePack keys are frozen: add new keys at the end, never reuse or renumber one.</remarks>
[MessagePackObject]
public sealed record NodeResultState
{
    [Key(0)] public double Score { get; init; }
    [Key(1)] public string Summary { get; init; } = "";
    [Key(2)] public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
    [Key(3)] public IReadOnlyList<FindingState> Findings { get; init; } = [];
    [Key(4)] public IReadOnlyDictionary<string, IReadOnlyList<double>> Series { get; init; } = new Dictionary<string, IReadOnlyList<double>>();
    [Key(5)] public IReadOnlyDictionary<string, IReadOnlyList<string>> Labels { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The revision edits (added after format version 1's first snapshots: absent in them, which reads as none).</summary>
    [Key(6)] public IReadOnlyList<TextEditState> Edits { get; init; } = [];

    /// <summary>A deep copy of <paramref name="result"/> (collections are copied, so later changes to the source do not leak in).</summary>
    public static NodeResultState From(NodeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new NodeResultState
        {
            Score = result.Score,
            Summary = result.Summary,
            Metrics = new Dictionary<string, double>(result.Metrics, StringComparer.Ordinal),
            Findings = result.Findings.Select(FindingState.From).ToArray(),
            Series = result.Series.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value.ToArray(), StringComparer.Ordinal),
            Labels = result.Labels.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.ToArray(), StringComparer.Ordinal),
            Edits = result.Edits.Select(e => new TextEditState { Offset = e.Offset, Length = e.Length, Replacement = e.Replacement, Rule = e.Rule }).ToArray(),
        };
    }

    public NodeResult ToNodeResult() => new()
    {
        Score = Score,
        Summary = Summary,
        Metrics = new Dictionary<string, double>(Metrics, StringComparer.Ordinal),
        Findings = Findings.Select(f => f.ToFinding()).ToArray(),
        Series = Series.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value.ToArray(), StringComparer.Ordinal),
        Labels = Labels.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.ToArray(), StringComparer.Ordinal),
        Edits = (Edits ?? []).Select(e => new TextEdit(e.Offset, e.Length, e.Replacement, e.Rule)).ToArray(),
    };

    public bool Equals(NodeResultState? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            Score.Equals(other.Score)
            && Summary == other.Summary
            && StateEquality.Maps(Metrics, other.Metrics)
            && StateEquality.Lists(Findings, other.Findings)
            && StateEquality.MapsOfLists(Series, other.Series)
            && StateEquality.MapsOfLists(Labels, other.Labels)
            && StateEquality.Lists(Edits ?? [], other.Edits ?? []));

    public override int GetHashCode() => HashCode.Combine(Score, Summary, Metrics?.Count, Findings?.Count);
}

/// <summary>The persisted copy of a <see cref="TextEdit"/>.</summary>
[MessagePackObject]
public sealed record TextEditState
{
    [Key(0)] public int Offset { get; init; }
    [Key(1)] public int Length { get; init; }
    [Key(2)] public required string Replacement { get; init; }
    [Key(3)] public required string Rule { get; init; }
}

/// <summary>The persisted copy of a <see cref="Finding"/>.</summary>
/// <remarks>MessagePack keys are frozen: add new keys at the end, never reuse or renumber one.
/// <see cref="Severity"/> is stored by its number (MessagePack) and its name (JSON); both are fixed in the engine.</remarks>
[MessagePackObject]
public sealed record FindingState
{
    [Key(0)] public required string Rule { get; init; }
    [Key(1)] public Severity Severity { get; init; }
    [Key(2)] public required string Message { get; init; }
    [Key(3)] public string? Suggestion { get; init; }
    [Key(4)] public TextLocationState? Location { get; init; }
    [Key(5)] public string? Evidence { get; init; }
    [Key(6)] public double Confidence { get; init; } = 1.0;
    [Key(7)] public bool IsStrength { get; init; }

    public static FindingState From(Finding finding) => new()
    {
        Rule = finding.Rule,
        Severity = finding.Severity,
        Message = finding.Message,
        Suggestion = finding.Suggestion,
        Location = finding.Location is { } l ? new TextLocationState { Chapter = l.Chapter, Paragraph = l.Paragraph, Offset = l.Offset, Length = l.Length } : null,
        Evidence = finding.Evidence,
        Confidence = finding.Confidence,
        IsStrength = finding.IsStrength,
    };

    public Finding ToFinding() => new(
        Rule, Severity, Message, Suggestion,
        Location is { } l ? new TextLocation(l.Chapter, l.Paragraph, l.Offset, l.Length) : null,
        Evidence, Confidence, IsStrength);

    public bool Equals(FindingState? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            Rule == other.Rule && Severity == other.Severity && Message == other.Message
            && Suggestion == other.Suggestion && Equals(Location, other.Location) && Evidence == other.Evidence
            && Confidence.Equals(other.Confidence) && IsStrength == other.IsStrength);

    public override int GetHashCode() => HashCode.Combine(Rule, Severity, Message, Location, Confidence);
}

/// <summary>The persisted copy of a <see cref="TextLocation"/>.</summary>
[MessagePackObject]
public sealed record TextLocationState
{
    [Key(0)] public int? Chapter { get; init; }
    [Key(1)] public int? Paragraph { get; init; }
    [Key(2)] public int Offset { get; init; }
    [Key(3)] public int Length { get; init; }
}
