using System.Numerics;

namespace Orchestrator.Manuscripts.Themes;

/// <summary>
/// Several lexicons merged into one case-insensitive table from a word form to the set of lexicons that hold it
/// (a bit mask, lexicon <c>i</c> = bit <c>i</c>), so one span lookup per word answers for all of them at once.
/// Allocation-free on the hot path, like <see cref="Lexicons.WordSet"/>.
/// </summary>
internal sealed class LexiconIndex
{
    /// <summary>Most lexicons one index can hold (bits of the mask).</summary>
    public const int MaxLexicons = 64;

    private readonly Dictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _minLength;
    private readonly int _maxLength;

    public LexiconIndex(IReadOnlyList<Lexicon> lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        if (lexicons.Count > MaxLexicons) throw new ArgumentException($"at most {MaxLexicons} lexicons fit in one index", nameof(lexicons));
        var masks = new Dictionary<string, ulong>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lexicons.Count; i++)
            foreach (var word in lexicons[i].Words.Words)
                masks[word] = masks.GetValueOrDefault(word) | (1UL << i);
        Lexicons = lexicons;
        _minLength = masks.Count > 0 ? masks.Keys.Min(k => k.Length) : int.MaxValue;
        _maxLength = masks.Count > 0 ? masks.Keys.Max(k => k.Length) : 0;
        _lookup = masks.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<Lexicon> Lexicons { get; }

    /// <summary>
    /// The lexicons a word token belongs to: the token itself, else without a possessive <c>’s</c>/<c>'s</c>;
    /// for a hyphenated token that is in none as a whole, the union of its parts (<c>brother-in-law</c>).
    /// </summary>
    /// <remarks>Tokens shorter than the shortest form are answered without a lookup (a fifth of the words of a
    /// novel: a, I, of, to...); the other forms are only tried for a token that misses.</remarks>
    public ulong Match(ReadOnlySpan<char> token)
    {
        if (token.Length < _minLength) return 0;
        if (token.Length <= _maxLength && _lookup.TryGetValue(token, out var mask)) return mask;
        return token.Length > 2 ? MatchForms(token) : 0;
    }

    private ulong MatchForms(ReadOnlySpan<char> token)
    {
        var bare = token;
        if (token[^1] is 's' or 'S' && token[^2] is '’' or '\'')
        {
            bare = token[..^2];
            if (bare.Length >= _minLength && bare.Length <= _maxLength && _lookup.TryGetValue(bare, out var possessive)) return possessive;
        }
        if (bare.IndexOf('-') < 0) return 0;

        ulong mask = 0;
        foreach (var range in bare.Split('-'))
        {
            var part = bare[range];
            if (part.Length >= _minLength && part.Length <= _maxLength && _lookup.TryGetValue(part, out var partMask)) mask |= partMask;
        }
        return mask;
    }

    /// <summary>Indices of the lexicons in a mask, lowest first.</summary>
    public static IEnumerable<int> Members(ulong mask)
    {
        while (mask != 0)
        {
            yield return BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
        }
    }

}
