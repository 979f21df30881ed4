using System.Numerics;
using System.Runtime.CompilerServices;
using Orchestrator.Engine.Graph;

namespace Orchestrator.Engine.Decisions;

/// <summary>
/// What planning needs of a graph that does not change between iterations: a processing order in
/// which dependencies come first, the nodes caught in or behind a cycle (with the cycle to name),
/// and each node's number of transitive dependants. Computed once per graph instance (graphs are
/// immutable) and cached weakly, so every plan of a session after the first pays nothing for it.
/// </summary>
internal sealed class PlanningGraphFacts
{
    private static readonly ConditionalWeakTable<WorkflowGraph, PlanningGraphFacts> Cache = new();

    /// <summary>The nodes outside any cycle's reach, each after its dependencies (Kahn's algorithm, FIFO by index).</summary>
    public int[] Order { get; }

    /// <summary>Position of each node in <see cref="Order"/>; -1 for a node on or behind a cycle.</summary>
    public int[] Rank { get; }

    /// <summary>The cycles as people read them (<c>a -> b -> a</c>), one per cyclic component; empty when acyclic.</summary>
    public IReadOnlyList<string> Cycles { get; }

    /// <summary>For a node on or behind a cycle: the index in <see cref="Cycles"/> of the cycle that blocks it; else -1.</summary>
    public int[] CycleOf { get; }

    /// <summary>Whether the node lies on the cycle <see cref="CycleOf"/> names (rather than behind it).</summary>
    public bool[] OnCycle { get; }

    /// <summary>Transitive dependants of each node (among the nodes of <see cref="Order"/>).</summary>
    public int[] TransitiveDependants { get; }

    public int MaxTransitiveDependants { get; }

    public static PlanningGraphFacts For(WorkflowGraph graph) => Cache.GetValue(graph, static g => new PlanningGraphFacts(g));

    private PlanningGraphFacts(WorkflowGraph graph)
    {
        var n = graph.Count;
        var pending = new int[n];
        var order = new int[n];
        int head = 0, tail = 0;
        for (var v = 0; v < n; v++)
        {
            pending[v] = graph.DependenciesOf(v).Length;
            if (pending[v] == 0) order[tail++] = v;
        }
        while (head < tail)
            foreach (var w in graph.DependantsOf(order[head++]))
                if (--pending[w] == 0) order[tail++] = w;

        Order = order.AsSpan(0, tail).ToArray();
        Rank = new int[n];
        Array.Fill(Rank, -1);
        for (var i = 0; i < Order.Length; i++) Rank[Order[i]] = i;

        CycleOf = new int[n];
        Array.Fill(CycleOf, -1);
        OnCycle = new bool[n];
        Cycles = tail == n ? [] : Array.AsReadOnly(LocateCycles(graph));

        TransitiveDependants = CountTransitiveDependants(graph, Order, Rank);
        MaxTransitiveDependants = TransitiveDependants.Length == 0 ? 0 : TransitiveDependants.Max();
    }

    /// <summary>
    /// Names one cycle per cyclic component and assigns each node that Kahn's algorithm left behind to
    /// the first cycle (in order) that reaches it.
    /// </summary>
    private string[] LocateCycles(WorkflowGraph graph)
    {
        var cycles = graph.FindCycles();
        var names = new string[cycles.Count];
        var queue = new Queue<int>();
        for (var c = 0; c < cycles.Count; c++)
        {
            names[c] = graph.FormatCycle(cycles[c]);
            foreach (var v in cycles[c])
            {
                OnCycle[v] |= CycleOf[v] < 0;
                if (CycleOf[v] >= 0) continue;
                CycleOf[v] = c;
                queue.Enqueue(v);
            }
            while (queue.Count > 0)
                foreach (var w in graph.DependantsOf(queue.Dequeue()))
                    if (CycleOf[w] < 0 && Rank[w] < 0)
                    {
                        CycleOf[w] = c;
                        queue.Enqueue(w);
                    }
        }
        return names;
    }

    /// <summary>
    /// Exact transitive-dependant counts in O((n + e) · n / 128) on average: the nodes are taken in blocks of 64;
    /// for each block, one pass in reverse order gives every node a bit mask of the block's nodes
    /// below it, and the popcounts add up.
    /// </summary>
    private static int[] CountTransitiveDependants(WorkflowGraph graph, int[] order, int[] rank)
    {
        var n = graph.Count;
        var counts = new int[n];
        var below = new ulong[n];
        for (var start = 0; start < order.Length; start += 64)
        {
            var end = Math.Min(start + 64, order.Length);
            // A dependant comes later in the order, so nodes from `end` on have none of the block below them.
            for (var i = end - 1; i >= 0; i--)
            {
                var v = order[i];
                ulong mask = 0;
                foreach (var w in graph.DependantsOf(v))
                {
                    var r = rank[w];
                    if (r < 0 || r >= end) continue;
                    mask |= below[w];
                    if (r >= start) mask |= 1UL << (r - start);
                }
                below[v] = mask;
                counts[v] += BitOperations.PopCount(mask);
            }
        }
        return counts;
    }
}
