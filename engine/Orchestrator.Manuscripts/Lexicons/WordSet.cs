using System.Collections.Frozen;

namespace Orchestrator.Manuscripts.Lexicons;

/// <summary>
/// A fixed, case-insensitive set of words that can be asked about a span of the manuscript without
/// allocating a string: the hot path of every lexicon check.
/// </summary>
public sealed class WordSet
{
    private readonly FrozenSet<string> _words;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordSet(IEnumerable<string> words)
    {
        _words = words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
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
