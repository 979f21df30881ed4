namespace Orchestrator.Cluster.Sessions;

/// <summary>A session as posted to the cluster, noted in Redis at the post (<see cref="Store.RedisKeys.Posted"/>): listed from then on, before its run writes a first state.</summary>
public sealed record PostedSession(string Id, string Pipeline, string FileName, DateTimeOffset PostedAt);
