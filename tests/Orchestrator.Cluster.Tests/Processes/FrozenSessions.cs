using System.Text.Json;
using Orchestrator.Cluster.Status;
using Orchestrator.Cluster.Store;
using Orchestrator.Engine.State;

namespace Orchestrator.Cluster.Tests.Processes;

/// <summary>
/// What a silo frozen with SIGSTOP was doing, read from Redis: the sessions it noted as driven (running, or waiting for
/// one of its run slots) and the events logged so far of each. Commands the silo wrote to its
/// socket just before the freeze still reach Redis after it, so a read made at once can miss them (a session's end, a
/// note); this reads until two reads 100 ms apart agree, after which nothing more can come from the frozen silo.
/// </summary>
internal sealed class FrozenSessions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private FrozenSessions(IReadOnlyList<DrivenSession> driven, IReadOnlyDictionary<string, IReadOnlyList<SessionEvent>> events)
    {
        Driven = driven;
        Events = events;
    }

    /// <summary>The notes of the frozen silo: what it drove (each is owed a run elsewhere if the silo dies).</summary>
    public IReadOnlyList<DrivenSession> Driven { get; }

    /// <summary>The ids of <see cref="Driven"/>.</summary>
    public IReadOnlyList<string> Ids => Driven.Select(d => d.Id).ToArray();

    /// <summary>The events logged of each session of <see cref="Driven"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SessionEvent>> Events { get; }

    /// <summary>
    /// Reads what silo <paramref name="silo"/> (as views name it), frozen now, drove. Only its own notes and sessions are
    /// compared: the other silos go on working meanwhile.
    /// </summary>
    public static async Task<FrozenSessions> ReadAsync(RedisServer redis, string silo)
    {
        var store = new RedisSessionStore(redis.Connection, SiloProcess.ClusterId);
        var keys = new RedisKeys(SiloProcess.ClusterId);
        var deadline = DateTime.UtcNow + Patience;
        (string Seen, FrozenSessions Read)? last = null;
        while (true)
        {
            // Its notes as stored (a note written again changes its time) and how many events each of its sessions has.
            var notes = redis.Connection.GetDatabase().HashValues(keys.Driven).Select(v => (string)v!)
                .Select(v => (Json: v, Note: JsonSerializer.Deserialize<DrivenSession>(v, Json)!))
                .Where(n => n.Note.Silo == silo).OrderBy(n => n.Note.Id, StringComparer.Ordinal).ToArray();
            var events = notes.ToDictionary(n => n.Note.Id, n => (IReadOnlyList<SessionEvent>)store.ReadEvents(n.Note.Id).Events);
            var seen = string.Join("\n", notes.Select(n => $"{n.Json} {events[n.Note.Id].Count}"));
            if (last is { } previous && previous.Seen == seen) return previous.Read;
            last = (seen, new FrozenSessions(notes.Select(n => n.Note).ToArray(), events));
            if (DateTime.UtcNow > deadline) Assert.Fail($"what silo {silo} did still changed {Patience.TotalSeconds:F0} s after it was frozen: is it frozen?");
            await Task.Delay(100);
        }
    }
}
