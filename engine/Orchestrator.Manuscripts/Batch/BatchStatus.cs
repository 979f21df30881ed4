using System.Text.Json.Serialization;

namespace Orchestrator.Manuscripts.Batch;

/// <summary>How one manuscript of a batch ended; the JSON and CSV names are in brackets.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BatchStatus>))]
public enum BatchStatus
{
    /// <summary>Analysed by a new session, every node succeeded (<c>succeeded</c>).</summary>
    [JsonStringEnumMemberName("succeeded")] Succeeded,

    /// <summary>An interrupted session of it was resumed and finished (<c>resumed</c>).</summary>
    [JsonStringEnumMemberName("resumed")] Resumed,

    /// <summary>A finished session of the same content, pipeline and requirements was reused; nothing ran (<c>skipped-already-done</c>).</summary>
    [JsonStringEnumMemberName("skipped-already-done")] SkippedAlreadyDone,

    /// <summary>The file was refused (empty, binary, undecodable...), or the session failed or some node failed (<c>failed</c>).</summary>
    [JsonStringEnumMemberName("failed")] Failed,

    /// <summary>Stopped by Ctrl-C while it ran; the next run resumes it (<c>interrupted</c>).</summary>
    [JsonStringEnumMemberName("interrupted")] Interrupted,

    /// <summary>The batch was stopped before its turn came (<c>not-started</c>).</summary>
    [JsonStringEnumMemberName("not-started")] NotStarted,
}
