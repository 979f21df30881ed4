using Orchestrator.Manuscripts.Batch;
using Orchestrator.Manuscripts.Requirements;

namespace Orchestrator.Server.Batches;

/// <summary>
/// A batch the server was given: its manuscripts in discovery order, each with the session that analyses it.
/// Persisted as <c>&lt;data&gt;/server/batches/&lt;id&gt;/batch.json</c>, beside the unpacked upload (<c>input/</c>).
/// </summary>
public sealed record BatchRecord
{
    public required string Id { get; init; }

    /// <summary>The posted .zip's name without extension, or <c>upload</c> for loose files.</summary>
    public required string Name { get; init; }
    public required string Pipeline { get; init; }
    public required ManuscriptRequirements Requirements { get; init; }
    public required DateTimeOffset PostedAt { get; init; }
    public required IReadOnlyList<BatchEntry> Manuscripts { get; init; }

    /// <summary>What discovery passed over and why (a folder whose files are not all chapters...).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>One manuscript of a batch: what loading it found, its session, and how the session ended (once it has).</summary>
/// <param name="File">Its path relative to the batch folder, as <c>batch</c> names it (a chapter folder's ends with '/').</param>
/// <param name="Reused">A finished session of the same content, pipeline and requirements was taken: nothing ran.</param>
/// <param name="Result">Filled when its session stops on this server.</param>
public sealed record BatchEntry(
    string File, string SessionId, bool Reused, string? Title, int Words, int Chapters, string EncodingNote, BatchEntryResult? Result);

/// <summary>How a batch manuscript's session ended: the figures <c>batch</c>'s summary gives that only the finished analysis knows.</summary>
public sealed record BatchEntryResult(BatchStatus Status, double? Quality, IReadOnlyList<string> TopRecommendations, double DurationSeconds, string? Error);
