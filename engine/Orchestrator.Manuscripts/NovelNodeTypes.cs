using Orchestrator.Engine.Nodes;
using Orchestrator.Manuscripts.Characters;
using Orchestrator.Manuscripts.Consistency;
using Orchestrator.Manuscripts.Pacing;
using Orchestrator.Manuscripts.Recommendations;
using Orchestrator.Manuscripts.Reference;
using Orchestrator.Manuscripts.Structure;
using Orchestrator.Manuscripts.Style;
using Orchestrator.Manuscripts.Themes;

namespace Orchestrator.Manuscripts;

/// <summary>The node types of the novel domain, registered under the names pipeline files use.</summary>
public static class NovelNodeTypes
{
    public static NodeRegistry CreateRegistry() => Register(new NodeRegistry());

    /// <summary>The registry with a reference library given to the nodes that read one (consistency); null for none.</summary>
    public static NodeRegistry CreateRegistry(IReferenceLibrary? library) => Register(new NodeRegistry(), library);

    public static NodeRegistry Register(NodeRegistry registry, IReferenceLibrary? library = null) => registry
        .Register(StructureNode.TypeName, d => new StructureNode(d), StructureNode.Description)
        .Register(StyleNode.TypeName, d => new StyleNode(d), StyleNode.Description)
        .Register(CharactersNode.TypeName, d => new CharactersNode(d), CharactersNode.Description)
        .Register(PacingNode.TypeName, d => new PacingNode(d), PacingNode.Description)
        .Register(ThemesNode.TypeName, d => new ThemesNode(d), ThemesNode.Description)
        .Register(ConsistencyNode.TypeName, d => new ConsistencyNode(d, library), ConsistencyNode.Description)
        .Register(RecommendationsNode.TypeName, d => new RecommendationsNode(d), RecommendationsNode.Description)
        .Register(Revision.ReviseNode.TypeName, d => new Revision.ReviseNode(d), Revision.ReviseNode.Description);
}
