namespace Orchestrator.Engine.Graph;

public sealed partial class WorkflowGraph
{
    /// <summary>
    /// One cycle, or null when the graph has none (iterative depth-first search). The cycle follows
    /// the edges (each node is a dependency of the next; the last closes back to the first) and
    /// starts at its node with the lowest index.
    /// </summary>
    public int[]? FindCycle()
    {
        var n = Count;
        var state = new byte[n]; // 0 unvisited, 1 on the current path, 2 finished
        var stack = new int[n];
        var cursor = new int[n];
        var depthOf = new int[n];
        for (var root = 0; root < n; root++)
        {
            if (state[root] != 0) continue;
            var top = 0;
            stack[0] = root;
            cursor[0] = _dependantStart[root];
            state[root] = 1;
            depthOf[root] = 0;
            while (top >= 0)
            {
                var v = stack[top];
                if (cursor[top] < _dependantStart[v + 1])
                {
                    var w = _dependants[cursor[top]++];
                    if (state[w] == 0)
                    {
                        top++;
                        stack[top] = w;
                        cursor[top] = _dependantStart[w];
                        state[w] = 1;
                        depthOf[w] = top;
                    }
                    else if (state[w] == 1)
                    {
                        return StartAtLowest(stack.AsSpan(depthOf[w], top - depthOf[w] + 1));
                    }
                }
                else
                {
                    state[v] = 2;
                    top--;
                }
            }
        }
        return null;
    }

    /// <summary>
    /// One cycle per strongly connected component that has one (so independent cycles are all
    /// reported), each the shortest cycle through the component's lowest-index node, starting there.
    /// Ordered by that node. Empty when the graph is acyclic.
    /// </summary>
    public IReadOnlyList<int[]> FindCycles()
    {
        var n = Count;
        var cycles = new List<int[]>();
        var index = new int[n];
        Array.Fill(index, -1);
        var low = new int[n];
        var component = new int[n];
        Array.Fill(component, -1);
        var onStack = new bool[n];
        var members = new int[n];
        var memberCount = 0;
        var call = new int[n];
        var cursor = new int[n];
        var counter = 0;
        var components = 0;
        int[]? parent = null;

        for (var root = 0; root < n; root++)
        {
            if (index[root] >= 0) continue;
            var top = 0;
            call[0] = root;
            cursor[0] = _dependantStart[root];
            index[root] = low[root] = counter++;
            members[memberCount++] = root;
            onStack[root] = true;
            while (top >= 0)
            {
                var v = call[top];
                if (cursor[top] < _dependantStart[v + 1])
                {
                    var w = _dependants[cursor[top]++];
                    if (index[w] < 0)
                    {
                        index[w] = low[w] = counter++;
                        members[memberCount++] = w;
                        onStack[w] = true;
                        top++;
                        call[top] = w;
                        cursor[top] = _dependantStart[w];
                    }
                    else if (onStack[w] && index[w] < low[v])
                    {
                        low[v] = index[w];
                    }
                    continue;
                }

                if (low[v] == index[v])
                {
                    int w, size = 0, lowest = int.MaxValue;
                    do
                    {
                        w = members[--memberCount];
                        onStack[w] = false;
                        component[w] = components;
                        size++;
                        if (w < lowest) lowest = w;
                    } while (w != v);
                    if (size > 1 || DependantsOf(v).Contains(v))
                    {
                        parent ??= new int[n];
                        cycles.Add(ShortestCycleThrough(lowest, component, parent));
                    }
                    components++;
                }
                top--;
                if (top >= 0 && low[v] < low[call[top]]) low[call[top]] = low[v];
            }
        }

        cycles.Sort((a, b) => a[0].CompareTo(b[0]));
        return cycles;
    }

    /// <summary>Breadth-first search from <paramref name="start"/> inside its component back to itself.</summary>
    private int[] ShortestCycleThrough(int start, int[] component, int[] parent)
    {
        var own = component[start];
        var queue = new Queue<int>();
        queue.Enqueue(start);
        parent[start] = -1;
        var seen = new HashSet<int> { start };
        while (queue.Count > 0)
        {
            var u = queue.Dequeue();
            foreach (var w in DependantsOf(u))
            {
                if (w == start)
                {
                    var path = new List<int>();
                    for (var x = u; x >= 0; x = parent[x]) path.Add(x);
                    path.Reverse();
                    return path.ToArray();
                }
                if (component[w] != own || !seen.Add(w)) continue;
                parent[w] = u;
                queue.Enqueue(w);
            }
        }
        throw new InvalidOperationException($"node {start} is in a cyclic component but no cycle returns to it");
    }

    private static int[] StartAtLowest(ReadOnlySpan<int> cycle)
    {
        var lowestAt = 0;
        for (var i = 1; i < cycle.Length; i++)
            if (cycle[i] < cycle[lowestAt]) lowestAt = i;
        var result = new int[cycle.Length];
        cycle[lowestAt..].CopyTo(result);
        cycle[..lowestAt].CopyTo(result.AsSpan(cycle.Length - lowestAt));
        return result;
    }
}
