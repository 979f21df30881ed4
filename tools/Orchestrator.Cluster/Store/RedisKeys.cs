using StackExchange.Redis;

namespace Orchestrator.Cluster.Store;

/// <summary>
/// The names of a cluster's keys in Redis, all under <c>orchestrator:&lt;cluster-id&gt;:</c> so several clusters share
/// one Redis without meeting. Per session: its state hash (state JSON and its version), lease, snapshots list,
/// events list, input copy, attachments hash and upload; for the cluster: the summaries hash, the index and the sessions
/// the silos drive now. A session's keys and fields are kept until it is deleted (<see cref="RedisScripts.Delete"/>),
/// which removes every one of them, its Idempotency-Key included; the grain's own record and reminder (Orleans' keys)
/// go with it, through Orleans.
/// </summary>
public sealed class RedisKeys(string clusterId)
{
    private readonly string _prefix = $"orchestrator:{clusterId}:";

    public string ClusterId { get; } = clusterId;

    public RedisKey State(string id) => _prefix + "state:" + id;
    public RedisKey Lease(string id) => _prefix + "lease:" + id;
    public RedisKey Snapshots(string id) => _prefix + "snapshots:" + id;
    public RedisKey Events(string id) => _prefix + "events:" + id;
    public RedisKey Input(string id) => _prefix + "input:" + id;
    public RedisKey Attachments(string id) => _prefix + "attachments:" + id;

    /// <summary>A posted manuscript, read when its session is created (which keeps its own input copy); deleted once the session ended.</summary>
    public RedisKey Upload(string id) => _prefix + "upload:" + id;

    /// <summary>Every session's listing line (a small JSON), by id: listing never reads a whole state.</summary>
    public RedisKey Summaries => _prefix + "summaries";

    /// <summary>Every session posted to the cluster, by id (<see cref="Sessions.PostedSession"/> as JSON): listing sees a session before its first state is written.</summary>
    public RedisKey Posted => _prefix + "posted";

    /// <summary>The Idempotency-Keys of posts, each with the session it made (<see cref="Sessions.PostedSession"/> as JSON).</summary>
    public RedisKey IdempotencyKeys => _prefix + "idempotency-keys";

    /// <summary>The sessions a silo drives now, by id (<see cref="Status.DrivenSession"/> as JSON): what <c>cluster status</c> reads.</summary>
    public RedisKey Driven => _prefix + "driven";

    /// <summary>Each silo's load and model, by silo (<see cref="Placement.SiloLoad"/> as JSON), refreshed every second: what placement reads.</summary>
    public RedisKey Silos => _prefix + "silos";

    /// <summary>The sessions under one <see cref="Engine.State.SessionKey"/> digest, by id.</summary>
    public RedisKey Index(string digest) => IndexPrefix + digest;

    /// <summary>The name of every <see cref="Index"/> key but its digest: the delete script reads the digest from the state it deletes.</summary>
    public string IndexPrefix => _prefix + "index:";

    /// <summary>Hash fields of <see cref="State"/>.</summary>
    public static readonly RedisValue StateField = "state";
    public static readonly RedisValue VersionField = "version";
    public static readonly RedisValue DigestField = "digest";
}
