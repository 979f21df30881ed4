namespace Orchestrator.Manuscripts.Characters;

/// <summary>
/// A cheap pre-check before looking a lower-case word up among the words capitalised mid-sentence: one bit per
/// hash of (length, first two letters, middle letter, last letter) of the words added, in a 64-kbit table. Most words of a book
/// are never capitalised mid-sentence, and this answers "certainly not" for nearly all of them without a
/// dictionary lookup. Case-insensitive for ASCII letters.
/// </summary>
internal sealed class LowerCaseFilter
{
    private const int Bits = 1 << 16;
    private readonly ulong[] _bits = new ulong[Bits / 64];

    public void Add(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return;
        var slot = Slot(word);
        _bits[slot >> 6] |= 1UL << (slot & 63);
    }

    public bool MayContain(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return false;
        var slot = Slot(word);
        return (_bits[slot >> 6] & (1UL << (slot & 63))) != 0;
    }

    private static int Slot(ReadOnlySpan<char> word)
    {
        uint hash = (uint)word.Length;
        hash = hash * 31 + Fold(word[0]);
        hash = hash * 31 + Fold(word.Length > 1 ? word[1] : '\0');
        hash = hash * 31 + Fold(word[word.Length / 2]);
        hash = hash * 31 + Fold(word[^1]);
        hash ^= hash >> 15;
        hash *= 0x2C1B3C6D;
        hash ^= hash >> 12;
        return (int)(hash & (Bits - 1));
    }

    private static uint Fold(char c) => char.IsAsciiLetterUpper(c) ? (uint)(c | 0x20) : c;
}
