namespace Orchestrator.Llm.Models;

/// <summary>What a GGUF header says about a model, enough to check the file and estimate memory before loading.</summary>
/// <param name="Version">GGUF format version (2 or 3).</param>
/// <param name="Architecture"><c>general.architecture</c>, e.g. <c>llama</c>.</param>
/// <param name="TrainedContext"><c>&lt;arch&gt;.context_length</c>, 0 when absent.</param>
/// <param name="Layers"><c>&lt;arch&gt;.block_count</c>.</param>
/// <param name="EmbeddingLength"><c>&lt;arch&gt;.embedding_length</c>.</param>
/// <param name="Heads"><c>&lt;arch&gt;.attention.head_count</c>.</param>
/// <param name="KeyValueHeads"><c>&lt;arch&gt;.attention.head_count_kv</c> (equal to <paramref name="Heads"/> when absent).</param>
/// <param name="VocabularySize">Entries of <c>tokenizer.ggml.tokens</c>, 0 when absent.</param>
/// <param name="TensorCount">Tensors declared in the header.</param>
/// <param name="FileLength">Bytes on disk.</param>
/// <param name="DataEnd">Where the last tensor's data ends: a file shorter than this is truncated.</param>
public sealed record GgufFacts(
    int Version, string Architecture, int TrainedContext, int Layers, int EmbeddingLength, int Heads, int KeyValueHeads,
    int VocabularySize, long TensorCount, long FileLength, long DataEnd);
