namespace Orchestrator.Server.Pipelines;

/// <summary>The answer of <c>POST /api/pipelines/validate</c>.</summary>
public sealed record PipelineCheck(bool Valid, IReadOnlyList<PipelineCheckProblem> Problems);

/// <summary>One problem of a pipeline, at its JSON path.</summary>
public sealed record PipelineCheckProblem(string Path, string Message);
