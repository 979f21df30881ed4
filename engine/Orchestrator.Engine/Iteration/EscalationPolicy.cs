using System.Text.Json;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Iteration;

/// <summary>
/// How a node may be escalated between iterations, read from its <c>options.escalate</c>: a node that
/// timed out (and will be retried) gets its timeout multiplied by <see cref="TimeoutFactor"/>, up to
/// <see cref="MaxTimeout"/>; a node that succeeded with a score below <see cref="BelowScore"/> re-runs
/// once with <see cref="Options"/> merged over its options. A node without <c>escalate</c> is never escalated.
/// </summary>
/// <example>
/// <code>
/// "options": { "longSentenceWords": 40,
///   "escalate": { "timeoutFactor": 2, "maxTimeout": "00:02:00",
///                 "belowScore": 0.6, "options": { "longSentenceWords": 30 } } }
/// </code>
/// <c>"escalate": true</c> allows timeout escalation with the defaults (factor 2, cap 4 × the node's timeout).
/// </example>
public sealed record EscalationPolicy
{
    /// <summary>The option of a node that holds its policy.</summary>
    public const string OptionName = "escalate";

    /// <summary>Without <see cref="MaxTimeout"/>, the cap is this many times the node's own timeout.</summary>
    public const double DefaultCapFactor = 4;

    /// <summary>What a timed-out node's timeout is multiplied by for its retry. At least 1; default 2.</summary>
    public double TimeoutFactor { get; init; } = 2;

    /// <summary>The largest timeout escalation may give; null means <see cref="DefaultCapFactor"/> × the node's timeout.</summary>
    public TimeSpan? MaxTimeout { get; init; }

    /// <summary>A succeeded node scoring below this re-runs with <see cref="Options"/>; null: no score escalation.</summary>
    public double? BelowScore { get; init; }

    /// <summary>Options merged over the node's own (same names replaced) for a score escalation.</summary>
    public NodeOptions? Options { get; init; }

    /// <summary>The cap for a node whose own timeout (node timeout, else actionTimeout) is <paramref name="baseTimeout"/>.</summary>
    public TimeSpan CapFor(TimeSpan baseTimeout) => MaxTimeout ?? baseTimeout * DefaultCapFactor;

    /// <summary>The policy of <paramref name="node"/>; null when it has none (or <c>"escalate": false</c>).</summary>
    /// <exception cref="InvalidOperationException"><c>options.escalate</c> is malformed; the message names the node and the field.</exception>
    public static EscalationPolicy? For(NodeDefinition node) =>
        TryRead(node, out var policy, out var error) ? policy : throw new InvalidOperationException(error);

    /// <summary>Every malformed <c>options.escalate</c> of the pipeline, one message each (for <c>orchestrator validate</c>).</summary>
    public static IReadOnlyList<string> Validate(PipelineDefinition pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var problems = new List<string>();
        foreach (var node in pipeline.Nodes)
            if (!TryRead(node, out _, out var error)) problems.Add(error);
        return problems;
    }

    public static bool TryRead(NodeDefinition node, out EscalationPolicy? policy, out string error)
    {
        ArgumentNullException.ThrowIfNull(node);
        policy = null;
        error = "";
        if (!node.Options.TryGet(OptionName, out var value)) return true;
        var at = $"node '{node.Id}': options.{OptionName}";
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                policy = new EscalationPolicy();
                return true;
            case JsonValueKind.False or JsonValueKind.Null:
                return true;
            case JsonValueKind.Object:
                break;
            default:
                error = $"{at} must be true, false or an object";
                return false;
        }

        var read = new EscalationPolicy();
        foreach (var property in value.EnumerateObject())
        {
            var v = property.Value;
            switch (property.Name)
            {
                case "timeoutFactor":
                    if (v.ValueKind != JsonValueKind.Number || v.GetDouble() is var factor && (factor < 1 || factor > 100))
                        return Fail(out error, $"{at}.timeoutFactor must be a number from 1 to 100");
                    read = read with { TimeoutFactor = v.GetDouble() };
                    break;
                case "maxTimeout":
                    if (v.ValueKind != JsonValueKind.String || !PipelineDuration.TryParse(v.GetString(), out var cap) || cap <= TimeSpan.Zero)
                        return Fail(out error, $"{at}.maxTimeout must be a positive duration: {PipelineDuration.Expected}");
                    read = read with { MaxTimeout = cap };
                    break;
                case "belowScore":
                    if (v.ValueKind != JsonValueKind.Number || v.GetDouble() is var below && (below < 0 || below > 1))
                        return Fail(out error, $"{at}.belowScore must be a number from 0 to 1");
                    read = read with { BelowScore = v.GetDouble() };
                    break;
                case "options":
                    if (v.ValueKind != JsonValueKind.Object)
                        return Fail(out error, $"{at}.options must be an object of node options");
                    read = read with { Options = new NodeOptions(v) };
                    break;
                default:
                    return Fail(out error, $"{at} has an unknown field '{property.Name}': expected timeoutFactor, maxTimeout, belowScore, options");
            }
        }
        if (read.BelowScore is null != read.Options is null)
            return Fail(out error, $"{at}: belowScore and options go together (re-run below that score with those options)");
        policy = read;
        return true;
    }

    private static bool Fail(out string error, string message)
    {
        error = message;
        return false;
    }
}
