using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Cli.Hosting;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// The <c>--set node.option=value</c> settings of <c>check</c>, gathered into one options object per node. A value is read
/// as JSON when it is JSON (25, 0.4, true, ["a","b"]) and as a string otherwise; a setting for a node not being run, or
/// one without a node, an option name or "=", is a usage error naming the setting.
/// </summary>
internal sealed class CheckOptionSettings
{
    private readonly Dictionary<string, JsonObject> _byNode = new(StringComparer.Ordinal);

    public static CheckOptionSettings Parse(IReadOnlyList<string> settings, IReadOnlyCollection<string> nodes)
    {
        var result = new CheckOptionSettings();
        foreach (var setting in settings)
        {
            var eq = setting.IndexOf('=');
            var dot = eq > 0 ? setting.IndexOf('.', 0, eq) : -1;
            if (eq <= 0 || dot <= 0 || dot == eq - 1)
                throw new CliUsageException($"--set '{setting}': expected node.option=value, e.g. style.longSentenceWords=25");
            var node = setting[..dot];
            var name = setting[(dot + 1)..eq];
            if (!nodes.Contains(node))
                throw new CliUsageException($"--set '{setting}': node '{node}' is not among those run (--nodes {string.Join(",", nodes)})");
            if (!result._byNode.TryGetValue(node, out var obj)) result._byNode[node] = obj = new JsonObject();
            obj[name] = Value(setting[(eq + 1)..]);
        }
        return result;
    }

    /// <summary>The options of <paramref name="node"/> (empty when nothing was set for it).</summary>
    public NodeOptions For(string node) =>
        _byNode.TryGetValue(node, out var obj) ? new NodeOptions(JsonDocument.Parse(obj.ToJsonString()).RootElement) : NodeOptions.Empty;

    /// <summary>The option names set for <paramref name="node"/>.</summary>
    public IReadOnlyCollection<string> Names(string node) =>
        _byNode.TryGetValue(node, out var obj) ? obj.Select(p => p.Key).ToArray() : [];

    private static JsonNode? Value(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
