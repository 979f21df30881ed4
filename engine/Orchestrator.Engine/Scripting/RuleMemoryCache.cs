namespace Orchestrator.Engine.Scripting;

/// <summary>
/// The rules a compiler has compiled or loaded, by cache key, bounded: past <see cref="Capacity"/> the least recently
/// used is dropped. Values are lazy so that two threads asking for the same new rule compile it once.
/// </summary>
/// <remarks>Thread-safe with one lock: it is taken once per rule compiled at a pipeline's start, never per evaluation.</remarks>
internal sealed class RuleMemoryCache<TValue>(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, Lazy<TValue> Value)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, Lazy<TValue> Value)> _recency = new();
    private readonly Lock _gate = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "at least one entry");

    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    /// <summary>The entry of <paramref name="key"/>, now the most recently used, and whether it was there; else <paramref name="create"/>'s, added.</summary>
    public (Lazy<TValue> Value, bool Found) GetOrAdd(string key, Func<Lazy<TValue>> create)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return (node.Value.Value, true);
            }
            var value = create();
            _entries[key] = _recency.AddFirst((key, value));
            if (_entries.Count > Capacity)
            {
                var last = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
            }
            return (value, false);
        }
    }

    /// <summary>Drops <paramref name="key"/> if it still holds <paramref name="value"/> (a failed compile must not stick).</summary>
    public void Remove(string key, Lazy<TValue> value)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node) && ReferenceEquals(node.Value.Value, value))
            {
                _recency.Remove(node);
                _entries.Remove(key);
            }
        }
    }

    public bool Contains(string key)
    {
        lock (_gate) return _entries.ContainsKey(key);
    }
}
