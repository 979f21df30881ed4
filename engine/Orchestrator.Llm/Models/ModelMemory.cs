namespace Orchestrator.Llm.Models;

/// <summary>
/// Memory a model needs before it is loaded: the weights (the tensor data) and, per context, the KV cache
/// (2 × layers × context × key/value width × 2 bytes, f16) plus the logits and scratch buffers of one batch.
/// An estimate on the safe side, used to refuse a context that cannot fit instead of letting llama.cpp fail
/// half-way, and to size the context pool.
/// </summary>
public static class ModelMemory
{
    /// <summary>Bytes of weights (the file's tensor data, mapped or copied).</summary>
    public static long Weights(GgufFacts facts) => facts.DataEnd;

    /// <summary>Bytes one context of <paramref name="contextSize"/> tokens needs.</summary>
    public static long PerContext(GgufFacts facts, int contextSize, int batchSize)
    {
        var headWidth = facts.Heads == 0 ? facts.EmbeddingLength : facts.EmbeddingLength / facts.Heads;
        var kvWidth = (long)headWidth * Math.Max(facts.KeyValueHeads, 1);
        var kvCache = 2L * facts.Layers * contextSize * kvWidth * sizeof(short);
        var logits = (long)Math.Min(batchSize, contextSize) * Math.Max(facts.VocabularySize, 1) * sizeof(float);
        var scratch = (long)Math.Min(batchSize, contextSize) * facts.EmbeddingLength * sizeof(float) * 16 + (8L << 20);
        return kvCache + logits + scratch;
    }

    /// <summary>Physical memory the process may still use: the GC's view (container limits included).</summary>
    public static long Available()
    {
        var info = GC.GetGCMemoryInfo();
        return Math.Max(0, info.TotalAvailableMemoryBytes - Environment.WorkingSet);
    }

    /// <summary>
    /// How many contexts fit beside the weights, up to <paramref name="wanted"/>.
    /// </summary>
    /// <exception cref="ModelFileException">Not even one context fits: the context is too large for memory.</exception>
    public static int ContextsThatFit(ModelSettings model, GgufFacts facts, int wanted, long available)
    {
        var weights = Weights(facts);
        var perContext = PerContext(facts, model.ContextSize, model.BatchSize);
        var room = available - weights;
        if (room < perContext)
            throw new ModelFileException(model.Path,
                $"a context of {model.ContextSize:N0} tokens needs about {Mib(perContext)} MiB beside {Mib(weights)} MiB of weights, " +
                $"but only {Mib(available)} MiB are available; lower contextSize for model '{model.Name}'");
        return (int)Math.Clamp(room / perContext, 1, Math.Max(wanted, 1));
    }

    private static long Mib(long bytes) => (bytes + (1 << 20) - 1) >> 20;
}
