using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Graph;

/// <summary>A duration per node of a graph, by index, and where each came from.</summary>
public sealed class NodeDurations
{
    private readonly TimeSpan[] _values;
    private readonly DurationSource[] _sources;

    /// <summary>Durations given by the caller, one per node index.</summary>
    public NodeDurations(IReadOnlyList<TimeSpan> values)
        : this(values.ToArray(), new DurationSource[values.Count])
    {
    }

    private NodeDurations(TimeSpan[] values, DurationSource[] sources)
    {
        _values = values;
        _sources = sources;
    }

    public int Count => _values.Length;

    public TimeSpan this[int node] => _values[node];

    public DurationSource SourceOf(int node) => _sources[node];

    public ReadOnlySpan<TimeSpan> AsSpan() => _values;

    /// <summary>
    /// For each node of <paramref name="pipeline"/>: its observed duration when there is one, else
    /// its <c>estimatedDuration</c>, else its <c>timeout</c>, else <c>settings.actionTimeout</c>.
    /// </summary>
    public static NodeDurations ForPipeline(
        WorkflowGraph graph, PipelineDefinition pipeline, IReadOnlyDictionary<string, TimeSpan>? observed = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(pipeline);
        if (graph.Count != pipeline.Nodes.Count)
            throw new ArgumentException($"the graph has {graph.Count} nodes but the pipeline {pipeline.Nodes.Count}", nameof(graph));

        var values = new TimeSpan[graph.Count];
        var sources = new DurationSource[graph.Count];
        foreach (var node in pipeline.Nodes)
        {
            var index = graph.IndexOf(node.Id);
            (values[index], sources[index]) =
                observed is not null && observed.TryGetValue(node.Id, out var seen) ? (seen, DurationSource.Observed)
                : node.EstimatedDuration is { } estimated ? (estimated, DurationSource.Estimated)
                : node.Timeout is { } timeout ? (timeout, DurationSource.Timeout)
                : (pipeline.Settings.ActionTimeout, DurationSource.ActionTimeout);
        }
        return new NodeDurations(values, sources);
    }
}
