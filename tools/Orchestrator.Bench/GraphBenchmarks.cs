using BenchmarkDotNet.Attributes;
using Orchestrator.Engine.Graph;

namespace Orchestrator.Bench;

/// <summary>
/// Graph facts on a deterministic random DAG of 10,000 nodes and 50,000 edges: build (CSR), stable
/// topological order, levels, critical path, cycle check, and all of them together.
/// Run: <c>dotnet run -c Release --project tools/Orchestrator.Bench -- --filter '*Graph*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class GraphBenchmarks
{
    private const int NodeCount = 10_000;
    private const int EdgeCount = 50_000;

    private string[] _ids = [];
    private (int Dependency, int Dependant)[] _edges = [];
    private TimeSpan[] _durations = [];
    private WorkflowGraph _graph = null!;
    private int _firstRoot;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20_240_601);
        _ids = Enumerable.Range(0, NodeCount).Select(i => $"node{i}").ToArray();

        // Edges go from a lower to a higher rank, so the graph is acyclic; ranks are shuffled over the
        // indices so that file order is not already a topological order.
        var indexOfRank = Enumerable.Range(0, NodeCount).ToArray();
        random.Shuffle(indexOfRank);
        var seen = new HashSet<long>();
        var edges = new List<(int, int)>(EdgeCount);
        while (edges.Count < EdgeCount)
        {
            var a = random.Next(NodeCount);
            var b = random.Next(NodeCount);
            if (a == b) continue;
            var (from, to) = a < b ? (a, b) : (b, a);
            if (seen.Add((long)from * NodeCount + to)) edges.Add((indexOfRank[from], indexOfRank[to]));
        }
        _edges = edges.ToArray();
        _durations = Enumerable.Range(0, NodeCount).Select(_ => TimeSpan.FromMilliseconds(random.Next(1, 60_000))).ToArray();
        _graph = WorkflowGraph.Create(_ids, _edges);
        _firstRoot = _graph.TopologicalOrder()[0];
    }

    [Benchmark]
    public WorkflowGraph Build() => WorkflowGraph.Create(_ids, _edges);

    [Benchmark]
    public int[] TopologicalOrder() => _graph.TopologicalOrder();

    [Benchmark]
    public int[] Levels() => _graph.Levels();

    [Benchmark]
    public CriticalPath CriticalPath() => _graph.FindCriticalPath(_durations);

    [Benchmark]
    public int[]? CycleCheck() => _graph.FindCycle();

    [Benchmark]
    public IReadOnlyList<int[]> CycleCheckPerComponent() => _graph.FindCycles();

    [Benchmark]
    public int[] TransitiveDependants() => _graph.TransitiveDependants(_firstRoot);

    /// <summary>Everything <c>orchestrator graph</c> and validation compute, from the edge list.</summary>
    [Benchmark]
    public TimeSpan All()
    {
        var graph = WorkflowGraph.Create(_ids, _edges);
        if (graph.FindCycle() is not null) throw new InvalidOperationException("the benchmark graph must be acyclic");
        var order = graph.TopologicalOrder();
        var groups = graph.ParallelGroups();
        var path = graph.FindCriticalPath(_durations);
        return path.Total + TimeSpan.FromTicks(order.Length + groups.Length);
    }
}
