
namespace Orchestrator.Manuscripts.Lexicons;

/// <summary>
/// A fixed, case-insensitive set of words that can be asked about a span of the manuscript without
/// allocating a string: the hot path of every lexicon check.
/// </summary>
/// <remarks>
/// A plain hash set, not a FrozenSet: a run builds some fifty lexicons and then reads one book, and freezing
/// (which searches for the cheapest hash of each set) cost far more at start-up than its faster lookups give back
/// (the first frozen collection of a process alone was ~100 ms). The lexicons are never changed after construction.
/// </remarks>
public sealed class WordSet
{
    private readonly HashSet<string> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordSet(IEnumerable<string> words)
    {
        _words = words.ToHashSet(StringComparer.OrdinalIgnoreCase);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static WordSet Of(params string[] words) => new(words);

    /// <summary>Words separated by whitespace, commas or newlines, for lists written inline.</summary>
    public static WordSet Parse(string list) =>
        new(list.Split([' ', ',', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    public int Count => _words.Count;
    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);
    public bool Contains(string word) => _words.Contains(word);
    public IEnumerable<string> Words => _words;
}
