using Serilog;

namespace Orchestrator.Engine.Nodes;

/// <summary>
/// Everything a node may read while it runs. The engine is generic: the subject (a manuscript,
/// for the novel nodes) and the requirements are opaque objects the domain nodes cast.
/// </summary>
public sealed class NodeContext
{
    public required string SessionId { get; init; }
    public required int Iteration { get; init; }
    public required int Attempt { get; init; }
    public required object Subject { get; init; }
    public object? Requirements { get; init; }

    /// <summary>Results of the node's dependencies, keyed by node id.</summary>
    public required IReadOnlyDictionary<string, NodeResult> Upstream { get; init; }
    public ILogger Log { get; init; } = Serilog.Core.Logger.None;

    public T SubjectAs<T>() where T : class =>
        Subject as T ?? throw new InvalidNodeInputException(
            $"expected a {typeof(T).Name} to analyse but got {Subject.GetType().Name}");

    public T? RequirementsAs<T>() where T : class => Requirements as T;

    public NodeResult RequireUpstream(string nodeId) =>
        Upstream.TryGetValue(nodeId, out var result)
            ? result
            : throw new InvalidNodeInputException($"needs the result of '{nodeId}', which is not among its dependencies' results");
}
