using System.Text.Json;
using System.Text.Json.Serialization;
using MessagePack;
using Orchestrator.Engine.Iteration;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.State;

/// <summary>
/// The iteration strategy in force after the last finished iteration: the overrides the next one runs with, the
/// re-runs it was asked for, the suggestions and every escalation so far. A resume restores it, so it plans (and
/// hashes node inputs) exactly as an uninterrupted run would; without it an escalated node would re-run with its
/// plain options after a crash, and the report would lose its suggestions and escalations.
/// </summary>
[MessagePackObject]
public sealed record StrategyState
{
    [Key(0)] public IReadOnlyList<NodeOverrideState> Overrides { get; init; } = [];
    [Key(1)] public IReadOnlyList<NodeNoteState> Reruns { get; init; } = [];
    [Key(2)] public IReadOnlyList<NodeNoteState> Suggestions { get; init; } = [];

    /// <summary>Every escalation decided so far, in the order decided.</summary>
    [Key(3)] public IReadOnlyList<EscalationState> Escalations { get; init; } = [];

    public static StrategyState From(
        IReadOnlyDictionary<string, NodeOverrides> overrides, IReadOnlyDictionary<string, string> reruns,
        IReadOnlyList<RetrySuggestion> suggestions, IReadOnlyList<EscalationDecision> escalations) => new()
    {
        Overrides = overrides.Select(p => new NodeOverrideState
        {
            NodeId = p.Key, Timeout = p.Value.Timeout, Options = p.Value.Options?.RawText,
        }).ToArray(),
        Reruns = reruns.Select(p => new NodeNoteState { NodeId = p.Key, Text = p.Value }).ToArray(),
        Suggestions = suggestions.Select(s => new NodeNoteState { NodeId = s.NodeId, Text = s.Text }).ToArray(),
        Escalations = escalations.Select(e => new EscalationState { NodeId = e.NodeId, Kind = e.Kind, Reason = e.Reason }).ToArray(),
    };

    /// <summary>The overrides by node id, in the order recorded (pipeline order).</summary>
    public Dictionary<string, NodeOverrides> ToOverrides()
    {
        var overrides = new Dictionary<string, NodeOverrides>(StringComparer.Ordinal);
        foreach (var o in Overrides)
        {
            NodeOptions? options = null;
            if (o.Options is { } text)
            {
                using var document = JsonDocument.Parse(text);
                options = new NodeOptions(document.RootElement);
            }
            overrides[o.NodeId] = new NodeOverrides { Timeout = o.Timeout, Options = options };
        }
        return overrides;
    }

    public Dictionary<string, string> ToReruns() => Reruns.ToDictionary(r => r.NodeId, r => r.Text, StringComparer.Ordinal);

    public RetrySuggestion[] ToSuggestions() => Suggestions.Select(s => new RetrySuggestion(s.NodeId, s.Text)).ToArray();

    public EscalationDecision[] ToEscalations() => Escalations.Select(e => new EscalationDecision(e.NodeId, e.Kind, e.Reason)).ToArray();

    public bool Equals(StrategyState? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            StateEquality.Lists(Overrides, other.Overrides)
            && StateEquality.Lists(Reruns, other.Reruns)
            && StateEquality.Lists(Suggestions, other.Suggestions)
            && StateEquality.Lists(Escalations, other.Escalations));

    public override int GetHashCode() => HashCode.Combine(Overrides.Count, Reruns.Count, Suggestions.Count, Escalations.Count);
}

/// <summary>An iteration's override of one node: a raised timeout, escalated options (the node's full options as JSON).</summary>
[MessagePackObject]
public sealed record NodeOverrideState
{
    [Key(0)] public required string NodeId { get; init; }
    [Key(1)] public TimeSpan? Timeout { get; init; }

    [Key(2)]
    [JsonConverter(typeof(RawJsonTextConverter))]
    public string? Options { get; init; }
}

/// <summary>A line of text about one node: why it re-runs, or what to change.</summary>
[MessagePackObject]
public sealed record NodeNoteState
{
    [Key(0)] public required string NodeId { get; init; }
    [Key(1)] public required string Text { get; init; }
}

[MessagePackObject]
public sealed record EscalationState
{
    [Key(0)] public required string NodeId { get; init; }

    /// <summary>Persisted by number (MessagePack) and name (JSON): <see cref="EscalationKind"/> members are never renumbered.</summary>
    [Key(1)] public EscalationKind Kind { get; init; }
    [Key(2)] public required string Reason { get; init; }
}
