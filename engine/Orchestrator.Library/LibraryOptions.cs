using Microsoft.Extensions.AI;
using Orchestrator.Library.Chunking;
using Orchestrator.Manuscripts.Loading;

namespace Orchestrator.Library;

/// <summary>How a library is opened.</summary>
public sealed record LibraryOptions
{
    /// <summary>Create the database (and its folder) when it does not exist; otherwise a missing library is an error.</summary>
    public bool Create { get; init; }

    /// <summary>
    /// The embedder (LLamaSharp's through Microsoft.Extensions.AI, when a model is configured). Without one the
    /// library is lexical only: adds store no vectors and searches use BM25 alone.
    /// </summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Embeddings { get; init; }

    /// <summary>How documents are read (the same loaders as <c>run</c>); strict UTF-8 by default.</summary>
    public ManuscriptLoadOptions Loading { get; init; } = ManuscriptLoadOptions.Default;

    internal ChunkingOptions Chunking { get; init; } = ChunkingOptions.Default;

    /// <summary>From how many chunks searches are ranked by an in-memory index (<see cref="Search.LexicalIndex"/>) once it is built.</summary>
    internal int InMemoryIndexMinChunks { get; init; } = Search.LexicalIndex.MinChunks;

    public static LibraryOptions Default { get; } = new();
}
