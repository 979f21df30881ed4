using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Orchestrator.Engine.Graph;

/// <summary>
/// The graph as a Mermaid <c>flowchart TD</c>: one box per node labelled with its id, an arrow from
/// each dependency to its dependant (<c>structure --> style</c>), and optionally the critical path
/// highlighted.
/// </summary>
/// <remarks>
/// A node id is used as the Mermaid id when Mermaid reads it as a plain name. Ids it would read as
/// syntax (<c>end</c>, <c>style</c>, <c>graph</c>, <c>class</c>..., ids with '-', ids ending in
/// <c>_self</c>/<c>_blank</c>/<c>_parent</c>/<c>_top</c>) get a generated one (<c>n3</c>); the box still shows the real id.
/// </remarks>
public static partial class MermaidRenderer
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "graph", "flowchart", "flowchart-elk", "subgraph", "end", "style", "linkStyle", "classDef", "class",
        "click", "call", "href", "default", "interpolate", "direction", "accTitle", "accDescr",
        "TB", "TD", "BT", "RL", "LR", "v", "o", "x",
    };

    private static readonly string[] ReservedEndings = ["_self", "_blank", "_parent", "_top"];

    public static string Render(WorkflowGraph graph, CriticalPath? highlight = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var ids = MermaidIds(graph);
        var text = new StringBuilder("flowchart TD\n");
        for (var v = 0; v < graph.Count; v++)
            text.Append("    ").Append(ids[v]).Append("[\"").Append(Label(graph.IdOf(v))).Append("\"]\n");
        for (var v = 0; v < graph.Count; v++)
            foreach (var w in graph.DependantsOf(v))
                text.Append("    ").Append(ids[v]).Append(" --> ").Append(ids[w]).Append('\n');
        if (highlight is { Nodes.Count: > 0 })
        {
            text.Append("    classDef critical stroke:#c0392b,stroke-width:3px\n");
            text.Append("    class ").AppendJoin(',', highlight.Nodes.Select(v => ids[v])).Append(" critical\n");
        }
        return text.ToString();
    }

    /// <summary>Whether Mermaid reads <paramref name="id"/> as a plain node name.</summary>
    internal static bool IsSafeId(string id) =>
        PlainName().IsMatch(id)
        && !Reserved.Contains(id)
        && !ReservedEndings.Any(e => id.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static string[] MermaidIds(WorkflowGraph graph)
    {
        var ids = new string[graph.Count];
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var v = 0; v < graph.Count; v++)
            if (IsSafeId(graph.IdOf(v)) && used.Add(graph.IdOf(v)))
                ids[v] = graph.IdOf(v);
        for (var v = 0; v < graph.Count; v++)
        {
            if (ids[v] is not null) continue;
            var generated = "n" + v.ToString(CultureInfo.InvariantCulture);
            while (!used.Add(generated)) generated += "_";
            ids[v] = generated;
        }
        return ids;
    }

    private static string Label(string id) =>
        id.Replace("\"", "#quot;", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainName();
}
