using System.Collections.Concurrent;

namespace Orchestrator.Cluster.Drain;

/// <summary>
/// The sessions this silo drives now (a run going, or waiting for one of its run slots), and whether it is draining:
/// a silo that stops hands exactly these over to living silos (<see cref="SiloDrain"/>) and starts no other.
/// </summary>
public sealed class SiloSessions
{
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);
    private volatile bool _draining;
    private IReadOnlyList<string> _handedOver = [];

    /// <summary>The silo is stopping: no session starts here any more.</summary>
    public bool Draining => _draining;

    /// <summary>The sessions the drain checkpointed and handed to another silo (empty before a drain).</summary>
    public IReadOnlyList<string> HandedOver => Volatile.Read(ref _handedOver);

    /// <summary>The ids, in order.</summary>
    public IReadOnlyList<string> Ids => _ids.Keys.Order(StringComparer.Ordinal).ToArray();

    public int Count => _ids.Count;

    public void Add(string id) => _ids.TryAdd(id, 0);

    public void Remove(string id) => _ids.TryRemove(id, out _);

    internal void BeginDraining() => _draining = true;

    internal void Drained(IReadOnlyList<string> handedOver) => Volatile.Write(ref _handedOver, handedOver);
}
