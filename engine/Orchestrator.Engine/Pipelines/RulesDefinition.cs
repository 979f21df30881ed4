namespace Orchestrator.Engine.Pipelines;

/// <summary>The decision rules of a pipeline: each an inline C# expression or a path to a .csx file.</summary>
public sealed record RulesDefinition
{
    public string? Select { get; init; }
    public string? Stop { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);
}
