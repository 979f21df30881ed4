using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Orchestrator.Manuscripts.Readability;

/// <summary>
/// A table from words (in <see cref="WordFolding"/> form) to facts computed once per distinct word, for one pass
/// over one document: a novel of 120,000 words has fewer than 10,000 distinct ones, so syllables, familiarity and
/// lexicon traits are worked out once each instead of once per occurrence. Open addressing over rented arrays;
/// keys are copied into a rented character pool, so a lookup allocates nothing. Each distinct word gets a dense
/// id (0, 1, 2...), which makes "same word" a comparison of two integers. Not thread-safe; dispose to return the
/// arrays.
/// </summary>
internal sealed class FoldedWordTable<T> : IDisposable where T : struct
{
    private int[] _buckets;       // entry id + 1, 0 = empty
    private int[] _hashes;
    private int[] _keyStarts;
    private int[] _keyLengths;
    private T[] _values;
    private char[] _keys;
    private int _keyLength;
    private int _count;
    private int _bucketCount;     // a power of two, at most _buckets.Length

    public FoldedWordTable(int capacity = 1024)
    {
        _bucketCount = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, capacity * 2));
        _buckets = Rent<int>(_bucketCount, clear: true);
        _hashes = Rent<int>(capacity, clear: false);
        _keyStarts = Rent<int>(capacity, clear: false);
        _keyLengths = Rent<int>(capacity, clear: false);
        _values = Rent<T>(capacity, clear: false);
        _keys = Rent<char>(capacity * 8, clear: false);
    }

    public int Count => _count;

    /// <summary>The id of <paramref name="folded"/>, adding it when new (<paramref name="added"/> is then true and its value is default).</summary>
    public int GetOrAdd(ReadOnlySpan<char> folded, out bool added)
    {
        var hash = Hash(folded);
        var mask = BucketCount - 1;
        var slot = hash & mask;
        while (true)
        {
            var id = _buckets[slot] - 1;
            if (id < 0) break;
            if (_hashes[id] == hash && _keys.AsSpan(_keyStarts[id], _keyLengths[id]).SequenceEqual(folded))
            {
                added = false;
                return id;
            }
            slot = (slot + 1) & mask;
        }

        added = true;
        var newId = _count;
        EnsureEntryCapacity(newId + 1, folded.Length);
        folded.CopyTo(_keys.AsSpan(_keyLength));
        _hashes[newId] = hash;
        _keyStarts[newId] = _keyLength;
        _keyLengths[newId] = folded.Length;
        _values[newId] = default;
        _keyLength += folded.Length;
        _count++;
        _buckets[slot] = newId + 1;
        if (_count * 2 > BucketCount) Rehash();
        return newId;
    }

    /// <summary>The value stored for an id.</summary>
    public ref T this[int id] => ref _values[id];

    /// <summary>The folded word of an id.</summary>
    public ReadOnlySpan<char> KeyOf(int id) => _keys.AsSpan(_keyStarts[id], _keyLengths[id]);

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_buckets);
        ArrayPool<int>.Shared.Return(_hashes);
        ArrayPool<int>.Shared.Return(_keyStarts);
        ArrayPool<int>.Shared.Return(_keyLengths);
        ArrayPool<T>.Shared.Return(_values, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        ArrayPool<char>.Shared.Return(_keys);
    }

    private int BucketCount => _bucketCount;

    /// <summary>FNV-1a over the characters: deterministic, and fast for short keys.</summary>
    private static int Hash(ReadOnlySpan<char> key)
    {
        var h = 2166136261u;
        foreach (var c in key) h = (h ^ c) * 16777619u;
        return (int)(h & 0x7FFFFFFF);
    }

    private void EnsureEntryCapacity(int entries, int keyChars)
    {
        if (entries > _hashes.Length || entries > _values.Length)
        {
            var size = Math.Max(entries, _hashes.Length * 2);
            _hashes = Grow(_hashes, size, _count);
            _keyStarts = Grow(_keyStarts, size, _count);
            _keyLengths = Grow(_keyLengths, size, _count);
            _values = Grow(_values, size, _count);
        }
        if (_keyLength + keyChars > _keys.Length)
            _keys = Grow(_keys, Math.Max(_keyLength + keyChars, _keys.Length * 2), _keyLength);
    }

    private void Rehash()
    {
        var size = _bucketCount * 2;
        ArrayPool<int>.Shared.Return(_buckets);
        _buckets = Rent<int>(size, clear: true);
        _bucketCount = size;
        var mask = size - 1;
        for (var id = 0; id < _count; id++)
        {
            var slot = _hashes[id] & mask;
            while (_buckets[slot] != 0) slot = (slot + 1) & mask;
            _buckets[slot] = id + 1;
        }
    }

    private static TItem[] Rent<TItem>(int length, bool clear)
    {
        var array = ArrayPool<TItem>.Shared.Rent(length);
        if (clear) Array.Clear(array);
        return array;
    }

    private static TItem[] Grow<TItem>(TItem[] old, int size, int used)
    {
        var array = ArrayPool<TItem>.Shared.Rent(size);
        Array.Copy(old, array, used);
        ArrayPool<TItem>.Shared.Return(old, RuntimeHelpers.IsReferenceOrContainsReferences<TItem>());
        return array;
    }
}
