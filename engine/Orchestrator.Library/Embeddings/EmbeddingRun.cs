namespace Orchestrator.Library.Embeddings;

/// <summary>
/// What one add did to the library's vectors: the chunks it embedded with <paramref name="Model"/>, and the model whose
/// vectors it dropped first (a library holds vectors of one model only: another model re-embeds every chunk).
/// </summary>
public sealed record EmbeddingRun(string Model, int Embedded, string? Replaced);
