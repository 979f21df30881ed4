namespace Orchestrator.Llm.Generation;

/// <summary>A model as the <c>llm</c> node sees it, known without loading it.</summary>
/// <param name="Name">The name it has in the catalog.</param>
/// <param name="Path">The GGUF file.</param>
/// <param name="FileHash">SHA-256 of the file: enters input hashes and generation cache keys.</param>
/// <param name="ContextSize">Tokens one context holds, prompt and generation together.</param>
/// <param name="Seed">The model's default sampling seed.</param>
public sealed record ModelDescription(string Name, string Path, string FileHash, int ContextSize, uint Seed);
