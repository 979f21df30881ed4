using Orchestrator.Manuscripts.Requirements;

namespace Orchestrator.Server.Sessions;

/// <summary>
/// What the server knows of a session it was given, beyond the engine's own state: the stored upload, the
/// pipeline and requirements, the keys that make posts idempotent, and whether it still has to run (queued,
/// running, or cut by a stop or a crash). Persisted, so a restart picks up every active one.
/// </summary>
public sealed record Submission
{
    public required string Id { get; init; }
    public required string Pipeline { get; init; }

    /// <summary>The stored upload the session analyses.</summary>
    public required string UploadPath { get; init; }

    /// <summary>The posted file's name (or <c>manuscript.txt</c> for a raw body).</summary>
    public required string FileName { get; init; }

    /// <summary>SHA-256 of the posted bytes.</summary>
    public required string ContentHash { get; init; }
    public required ManuscriptRequirements Requirements { get; init; }

    /// <summary>The content, pipeline and requirements as one key: the same key finds the same finished session.</summary>
    public required string ContentKey { get; init; }
    public string? IdempotencyKey { get; init; }
    public string? BatchId { get; init; }
    public required DateTimeOffset PostedAt { get; init; }

    /// <summary>Still to run: queued, running, or stopped by the server (not by a client) before it finished.</summary>
    public bool Active { get; init; }

    /// <summary>Why the last run could not start or finish (a vanished upload, a pipeline that no longer compiles).</summary>
    public string? Error { get; init; }
}
