namespace Orchestrator.Engine.Pipelines;

/// <summary>A pipeline file after it passed validation: what to run, how, and the rules that steer it.</summary>
public sealed record PipelineDefinition
{
    public required string Name { get; init; }
    public int Version { get; init; } = 1;
    public PipelineSettings Settings { get; init; } = new();
    public required IReadOnlyList<NodeDefinition> Nodes { get; init; }
    public RulesDefinition? Rules { get; init; }

    /// <summary>Full path of the file it was read from; null when built in code.</summary>
    public string? SourcePath { get; init; }

    public NodeDefinition? FindNode(string id)
    {
        foreach (var node in Nodes)
            if (node.Id == id) return node;
        return null;
    }
}
