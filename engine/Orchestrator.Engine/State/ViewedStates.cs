namespace Orchestrator.Engine.State;

/// <summary>
/// The states last read to show sessions, each with the version of the stored state it was read from, bounded: past
/// <see cref="Capacity"/> the least recently shown is dropped. A store replaces a state whole, and its version with it
/// (Redis: the version field; a file: its write time and length), so an entry whose version is the stored one is that
/// state: a poll of a session that has not moved since reads the version instead of the whole state (hundreds of KB
/// for a novel) and does not parse it again.
/// </summary>
/// <remarks>The states are shared between callers: they are for reading only.</remarks>
public sealed class ViewedStates<TVersion>(int capacity) where TVersion : IEquatable<TVersion>
{
    /// <summary>Sessions kept: a status page's page of running and recent sessions, with room to spare.</summary>
    public const int DefaultCapacity = 64;

    private readonly Dictionary<string, LinkedListNode<(string Id, TVersion Version, SessionState State)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Id, TVersion Version, SessionState State)> _recency = new();
    private readonly Lock _gate = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "at least one entry");

    /// <summary>The state of <paramref name="id"/> read at <paramref name="version"/>, if it is kept (now the most recently shown).</summary>
    public SessionState? Find(string id, TVersion version)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(id, out var node) || !node.Value.Version.Equals(version)) return null;
            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.State;
        }
    }

    /// <summary>Keeps <paramref name="state"/> as <paramref name="id"/>'s at <paramref name="version"/>, in place of an older one.</summary>
    public void Keep(string id, TVersion version, SessionState state)
    {
        lock (_gate)
        {
            if (_entries.Remove(id, out var old)) _recency.Remove(old);
            _entries[id] = _recency.AddFirst((id, version, state));
            if (_entries.Count <= Capacity) return;
            var last = _recency.Last!;
            _recency.RemoveLast();
            _entries.Remove(last.Value.Id);
        }
    }

    /// <summary>Forgets <paramref name="id"/> (its session was deleted).</summary>
    public void Forget(string id)
    {
        lock (_gate)
        {
            if (_entries.Remove(id, out var node)) _recency.Remove(node);
        }
    }
}
