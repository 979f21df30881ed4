namespace Orchestrator.Cluster.Sessions;

/// <summary>A session as posted to the cluster, noted in Redis at the post (<see cref="Store.RedisKeys.Posted"/>): listed from then on, before its run writes a first state.</summary>
/// <param name="ContentHash">SHA-256 of the posted bytes: a retried post with the same Idempotency-Key must carry the same.</param>
/// <param name="IdempotencyKey">The post's Idempotency-Key, if it had one: deleting the session lets go of it, so the key can make a new session.</param>
public sealed record PostedSession(string Id, string Pipeline, string FileName, DateTimeOffset PostedAt, string? ContentHash = null, string? IdempotencyKey = null);
