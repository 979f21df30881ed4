using Orchestrator.Engine.Nodes;

namespace Orchestrator.Llm.Node;

/// <summary>Registers the <c>llm</c> node type with the services its factory hands to every node.</summary>
public static class LlmNodeTypes
{
    public static NodeRegistry Register(NodeRegistry registry, LlmServices services) =>
        registry.Register(LlmNode.TypeName, d => new LlmNode(d, services), LlmNode.Description);
}
