using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Nodes;

/// <summary>
/// Maps the <c>type</c> of a pipeline node to a factory, so a new node type is a registration,
/// not an engine change.
/// </summary>
public sealed class NodeRegistry
{
    private readonly Dictionary<string, Registration> _types = new(StringComparer.Ordinal);

    public NodeRegistry Register(string type, Func<NodeDefinition, WorkflowNode> factory, string description = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(factory);
        if (!_types.TryAdd(type, new Registration(factory, description)))
            throw new InvalidOperationException($"node type '{type}' is already registered");
        return this;
    }

    public bool Contains(string type) => _types.ContainsKey(type);

    /// <summary>Registered types in a stable (alphabetical) order, for messages and docs.</summary>
    public IReadOnlyList<string> KnownTypes => _types.Keys.Order(StringComparer.Ordinal).ToArray();

    public string DescriptionOf(string type) => _types.TryGetValue(type, out var r) ? r.Description : "";

    public WorkflowNode Create(NodeDefinition definition)
    {
        if (!_types.TryGetValue(definition.Type, out var registration))
            throw new InvalidOperationException(
                $"unknown node type '{definition.Type}' (known: {string.Join(", ", KnownTypes)})");
        return registration.Factory(definition);
    }

    private sealed record Registration(Func<NodeDefinition, WorkflowNode> Factory, string Description);
}
