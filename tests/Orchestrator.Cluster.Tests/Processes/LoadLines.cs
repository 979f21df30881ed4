using System.Text.Json;
using Orchestrator.Cluster.Placement;
using Orchestrator.Cluster.Store;

namespace Orchestrator.Cluster.Tests.Processes;

/// <summary>
/// The load lines silos publish for placement (<see cref="SiloLoad"/>, one field per silo of
/// <c>orchestrator:&lt;cluster-id&gt;:silos</c>), read to learn what each silo's placement knows: a silo writes its
/// line, then reads them all, every second; its line says which silos it placed among at its last read.
/// </summary>
internal static class LoadLines
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Waits until each of <paramref name="silos"/> (as views name them) places among all of them; with
    /// <paramref name="idle"/>, also until each has read the others' lines after all of them showed no session.
    /// </summary>
    public static async Task SeeEachOtherAsync(RedisServer redis, IEnumerable<string> silos, bool idle = false)
    {
        var names = silos.Select(LineName).ToHashSet(StringComparer.Ordinal);
        DateTimeOffset? allIdle = null;
        await WaitForAsync(() =>
        {
            var lines = Read(redis).Where(l => names.Contains(l.Silo)).ToArray();
            if (lines.Length < names.Count || lines.Any(l => !names.IsSubsetOf(l.Sees))) return false;
            if (!idle) return true;
            if (lines.Any(l => l.Sessions.Count > 0))
            {
                allIdle = null;
                return false;
            }
            // A line written after the last of them went idle was followed by a read of them all, idle.
            allIdle ??= lines.Max(l => l.At);
            return lines.All(l => l.At > allIdle);
        }, $"silos {string.Join(", ", names)} placing among each other{(idle ? ", all idle" : "")}");
    }

    /// <summary>
    /// Waits until none of <paramref name="others"/> places sessions on <paramref name="silo"/> any more: a silo that
    /// stopped publishing (frozen, killed) is left out once its line went stale. Whatever the others place or hand over
    /// after that goes elsewhere.
    /// </summary>
    public static async Task LeftOutAsync(RedisServer redis, string silo, IEnumerable<string> others)
    {
        var left = LineName(silo);
        var names = others.Select(LineName).ToHashSet(StringComparer.Ordinal);
        await WaitForAsync(() =>
        {
            var lines = Read(redis).Where(l => names.Contains(l.Silo)).ToArray();
            return lines.Length == names.Count && lines.All(l => !l.Sees.Contains(left));
        }, $"silos {string.Join(", ", names)} leaving {left} out of placement");
    }

    /// <summary>A view's <c>S127.0.0.1:port:generation</c> is the line's <c>127.0.0.1:port@generation</c>.</summary>
    private static string LineName(string silo) => silo[1..silo.LastIndexOf(':')] + "@" + silo[(silo.LastIndexOf(':') + 1)..];

    private static IEnumerable<SiloLoad> Read(RedisServer redis) => redis.Connection.GetDatabase()
        .HashValues(new RedisKeys(SiloProcess.ClusterId).Silos)
        .Select(v => JsonSerializer.Deserialize<SiloLoad>((string)v!, Json)!);

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"no {what} within {Patience.TotalSeconds:F0} s");
            await Task.Delay(200);
        }
    }
}
