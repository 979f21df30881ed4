using Microsoft.Extensions.AI;

namespace Orchestrator.Library.Tests;

/// <summary>
/// A real, deterministic embedder for plumbing tests: the hashing trick over lower-cased words (FNV-1a picks the
/// dimension and the sign), so texts sharing words have a high cosine. Not a language model; it only lets the vector
/// path (storage, dimensions, exact cosine, fusion) be tested without one.
/// </summary>
internal sealed class HashingEmbedder(int dimensions = 384, string modelId = "hashing-384") : IEmbeddingGenerator<string, Embedding<float>>
{
    public int Calls { get; private set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Calls++;
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values) result.Add(new Embedding<float>(Embed(text)));
        return Task.FromResult(result);
    }

    public float[] Embed(string text)
    {
        var vector = new float[dimensions];
        foreach (var word in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var hash = 14695981039346656037UL;
            foreach (var c in word.Where(char.IsLetterOrDigit)) hash = (hash ^ c) * 1099511628211UL;
            vector[(int)(hash % (ulong)dimensions)] += (hash >> 63) == 0 ? 1 : -1;
        }
        return vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("tests", null, modelId, dimensions) : null;

    public void Dispose()
    {
    }
}
