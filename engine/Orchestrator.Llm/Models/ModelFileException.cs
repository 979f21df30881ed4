namespace Orchestrator.Llm.Models;

/// <summary>
/// A model file that cannot be used: missing, not GGUF, truncated or corrupt, or too large for memory. The message
/// names the file and what is wrong with it; hosts end with their "bad pipeline or command line" exit code.
/// </summary>
public sealed class ModelFileException(string path, string problem)
    : Exception($"model file '{path}': {problem}")
{
    public string ModelPath { get; } = path;
    public string Problem { get; } = problem;
}
