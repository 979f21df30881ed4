using System.Buffers;
using System.Runtime.CompilerServices;

namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// The distinct words of one book, case-insensitive, each with its counts (<see cref="VocabularyEntry"/>) and
/// the chain of its uses in text order. Built in the one pass of <see cref="WordScan"/>: an open-addressing table
/// hashed on the case-folded characters of a span, so a lookup neither allocates nor lower-cases into a buffer,
/// and one string is made per distinct word, not per use. During the pass each use only records its entry (a
/// sequential write); <see cref="Complete"/> then links the uses of each entry in one backward sweep. The arrays
/// are pooled: dispose it when done.
/// </summary>
internal sealed class Vocabulary : IDisposable
{
    private long[] _buckets;  // (hash << 32) | (entry index + 1), 0 = empty; length a power of two
    private string[] _keys;   // case-folded, per entry
    private VocabularyEntry[] _entries;
    private int[] _entryOf;   // per word: its entry, then (after Complete) the next use of the same entry, or -1
    private int _words;
    private int _count;

    public Vocabulary(int wordCount)
    {
        var capacity = Math.Clamp(wordCount / 8, 256, 1 << 15);
        _buckets = Rent<long>(BucketsFor(capacity));
        Array.Clear(_buckets);
        _keys = Rent<string>(capacity);
        _entries = Rent<VocabularyEntry>(capacity);
        _entryOf = Rent<int>(Math.Max(1, wordCount));
    }

    /// <summary>Distinct words.</summary>
    public int Count => _count;

    public ref VocabularyEntry this[int entry] => ref _entries[entry];

    /// <summary>The case-folded form of an entry (Heaven → heaven).</summary>
    public string KeyOf(int entry) => _keys[entry];

    /// <summary>Records a use of <paramref name="key"/> at word <paramref name="wordIndex"/> (every word once, in text order).</summary>
    public int Add(ReadOnlySpan<char> key, int wordIndex)
    {
        var hash = Hash(key);
        var tag = (long)hash << 32;
        var mask = _buckets.Length - 1;
        var slot = hash & mask;
        int index;
        while (true)
        {
            var stored = _buckets[slot];
            if (stored == 0)
            {
                index = Insert(key, hash, wordIndex, slot);
                break;
            }
            if ((stored & ~0xFFFF_FFFFL) == tag && EqualsFolded(key, _keys[(int)stored - 1]))
            {
                index = (int)stored - 1;
                break;
            }
            slot = (slot + 1) & mask;
        }
        AddUse(index, wordIndex);
        return index;
    }

    /// <summary>
    /// Records a use of an entry already known (from <see cref="Add"/> of the same key), without hashing the word
    /// again: for callers that remember the entry of each word form.
    /// </summary>
    public void AddUse(int entry, int wordIndex)
    {
        _entryOf[wordIndex] = entry;
        _words = wordIndex + 1;
        _entries[entry].Count++;
    }

    /// <summary>Links the uses of each entry (call once, after the last <see cref="Add"/>).</summary>
    public void Complete()
    {
        var head = Rent<int>(Math.Max(1, _count));
        Array.Fill(head, -1, 0, _count);
        for (var w = _words - 1; w >= 0; w--)
        {
            var entry = _entryOf[w];
            _entryOf[w] = head[entry];
            head[entry] = w;
        }
        for (var e = 0; e < _count; e++) _entries[e].First = head[e];
        Return(head);
    }

    /// <summary>The entry of a word, or -1 when the book never uses it.</summary>
    public int Find(ReadOnlySpan<char> word)
    {
        var hash = Hash(word);
        var tag = (long)hash << 32;
        var mask = _buckets.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var stored = _buckets[slot];
            if (stored == 0) return -1;
            if ((stored & ~0xFFFF_FFFFL) == tag && EqualsFolded(word, _keys[(int)stored - 1])) return (int)stored - 1;
        }
    }

    /// <summary>Uses of a word (0 when unknown).</summary>
    public int CountOf(ReadOnlySpan<char> word)
    {
        var entry = Find(word);
        return entry < 0 ? 0 : _entries[entry].Count;
    }

    /// <summary>The use after <paramref name="wordIndex"/> of the same word, or -1 (after <see cref="Complete"/>).</summary>
    public int Next(int wordIndex) => _entryOf[wordIndex];

    /// <summary>Word indices of the uses of an entry, in text order (none for -1; after <see cref="Complete"/>).</summary>
    public IEnumerable<int> Uses(int entry)
    {
        if (entry < 0) yield break;
        for (var w = _entries[entry].First; w >= 0; w = _entryOf[w]) yield return w;
    }

    private int Insert(ReadOnlySpan<char> key, int hash, int wordIndex, int slot)
    {
        if (_count == _entries.Length) GrowEntries();
        var index = _count++;
        _keys[index] = Fold(key);
        _entries[index] = new VocabularyEntry { Role = WordRoles.Classify(key), First = wordIndex };
        _buckets[slot] = ((long)hash << 32) | (uint)(index + 1);
        if (_count * 2 > _buckets.Length) Rehash();
        return index;
    }

    private void GrowEntries()
    {
        _keys = Grow(_keys, _count);
        _entries = Grow(_entries, _count);
    }

    private void Rehash()
    {
        var buckets = Rent<long>(_buckets.Length * 2);
        Array.Clear(buckets);
        var mask = buckets.Length - 1;
        foreach (var stored in _buckets)
        {
            if (stored == 0) continue;
            var slot = (int)(stored >>> 32) & mask;
            while (buckets[slot] != 0) slot = (slot + 1) & mask;
            buckets[slot] = stored;
        }
        Return(_buckets);
        _buckets = buckets;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char FoldChar(char c) =>
        c < 128 ? ((uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);

    /// <summary>
    /// FNV-1a over the case-folded characters, never negative. ASCII folds by setting bit 5, which lower-cases letters
    /// and leaves digits, hyphens and apostrophes as they are (other ASCII punctuation is not in words).
    /// </summary>
    private static int Hash(ReadOnlySpan<char> word)
    {
        var hash = 2166136261u;
        foreach (var c in word) hash = (hash ^ (c < 128 ? c | 0x20u : char.ToLowerInvariant(c))) * 16777619u;
        return (int)(hash & 0x7FFF_FFFF);
    }

    /// <summary>The word against a folded key: the vectorised ordinal case-insensitive comparison.</summary>
    private static bool EqualsFolded(ReadOnlySpan<char> word, string folded) =>
        word.Length == folded.Length && word.Equals(folded, StringComparison.OrdinalIgnoreCase);

    private static string Fold(ReadOnlySpan<char> word) =>
        string.Create(word.Length, word, static (destination, source) =>
        {
            for (var i = 0; i < source.Length; i++) destination[i] = FoldChar(source[i]);
        });

    private static int BucketsFor(int capacity) => (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity * 2);

    private static T[] Rent<T>(int length) => ArrayPool<T>.Shared.Rent(length);

    private static T[] Grow<T>(T[] array, int used)
    {
        var bigger = Rent<T>(array.Length * 2);
        Array.Copy(array, bigger, used);
        Return(array);
        return bigger;
    }

    private static void Return<T>(T[] array)
    {
        if (array.Length > 0) ArrayPool<T>.Shared.Return(array, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
    }

    public void Dispose()
    {
        Return(_buckets);
        Return(_keys);
        Return(_entries);
        Return(_entryOf);
        _buckets = [];
        _keys = [];
        _entries = [];
        _entryOf = [];
    }
}
