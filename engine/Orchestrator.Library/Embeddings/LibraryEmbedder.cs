using Microsoft.Extensions.AI;

namespace Orchestrator.Library.Embeddings;

/// <summary>
/// An <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> as the library uses it: a stable model id (the generator's
/// metadata, else its type), and batched calls whose vectors all have one dimension.
/// </summary>
internal sealed class LibraryEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator)
{
    private const int BatchSize = 32;

    public string ModelId { get; } = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId is { Length: > 0 } id
        ? id
        : generator.GetType().FullName ?? "embedder";

    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct)
    {
        var vectors = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            var batch = texts.Skip(start).Take(BatchSize).ToArray();
            var embeddings = await generator.GenerateAsync(batch, cancellationToken: ct).ConfigureAwait(false);
            if (embeddings.Count != batch.Length)
                throw new InvalidOperationException($"the embedder returned {embeddings.Count} vectors for {batch.Length} texts");
            for (var i = 0; i < batch.Length; i++) vectors[start + i] = embeddings[i].Vector.ToArray();
        }
        if (vectors.Length > 0 && vectors.Any(v => v.Length != vectors[0].Length || v.Length == 0))
            throw new InvalidOperationException("the embedder returned vectors of different or zero dimensions");
        return vectors;
    }

    public async Task<float[]> EmbedAsync(string text, CancellationToken ct) => (await EmbedAsync([text], ct).ConfigureAwait(false))[0];
}
