using System.Globalization;
using System.Text.Json;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Tests.Sessions;

/// <summary>
/// A node type registered only by these tests: it waits <c>delayMs</c> (so a run lasts long enough to be cut at any
/// point), then returns a result that depends only on its options, the subject and its upstream results — the
/// determinism resume relies on. <c>fail: true</c> makes every attempt throw.
/// </summary>
internal sealed class SlowNode(NodeDefinition definition) : WorkflowNode(definition)
{
    public const string TypeName = "slow";

    public static NodeRegistry Registry() => new NodeRegistry().Register(TypeName, d => new SlowNode(d));

    public override async Task<NodeResult> RunAsync(NodeContext context, CancellationToken cancellationToken)
    {
        var options = Definition.Options;
        await Task.Delay(options.GetInt("delayMs", 2), cancellationToken).ConfigureAwait(false);
        if (options.GetBool("fail", false))
            throw new InvalidOperationException($"{Definition.Id} always fails");
        var upstream = context.Upstream.Values.Sum(r => r.Score);
        var subject = (string)context.Subject;
        return new NodeResult
        {
            Score = options.GetDouble("score", 0.5),
            Summary = $"{Definition.Id} on {subject.Length} chars",
            Metrics = new Dictionary<string, double>
            {
                ["upstream"] = Math.Round(upstream, 6),
                ["subjectLength"] = subject.Length,
            },
        };
    }

    /// <summary>A node of this type; <paramref name="options"/> is a JSON object.</summary>
    public static NodeDefinition Define(string id, string options, params string[] dependsOn) => new()
    {
        Id = id,
        Type = TypeName,
        DependsOn = dependsOn,
        Retries = 0,
        Options = new NodeOptions(JsonDocument.Parse(options).RootElement),
    };

    public static string OptionsText(double score, int delayMs) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"score\":{score},\"delayMs\":{delayMs}}}");
}
