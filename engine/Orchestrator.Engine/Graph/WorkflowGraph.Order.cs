namespace Orchestrator.Engine.Graph;

public sealed partial class WorkflowGraph
{
    /// <summary>
    /// A topological order in which, among nodes ready at the same time, the one written first comes
    /// first (Kahn's algorithm over a min-heap of indices).
    /// </summary>
    /// <exception cref="GraphCycleException">The graph has a cycle.</exception>
    public int[] TopologicalOrder() =>
        TryGetTopologicalOrder(out var order) ? order : throw CycleError();

    /// <returns>false, with an empty order, when the graph has a cycle.</returns>
    public bool TryGetTopologicalOrder(out int[] order)
    {
        var n = Count;
        var pending = new int[n];
        var heap = new int[n];
        var size = 0;
        for (var v = 0; v < n; v++)
        {
            pending[v] = _dependencyStart[v + 1] - _dependencyStart[v];
            if (pending[v] == 0) heap[size++] = v; // ascending: already a valid min-heap
        }

        order = new int[n];
        var count = 0;
        while (size > 0)
        {
            var v = PopMin(heap, ref size);
            order[count++] = v;
            for (var e = _dependantStart[v]; e < _dependantStart[v + 1]; e++)
            {
                var w = _dependants[e];
                if (--pending[w] == 0) PushMin(heap, ref size, w);
            }
        }

        if (count == n) return true;
        order = [];
        return false;
    }

    /// <summary>
    /// The level of every node: 0 for a node without dependencies, otherwise 1 + the highest level
    /// of its dependencies. Nodes of one level can run in parallel once the levels before are done.
    /// </summary>
    /// <exception cref="GraphCycleException">The graph has a cycle.</exception>
    public int[] Levels()
    {
        var n = Count;
        var levels = new int[n];
        var pending = new int[n];
        var queue = new int[n];
        int head = 0, tail = 0;
        for (var v = 0; v < n; v++)
        {
            pending[v] = _dependencyStart[v + 1] - _dependencyStart[v];
            if (pending[v] == 0) queue[tail++] = v;
        }
        while (head < tail)
        {
            var v = queue[head++];
            var next = levels[v] + 1;
            for (var e = _dependantStart[v]; e < _dependantStart[v + 1]; e++)
            {
                var w = _dependants[e];
                if (levels[w] < next) levels[w] = next;
                if (--pending[w] == 0) queue[tail++] = w;
            }
        }
        if (tail < n) throw CycleError();
        return levels;
    }

    /// <summary>The nodes grouped by level (index = level), each group in file order.</summary>
    /// <exception cref="GraphCycleException">The graph has a cycle.</exception>
    public int[][] ParallelGroups()
    {
        var levels = Levels();
        var sizes = new int[levels.Length == 0 ? 0 : levels.Max() + 1];
        foreach (var level in levels) sizes[level]++;
        var groups = new int[sizes.Length][];
        for (var l = 0; l < sizes.Length; l++) groups[l] = new int[sizes[l]];
        var filled = new int[sizes.Length];
        for (var v = 0; v < levels.Length; v++) groups[levels[v]][filled[levels[v]]++] = v;
        return groups;
    }

    /// <summary>
    /// The longest chain of dependent nodes by duration (the least time the whole graph can take with
    /// unlimited parallelism). Ties go to the node written first.
    /// </summary>
    /// <param name="durations">Duration of each node, by index: configured, estimated or observed.</param>
    /// <exception cref="GraphCycleException">The graph has a cycle.</exception>
    public CriticalPath FindCriticalPath(ReadOnlySpan<TimeSpan> durations)
    {
        var n = Count;
        if (durations.Length != n)
            throw new ArgumentException($"expected {n} durations, one per node, but got {durations.Length}", nameof(durations));
        if (n == 0) return CriticalPath.Empty;

        var order = new int[n];
        var pending = new int[n];
        int head = 0, tail = 0;
        for (var v = 0; v < n; v++)
        {
            if (durations[v] < TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(nameof(durations), $"duration of '{_ids[v]}' is negative");
            pending[v] = _dependencyStart[v + 1] - _dependencyStart[v];
            if (pending[v] == 0) order[tail++] = v;
        }
        while (head < tail)
        {
            var v = order[head++];
            for (var e = _dependantStart[v]; e < _dependantStart[v + 1]; e++)
                if (--pending[_dependants[e]] == 0) order[tail++] = _dependants[e];
        }
        if (tail < n) throw CycleError();

        var finish = new long[n];
        var via = new int[n];
        var end = -1;
        foreach (var v in order)
        {
            var best = -1;
            for (var e = _dependencyStart[v]; e < _dependencyStart[v + 1]; e++)
            {
                var u = _dependencies[e];
                if (best < 0 || finish[u] > finish[best] || finish[u] == finish[best] && u < best) best = u;
            }
            via[v] = best;
            finish[v] = durations[v].Ticks + (best < 0 ? 0 : finish[best]);
            // The path ends at a node nothing depends on: a dependant finishes no earlier.
            if (_dependantStart[v + 1] == _dependantStart[v]
                && (end < 0 || finish[v] > finish[end] || finish[v] == finish[end] && v < end)) end = v;
        }

        var length = 0;
        for (var v = end; v >= 0; v = via[v]) length++;
        var path = new int[length];
        for (var v = end; v >= 0; v = via[v]) path[--length] = v;
        return new CriticalPath(path, TimeSpan.FromTicks(finish[end]));
    }

    public CriticalPath FindCriticalPath(NodeDurations durations)
    {
        ArgumentNullException.ThrowIfNull(durations);
        return FindCriticalPath(durations.AsSpan());
    }

    private GraphCycleException CycleError()
    {
        var cycle = FindCycle() ?? throw new InvalidOperationException("graph reported a cycle but none was found");
        return new GraphCycleException(IdsOf(cycle));
    }

    private static void PushMin(int[] heap, ref int size, int value)
    {
        var i = size++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (heap[parent] <= value) break;
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = value;
    }

    private static int PopMin(int[] heap, ref int size)
    {
        var min = heap[0];
        var last = heap[--size];
        var i = 0;
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= size) break;
            if (child + 1 < size && heap[child + 1] < heap[child]) child++;
            if (heap[child] >= last) break;
            heap[i] = heap[child];
            i = child;
        }
        if (size > 0) heap[i] = last;
        return min;
    }
}
