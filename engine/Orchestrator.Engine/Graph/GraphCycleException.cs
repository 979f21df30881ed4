namespace Orchestrator.Engine.Graph;

/// <summary>An operation that needs an acyclic graph met a cycle; <see cref="Cycle"/> says which.</summary>
public sealed class GraphCycleException : InvalidOperationException
{
    public GraphCycleException(IReadOnlyList<string> cycle)
        : base($"cycle: {string.Join(" -> ", cycle)} -> {(cycle.Count > 0 ? cycle[0] : "")}")
    {
        Cycle = cycle;
    }

    /// <summary>Node ids along the cycle, each a dependency of the next; the last leads back to the first.</summary>
    public IReadOnlyList<string> Cycle { get; }
}
