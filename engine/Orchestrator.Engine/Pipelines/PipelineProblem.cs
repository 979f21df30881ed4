namespace Orchestrator.Engine.Pipelines;

/// <summary>
/// One thing wrong with a pipeline file: where (a JSON path such as <c>$.nodes[2].dependsOn[0]</c>)
/// and what, in words a pipeline author can act on.
/// </summary>
public sealed record PipelineProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
