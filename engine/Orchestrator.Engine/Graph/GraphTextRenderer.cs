using System.Globalization;
using System.Text;

namespace Orchestrator.Engine.Graph;

/// <summary>
/// The graph facts as text for <c>orchestrator graph</c>: topological order (with each node's
/// dependencies), parallel groups, and the critical path with its durations.
/// </summary>
public static class GraphTextRenderer
{
    /// <param name="durations">Durations for the critical path; without them the section is left out.</param>
    /// <param name="title">Shown first, e.g. the pipeline's name.</param>
    public static string Render(WorkflowGraph graph, NodeDurations? durations = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var text = new StringBuilder();
        text.Append(title is null ? "" : $"{title}: ")
            .Append(Plural(graph.Count, "node")).Append(", ").AppendLine(Plural(graph.EdgeCount, "dependency", "dependencies"));

        if (graph.FindCycle() is { } cycle)
        {
            text.AppendLine().AppendLine($"cycle: {graph.FormatCycle(cycle)}");
            return text.ToString();
        }

        var order = graph.TopologicalOrder();
        var width = order.Length.ToString(CultureInfo.InvariantCulture).Length;
        text.AppendLine().AppendLine("Topological order:");
        for (var i = 0; i < order.Length; i++)
        {
            var v = order[i];
            text.Append("  ").Append((i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width)).Append(". ").Append(graph.IdOf(v));
            var dependencies = graph.DependenciesOf(v);
            if (!dependencies.IsEmpty) text.Append("  (after ").Append(string.Join(", ", graph.IdsOf(dependencies))).Append(')');
            text.AppendLine();
        }

        var groups = graph.ParallelGroups();
        width = groups.Length.ToString(CultureInfo.InvariantCulture).Length;
        text.AppendLine().AppendLine("Parallel groups (levels; nodes of one level do not depend on each other):");
        for (var level = 0; level < groups.Length; level++)
            text.Append("  level ").Append((level + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width)).Append(": ")
                .AppendLine(string.Join(", ", graph.IdsOf(groups[level])));

        if (durations is null) return text.ToString();

        var path = graph.FindCriticalPath(durations);
        text.AppendLine().AppendLine("Critical path (the longest chain by duration):")
            .Append("  ").Append(string.Join(" -> ", path.Nodes.Select(graph.IdOf))).AppendLine($"  ({Format(path.Total)})");
        var idWidth = path.Nodes.Select(graph.IdOf).Append("total").Max(id => id.Length);
        var timeWidth = path.Nodes.Select(v => Format(durations[v])).Append(Format(path.Total)).Max(t => t.Length);
        var sourceWidth = path.Nodes.Max(v => Describe(durations.SourceOf(v)).Length);
        var elapsed = TimeSpan.Zero;
        foreach (var v in path.Nodes)
        {
            elapsed += durations[v];
            text.Append("  ").Append(graph.IdOf(v).PadRight(idWidth))
                .Append("  ").Append(Format(durations[v]).PadLeft(timeWidth))
                .Append("  ").Append(Describe(durations.SourceOf(v)).PadRight(sourceWidth))
                .Append("  done at ").AppendLine(Format(elapsed));
        }
        text.Append("  ").Append("total".PadRight(idWidth)).Append("  ").AppendLine(Format(path.Total).PadLeft(timeWidth));
        return text.ToString();
    }

    /// <summary><c>00:01:30</c>, <c>1.02:00:00</c>, <c>00:00:00.25</c>: whole seconds without a fraction.</summary>
    public static string Format(TimeSpan value)
    {
        var text = value.ToString(value.Days > 0 ? @"d\.hh\:mm\:ss" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);
        var fraction = value.Ticks % TimeSpan.TicksPerSecond;
        return fraction == 0
            ? text
            : text + "." + fraction.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    private static string Describe(DurationSource source) => source switch
    {
        DurationSource.Observed => "observed",
        DurationSource.Estimated => "estimated",
        DurationSource.Timeout => "node timeout",
        DurationSource.ActionTimeout => "action timeout",
        _ => "given",
    };

    private static string Plural(int count, string one, string? many = null) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many ?? one + "s")}";
}
