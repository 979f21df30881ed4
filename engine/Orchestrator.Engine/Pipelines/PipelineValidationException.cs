namespace Orchestrator.Engine.Pipelines;

/// <summary>
/// A pipeline file that cannot be used, with every problem found in it. The message has one line
/// per problem, <c>file: $.path: message</c>, ready to print as is.
/// </summary>
public sealed class PipelineValidationException : Exception
{
    /// <summary>Name used in messages for a pipeline that was not read from a file.</summary>
    public const string InlineSource = "<pipeline>";

    public PipelineValidationException(string? sourcePath, IReadOnlyList<PipelineProblem> problems)
        : base(Format(sourcePath, problems))
    {
        SourcePath = sourcePath;
        Problems = problems;
    }

    /// <summary>The file as it was given to the loader; null when the pipeline came from a string.</summary>
    public string? SourcePath { get; }

    public IReadOnlyList<PipelineProblem> Problems { get; }

    private static string Format(string? sourcePath, IReadOnlyList<PipelineProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var file = sourcePath ?? InlineSource;
        return problems.Count == 0
            ? $"{file}: invalid pipeline"
            : string.Join(Environment.NewLine, problems.Select(p => $"{file}: {p.Path}: {p.Message}"));
    }
}
