using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Server.Sessions;

/// <summary>
/// A checked post of one manuscript: its fields, its file name (a batch's: its path in the batch, as <c>batch</c> names
/// it), its bytes, their SHA-256 (a chapter folder's: of its files), and the document loaded from it (the loader accepted it).
/// </summary>
/// <param name="Bytes">The posted file; null for a batch's manuscript, which is at <see cref="KeptAt"/>.</param>
public sealed record SessionPost(SessionRequest Fields, string FileName, byte[]? Bytes, string ContentHash, ManuscriptDocument Document)
{
    /// <summary>The client's Idempotency-Key: a retried post with it answers the same session.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Where this server already keeps the manuscript (a batch's unpacked file or chapter folder); null: the posted bytes are to be kept.</summary>
    public string? KeptAt { get; init; }

    /// <summary>The batch the session belongs to.</summary>
    public string? BatchId { get; init; }
}
