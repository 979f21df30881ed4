namespace Orchestrator.Engine.Nodes;

/// <summary>The verdict of <see cref="WorkflowNode.Validate"/>.</summary>
public readonly record struct ResultValidation(bool IsValid, string? Error)
{
    public static readonly ResultValidation Valid = new(true, null);
    public static ResultValidation Invalid(string error) => new(false, error);
}
