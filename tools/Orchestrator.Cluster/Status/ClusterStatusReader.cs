using System.Text.Json;
using Orchestrator.Cluster.Silo;
using Orchestrator.Cluster.Store;
using Orleans.Runtime;
using StackExchange.Redis;

namespace Orchestrator.Cluster.Status;

/// <summary>
/// Reads a cluster's status straight from Redis, without joining it as a silo: the silos from the Orleans membership
/// table (a hash <c>&lt;service-id&gt;/members/&lt;cluster-id&gt;</c> of one JSON entry per silo, written by
/// Orleans' Redis clustering) and the sessions they drive from the session store's notes.
/// </summary>
public static class ClusterStatusReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RedisKey MembershipKey(string clusterId) => $"{SiloSetup.ServiceId}/members/{clusterId}";

    public static async Task<ClusterStatus> ReadAsync(IDatabase redis, string clusterId)
    {
        var silos = new List<SiloEntry>();
        foreach (var field in await redis.HashGetAllAsync(MembershipKey(clusterId)).ConfigureAwait(false))
        {
            // Besides one field per silo, the hash holds the table's version.
            if (!((string)field.Name!).StartsWith('S')) continue;
            using var entry = JsonDocument.Parse((string)field.Value!);
            var root = entry.RootElement;
            var status = root.TryGetProperty("Status", out var s) && s.TryGetInt32(out var code) ? ((SiloStatus)code).ToString() : "Unknown";
            silos.Add(new SiloEntry(field.Name!, status, Time(root, "StartTime"), Time(root, "IAmAliveTime")));
        }
        var sessions = (await redis.HashValuesAsync(new RedisKeys(clusterId).Driven).ConfigureAwait(false))
            .Select(v => JsonSerializer.Deserialize<DrivenSession>((byte[])v!, Json))
            .OfType<DrivenSession>()
            .OrderBy(d => d.Silo, StringComparer.Ordinal).ThenBy(d => d.Since)
            .ToArray();
        return new ClusterStatus(clusterId,
            silos.OrderBy(e => e.IsDead).ThenBy(e => e.Address, StringComparer.Ordinal).ToArray(), sessions);
    }

    private static DateTimeOffset? Time(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.TryGetDateTimeOffset(out var time) ? time : null;
}
