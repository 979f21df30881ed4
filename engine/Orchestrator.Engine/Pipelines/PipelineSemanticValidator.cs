using System.Globalization;
using System.Text.Json;
using Orchestrator.Engine.Graph;
using Orchestrator.Engine.Nodes;

namespace Orchestrator.Engine.Pipelines;

/// <summary>
/// The checks a schema cannot express: unique ids, known node types, dependencies that exist and
/// form no cycle, durations that parse, numbers in range. It reads the raw document, so it runs
/// even when the schema found problems, and skips whatever is not of the expected kind (the schema
/// reports that).
/// </summary>
internal static class PipelineSemanticValidator
{
    public static List<PipelineProblem> Validate(JsonElement root, NodeRegistry registry)
    {
        var problems = new List<PipelineProblem>();
        if (root.ValueKind != JsonValueKind.Object) return problems;

        CheckFields(root, PipelineLimits.Scope.Root, JsonPath.Root, problems);
        if (TryGet(root, "settings", JsonValueKind.Object, out var settings))
            CheckFields(settings, PipelineLimits.Scope.Settings, JsonPath.Property(JsonPath.Root, "settings"), problems);
        if (TryGet(root, "nodes", JsonValueKind.Array, out var nodes))
            CheckNodes(nodes, registry, JsonPath.Property(JsonPath.Root, "nodes"), problems);
        if (TryGet(root, "rules", JsonValueKind.Object, out var rules))
            CheckFields(rules, PipelineLimits.Scope.Rules, JsonPath.Property(JsonPath.Root, "rules"), problems);
        return problems;
    }

    private static void CheckNodes(JsonElement nodes, NodeRegistry registry, string nodesPath, List<PipelineProblem> problems)
    {
        var count = nodes.GetArrayLength();
        var ids = new string?[count];
        var firstIndexOf = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var i = 0; i < count; i++)
        {
            var node = nodes[i];
            if (node.ValueKind != JsonValueKind.Object) continue;
            var nodePath = JsonPath.Index(nodesPath, i);
            CheckFields(node, PipelineLimits.Scope.Node, nodePath, problems);

            if (TryGet(node, "id", JsonValueKind.String, out var idElement))
            {
                var id = idElement.GetString()!;
                if (firstIndexOf.TryGetValue(id, out var first))
                    problems.Add(new(JsonPath.Property(nodePath, "id"),
                        $"duplicate id '{id}': already used by {JsonPath.Index(nodesPath, first)}"));
                else
                {
                    firstIndexOf.Add(id, i);
                    ids[i] = id;
                }
            }

            if (TryGet(node, "type", JsonValueKind.String, out var typeElement))
            {
                var type = typeElement.GetString()!;
                if (type.Length > 0 && !registry.Contains(type))
                    problems.Add(new(JsonPath.Property(nodePath, "type"), UnknownType(type, registry)));
            }
        }

        // Dependencies, and the edges of the graph the cycle check walks (first node of each id only).
        var graphIndexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var graphIds = new List<string>();
        var nodeIndexOf = new List<int>();
        foreach (var (id, index) in firstIndexOf.OrderBy(p => p.Value))
        {
            graphIndexOf.Add(id, graphIds.Count);
            graphIds.Add(id);
            nodeIndexOf.Add(index);
        }

        var edges = new List<(int Dependency, int Dependant)>();
        var edgeEntry = new Dictionary<(int Dependency, int Dependant), int>();
        for (var i = 0; i < count; i++)
        {
            var node = nodes[i];
            if (node.ValueKind != JsonValueKind.Object || !TryGet(node, "dependsOn", JsonValueKind.Array, out var dependsOn)) continue;
            var ownId = TryGet(node, "id", JsonValueKind.String, out var idElement) ? idElement.GetString() : null;
            var dependsOnPath = JsonPath.Property(JsonPath.Index(nodesPath, i), "dependsOn");
            for (var k = 0; k < dependsOn.GetArrayLength(); k++)
            {
                if (dependsOn[k].ValueKind != JsonValueKind.String) continue;
                var dependency = dependsOn[k].GetString()!;
                if (dependency.Length == 0) continue;
                var entryPath = JsonPath.Index(dependsOnPath, k);
                if (dependency == ownId)
                    problems.Add(new(entryPath, $"node '{ownId}' depends on itself"));
                else if (!graphIndexOf.TryGetValue(dependency, out var from))
                    problems.Add(new(entryPath, MissingDependency(dependency, graphIds)));
                else if (ids[i] is { } id && edgeEntry.TryAdd((from, graphIndexOf[id]), k))
                    edges.Add((from, graphIndexOf[id]));
            }
        }

        var graph = WorkflowGraph.Create(graphIds, edges.ToArray());
        foreach (var cycle in graph.FindCycles())
        {
            // The cycle starts at the node written first; that node depends on the cycle's last node.
            var start = cycle[0];
            var closing = edgeEntry[(cycle[^1], start)];
            var path = JsonPath.Index(JsonPath.Property(JsonPath.Index(nodesPath, nodeIndexOf[start]), "dependsOn"), closing);
            problems.Add(new(path, $"cycle: {graph.FormatCycle(cycle)}"));
        }
    }

    private static void CheckFields(JsonElement owner, PipelineLimits.Scope scope, string ownerPath, List<PipelineProblem> problems)
    {
        foreach (var range in PipelineLimits.Numbers)
        {
            if (range.Scope != scope || !TryGet(owner, range.Property, JsonValueKind.Number, out var number)) continue;
            var raw = number.GetRawText();
            var path = JsonPath.Property(ownerPath, range.Property);
            if (!number.TryGetDouble(out var value) || value < range.Minimum || value > range.Maximum)
                problems.Add(new(path, $"must be {Describe(range)} (got {raw})"));
            else if (range.Integer && Math.Floor(value) != value)
                problems.Add(new(path, $"must be a whole number {Describe(range)} (got {raw})"));
        }

        foreach (var field in PipelineLimits.Durations)
        {
            if (field.Scope != scope || !TryGet(owner, field.Property, JsonValueKind.String, out var text)) continue;
            var path = JsonPath.Property(ownerPath, field.Property);
            if (!PipelineDuration.TryParse(text.GetString(), out var duration))
                problems.Add(new(path, $"'{text.GetString()}' is not a duration: write {PipelineDuration.Expected}"));
            else if (field.Positive && duration <= TimeSpan.Zero)
                problems.Add(new(path, "must be more than zero"));
            else if (duration < field.Minimum || duration > field.Maximum)
                problems.Add(new(path, $"must be from {PipelineDuration.Format(field.Minimum)} to {PipelineDuration.Format(field.Maximum)} (got {text.GetString()})"));
        }
    }

    private static string Describe(PipelineLimits.NumberRange range) =>
        range.Maximum >= int.MaxValue
            ? $"at least {Number(range.Minimum)}"
            : $"between {Number(range.Minimum)} and {Number(range.Maximum)}";

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string UnknownType(string type, NodeRegistry registry)
    {
        var known = registry.KnownTypes;
        if (known.Count == 0) return $"unknown node type '{type}' (no node types are registered)";
        var suggestion = NameSuggestion.Closest(type, known);
        var hint = suggestion is null ? "" : $", did you mean '{suggestion}'?";
        return $"unknown node type '{type}'{hint} (known: {string.Join(", ", known)})";
    }

    private static string MissingDependency(string dependency, IReadOnlyList<string> ids)
    {
        var suggestion = NameSuggestion.Closest(dependency, ids);
        return suggestion is null
            ? $"depends on '{dependency}', which is not a node of this pipeline"
            : $"depends on '{dependency}', which is not a node of this pipeline; did you mean '{suggestion}'?";
    }

    private static bool TryGet(JsonElement owner, string name, JsonValueKind kind, out JsonElement value)
    {
        value = default;
        return owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out value) && value.ValueKind == kind;
    }
}
