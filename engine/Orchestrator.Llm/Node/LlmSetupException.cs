namespace Orchestrator.Llm.Node;

/// <summary>The <c>llm</c> nodes of a pipeline cannot run as configured (each problem names its node and file).</summary>
public sealed class LlmSetupException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
