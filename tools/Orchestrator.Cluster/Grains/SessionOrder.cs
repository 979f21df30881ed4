namespace Orchestrator.Cluster.Grains;

/// <summary>What a client asked of a session: the pipeline, the posted file's name and the requirements (as JSON). The manuscript's bytes travel beside it once and are kept in Redis.</summary>
[GenerateSerializer, Immutable, Alias("orchestrator.session-order")]
public sealed record SessionOrder
{
    [Id(0)] public required string Pipeline { get; init; }
    [Id(1)] public required string FileName { get; init; }
    [Id(2)] public required string RequirementsJson { get; init; }
    [Id(3)] public required DateTimeOffset PostedAt { get; init; }
}
