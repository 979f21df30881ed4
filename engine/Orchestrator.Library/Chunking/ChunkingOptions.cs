namespace Orchestrator.Library.Chunking;

/// <summary>How documents are cut into chunks. The defaults suit BM25 over prose and small embedding models alike.</summary>
internal sealed record ChunkingOptions
{
    /// <summary>A chunk closes at the first paragraph end at or past this many words.</summary>
    public int TargetWords { get; init; } = 250;

    /// <summary>A paragraph longer than this is cut on sentences; a chunk never grows past it by adding a paragraph.</summary>
    public int MaxWords { get; init; } = 400;

    /// <summary>The last paragraph (or sentence) of a chunk starts the next one too when it is at most this long, so a
    /// passage that straddles two chunks is whole in one of them.</summary>
    public int OverlapWords { get; init; } = 120;

    public static ChunkingOptions Default { get; } = new();
}
