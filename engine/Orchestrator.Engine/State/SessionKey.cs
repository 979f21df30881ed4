namespace Orchestrator.Engine.State;

/// <summary>
/// What makes two sessions the same work: the input's content hash, the pipeline's hash (file and rules) and the
/// requirements. The session index looks sessions up by it, so a re-run finds the session it can go on with.
/// </summary>
public sealed record SessionKey(string InputHash, string PipelineHash, string? RequirementsJson)
{
    public static SessionKey Of(SessionState state) => new(state.InputHash, state.PipelineHash, state.RequirementsJson);

    /// <summary>A short, file-name-safe digest of the three parts (hex).</summary>
    public string Digest { get; } = ContentHash.OfParts(
        System.Text.Encoding.UTF8.GetBytes(InputHash),
        System.Text.Encoding.UTF8.GetBytes(PipelineHash),
        System.Text.Encoding.UTF8.GetBytes(RequirementsJson ?? ""))[ContentHash.Prefix.Length..][..32];
}

/// <summary>One session the index holds under a key: its status and input path as of its last status change.</summary>
public sealed record IndexedSession(string Id, SessionStateStatus Status, string InputPath, DateTimeOffset UpdatedAt);
