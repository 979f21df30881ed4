using System.Text;
using StackExchange.Redis;

namespace Orchestrator.Cluster.Tests;

/// <summary>
/// Where a text (a session id) occurs in a Redis: in a key's name, or in any field, value or member of it, whatever its
/// type; each occurrence as <c>key</c> or <c>key field</c>. What a delete must leave empty, read the way an operator
/// would look, so a key or field the code forgot is found as well as one it names.
/// </summary>
internal static class RedisMentions
{
    /// <param name="pattern">The keys to look in (a SCAN MATCH pattern).</param>
    /// <param name="ignoring">Keys left out by name.</param>
    public static async Task<IReadOnlyList<string>> OfAsync(IConnectionMultiplexer redis, string text, string pattern = "*", params string[] ignoring)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        var db = redis.GetDatabase();
        var found = new List<string>();
        foreach (var key in redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: pattern, pageSize: 1000).ToArray())
        {
            var name = (string)key!;
            if (ignoring.Contains(name)) continue;
            if (name.Contains(text, StringComparison.Ordinal))
            {
                found.Add(name);
                continue;
            }
            IEnumerable<(string Where, RedisValue Value)> values = await db.KeyTypeAsync(key) switch
            {
                RedisType.String => [(name, await db.StringGetAsync(key))],
                RedisType.Hash => (await db.HashGetAllAsync(key)).SelectMany(e => new[] { ($"{name} {e.Name}", e.Name), ($"{name} {e.Name}", e.Value) }),
                RedisType.List => (await db.ListRangeAsync(key)).Select(v => (name, v)),
                RedisType.Set => (await db.SetMembersAsync(key)).Select(v => (name, v)),
                RedisType.SortedSet => (await db.SortedSetRangeByRankAsync(key)).Select(v => (name, v)),
                var other => throw new InvalidOperationException($"{name}: a {other} is not looked into"),
            };
            found.AddRange(values.Where(v => ((byte[])v.Value!).AsSpan().IndexOf(needle) >= 0).Select(v => v.Where).Distinct());
        }
        return found;
    }
}
