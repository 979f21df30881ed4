using Orchestrator.Engine.Nodes;
using Orchestrator.Manuscripts.Recommendations;
using Orchestrator.Manuscripts.Structure;

namespace Orchestrator.Manuscripts;

/// <summary>The node types of the novel domain, registered under the names pipeline files use.</summary>
public static class NovelNodeTypes
{
    public static NodeRegistry CreateRegistry() => Register(new NodeRegistry());

    public static NodeRegistry Register(NodeRegistry registry) => registry
        .Register(StructureNode.TypeName, d => new StructureNode(d), StructureNode.Description)
        .Register(RecommendationsNode.TypeName, d => new RecommendationsNode(d), RecommendationsNode.Description);
}
