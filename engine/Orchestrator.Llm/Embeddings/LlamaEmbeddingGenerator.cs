using Microsoft.Extensions.AI;
using Orchestrator.Llm.Generation;
using Orchestrator.Llm.Llama;

namespace Orchestrator.Llm.Embeddings;

/// <summary>
/// LLamaSharp's embedder (mean pooling) behind Microsoft.Extensions.AI's <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>,
/// on a model of <see cref="LlamaModels"/>: loaded on the first call and shared with the <c>llm</c> nodes. Its model id
/// is the file's name and the start of its SHA-256 (<c>stories260K.gguf sha256:270cba1bd510</c>), so a library can
/// tell vectors of one model from another's even when two files share a name.
/// </summary>
public sealed class LlamaEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly LlamaModels _models;
    private readonly string? _name;
    private readonly EmbeddingGeneratorMetadata _metadata;

    internal LlamaEmbeddingGenerator(LlamaModels models, string? name, ModelDescription description)
    {
        _models = models;
        _name = name;
        ModelId = IdOf(description);
        _metadata = new EmbeddingGeneratorMetadata("llama.cpp", null, ModelId);
    }

    /// <summary>What the vectors' model is known by in a library.</summary>
    public string ModelId { get; }

    /// <summary>The id of the model <paramref name="description"/> describes: its file name and 12 hex digits of its hash.</summary>
    public static string IdOf(ModelDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var hash = description.FileHash;
        var colon = hash.IndexOf(':', StringComparison.Ordinal);
        var hex = colon >= 0 ? hash[(colon + 1)..] : hash;
        return $"{Path.GetFileName(description.Path)} sha256:{hex[..Math.Min(12, hex.Length)]}";
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToArray();
        return _models.WithModelAsync(_name, async model =>
        {
            var result = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
            foreach (var text in texts)
                result.Add(new Embedding<float>(await model.EmbedAsync(text, cancellationToken).ConfigureAwait(false)) { ModelId = ModelId });
            return result;
        }, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(EmbeddingGeneratorMetadata)) return _metadata;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        // The model belongs to LlamaModels, which unloads it when idle and at the host's end.
    }
}
