namespace Orchestrator.Engine.Graph;

/// <summary>The longest chain of dependent nodes by duration: node indices from first to last, and its total.</summary>
public sealed record CriticalPath(IReadOnlyList<int> Nodes, TimeSpan Total)
{
    public static readonly CriticalPath Empty = new([], TimeSpan.Zero);
}
