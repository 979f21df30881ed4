using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Tests.Pipelines;

/// <summary>A node registry for tests: every type maps to <see cref="ConstantNode"/>.</summary>
internal static class TestRegistry
{
    public static readonly string[] NovelTypes =
        ["structure", "style", "characters", "pacing", "themes", "consistency", "recommendations"];

    public static NodeRegistry Create(params string[] types)
    {
        var registry = new NodeRegistry();
        foreach (var type in types.Length == 0 ? NovelTypes : types)
            registry.Register(type, definition => new ConstantNode(definition), $"test node '{type}'");
        return registry;
    }

    /// <summary>A trivial node: always succeeds with the same score.</summary>
    private sealed class ConstantNode(NodeDefinition definition) : WorkflowNode(definition)
    {
        public override Task<NodeResult> RunAsync(NodeContext context, CancellationToken cancellationToken) =>
            Task.FromResult(new NodeResult { Score = 1.0, Summary = $"{Id} ran" });
    }
}
