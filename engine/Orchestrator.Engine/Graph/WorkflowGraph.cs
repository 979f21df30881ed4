using System.Collections.ObjectModel;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Graph;

/// <summary>
/// The dependency graph of a pipeline over int indices (index = position of the node in the file),
/// stored as compressed sparse rows in both directions, built once and immutable. An edge goes from
/// a dependency to its dependant: the direction work flows. Thread-safe for readers.
/// </summary>
/// <remarks>
/// Every algorithm is iterative (no recursion: a chain can be 10,000 nodes deep) and linear or
/// n log n in nodes + edges. Ties are broken by index, so results follow the file's order.
/// </remarks>
public sealed partial class WorkflowGraph
{
    private readonly string[] _ids;
    private readonly ReadOnlyCollection<string> _readOnlyIds;
    private readonly Dictionary<string, int> _indexOf;

    // Row v of the dependants: _dependants[_dependantStart[v] .. _dependantStart[v + 1]).
    private readonly int[] _dependantStart;
    private readonly int[] _dependants;
    private readonly int[] _dependencyStart;
    private readonly int[] _dependencies;

    private WorkflowGraph(string[] ids, Dictionary<string, int> indexOf, ReadOnlySpan<(int Dependency, int Dependant)> edges)
    {
        _ids = ids;
        _readOnlyIds = Array.AsReadOnly(ids);
        _indexOf = indexOf;
        var n = ids.Length;
        _dependantStart = new int[n + 1];
        _dependencyStart = new int[n + 1];
        foreach (var (from, to) in edges)
        {
            if ((uint)from >= (uint)n || (uint)to >= (uint)n)
                throw new ArgumentOutOfRangeException(nameof(edges), $"edge ({from}, {to}) refers to a node outside 0..{n - 1}");
            _dependantStart[from + 1]++;
            _dependencyStart[to + 1]++;
        }
        for (var v = 0; v < n; v++)
        {
            _dependantStart[v + 1] += _dependantStart[v];
            _dependencyStart[v + 1] += _dependencyStart[v];
        }

        _dependants = new int[edges.Length];
        _dependencies = new int[edges.Length];
        var nextDependant = _dependantStart.AsSpan(0, n).ToArray();
        var nextDependency = _dependencyStart.AsSpan(0, n).ToArray();
        foreach (var (from, to) in edges)
        {
            _dependants[nextDependant[from]++] = to;
            _dependencies[nextDependency[to]++] = from;
        }
    }

    /// <summary>
    /// A graph of <paramref name="ids"/> (index = position) and <paramref name="edges"/>, each
    /// <c>(dependency, dependant)</c>. Edges are kept as given, in order, duplicates included.
    /// </summary>
    public static WorkflowGraph Create(IReadOnlyList<string> ids, ReadOnlySpan<(int Dependency, int Dependant)> edges)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var array = ids.ToArray();
        var indexOf = new Dictionary<string, int>(array.Length, StringComparer.Ordinal);
        for (var i = 0; i < array.Length; i++)
            if (!indexOf.TryAdd(array[i] ?? throw new ArgumentException($"id {i} is null", nameof(ids)), i))
                throw new ArgumentException($"duplicate id '{array[i]}' at {indexOf[array[i]]} and {i}", nameof(ids));
        return new WorkflowGraph(array, indexOf, edges);
    }

    /// <summary>The graph of a validated pipeline: node index = position in <see cref="PipelineDefinition.Nodes"/>.</summary>
    public static WorkflowGraph FromPipeline(PipelineDefinition pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var ids = pipeline.Nodes.Select(n => n.Id).ToArray();
        var indexOf = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
            if (!indexOf.TryAdd(ids[i], i))
                throw new ArgumentException($"duplicate node id '{ids[i]}'", nameof(pipeline));

        var edges = new List<(int, int)>();
        for (var i = 0; i < ids.Length; i++)
            foreach (var dependency in pipeline.Nodes[i].DependsOn)
                edges.Add((indexOf.TryGetValue(dependency, out var from)
                    ? from
                    : throw new ArgumentException($"node '{ids[i]}' depends on unknown node '{dependency}'", nameof(pipeline)), i));
        return new WorkflowGraph(ids, indexOf, edges.ToArray());
    }

    public int Count => _ids.Length;

    public int EdgeCount => _dependants.Length;

    /// <summary>Node ids by index.</summary>
    public IReadOnlyList<string> Ids => _readOnlyIds;

    public string IdOf(int node) => _ids[node];

    /// <exception cref="KeyNotFoundException">No node has this id.</exception>
    public int IndexOf(string id) =>
        _indexOf.TryGetValue(id, out var index) ? index : throw new KeyNotFoundException($"no node '{id}' in the graph");

    public bool TryGetIndex(string id, out int index) => _indexOf.TryGetValue(id, out index);

    /// <summary>The nodes <paramref name="node"/> depends on, in the order its dependsOn lists them.</summary>
    public ReadOnlySpan<int> DependenciesOf(int node) =>
        _dependencies.AsSpan(_dependencyStart[node], _dependencyStart[node + 1] - _dependencyStart[node]);

    /// <summary>The nodes that depend directly on <paramref name="node"/>, in file order.</summary>
    public ReadOnlySpan<int> DependantsOf(int node) =>
        _dependants.AsSpan(_dependantStart[node], _dependantStart[node + 1] - _dependantStart[node]);

    public IReadOnlyList<string> DependenciesOf(string id) => IdsOf(DependenciesOf(IndexOf(id)));

    public IReadOnlyList<string> DependantsOf(string id) => IdsOf(DependantsOf(IndexOf(id)));

    /// <summary>
    /// Every node that depends on <paramref name="node"/> directly or through others (what must be
    /// skipped when it fails), in index order, without the node itself.
    /// </summary>
    public int[] TransitiveDependants(int node)
    {
        if ((uint)node >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(node));
        var seen = new bool[Count];
        var queue = new int[Count];
        int head = 0, tail = 0;
        seen[node] = true;
        queue[tail++] = node;
        while (head < tail)
            foreach (var w in DependantsOf(queue[head++]))
                if (!seen[w])
                {
                    seen[w] = true;
                    queue[tail++] = w;
                }

        var result = queue.AsSpan(1, tail - 1).ToArray();
        Array.Sort(result);
        return result;
    }

    public IReadOnlyList<string> TransitiveDependants(string id) => IdsOf(TransitiveDependants(IndexOf(id)));

    /// <summary>Ids of the given nodes, in the same order.</summary>
    public IReadOnlyList<string> IdsOf(ReadOnlySpan<int> nodes)
    {
        var ids = new string[nodes.Length];
        for (var i = 0; i < nodes.Length; i++) ids[i] = _ids[nodes[i]];
        return ids;
    }

    /// <summary>A cycle as people read it, back to its start: <c>style -> pacing -> style</c>.</summary>
    public string FormatCycle(ReadOnlySpan<int> cycle) =>
        cycle.IsEmpty ? "" : string.Join(" -> ", IdsOf(cycle)) + " -> " + _ids[cycle[0]];
}
