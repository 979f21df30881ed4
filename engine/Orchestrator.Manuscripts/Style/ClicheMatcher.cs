using Orchestrator.Manuscripts.Readability;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// Matches the <see cref="Cliches"/> phrases over the words of a sentence: phrases are grouped by first word,
/// longest first, and compared word by word in folded form (<c>*</c> matches any word).
/// </summary>
internal sealed class ClicheMatcher
{
    public static ClicheMatcher Default { get; } = new(Cliches.Phrases);

    private const string Wildcard = "*";
    private readonly Dictionary<string, string[][]> _byFirst;
    private readonly Dictionary<string, string[][]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public ClicheMatcher(IEnumerable<string> phrases)
    {
        _byFirst = phrases
            .Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(StyleLexicon.Fold).ToArray())
            .Where(tokens => tokens.Length > 0 && tokens[0] != Wildcard)
            .GroupBy(tokens => tokens[0], StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(t => t.Length).ThenBy(t => string.Join(' ', t), StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal);
        _lookup = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The first words of the phrases (to mark them in the lexicon).</summary>
    public IEnumerable<string> FirstWords => _byFirst.Keys;

    /// <summary>
    /// The number of words of the longest phrase starting at word <paramref name="first"/> (folded as
    /// <paramref name="firstFolded"/>) and ending before word <paramref name="end"/>, or 0 when none matches.
    /// </summary>
    public int Match(ManuscriptDocument document, ReadOnlySpan<char> firstFolded, int first, int end)
    {
        if (!_lookup.TryGetValue(firstFolded, out var candidates)) return 0;
        Span<char> buffer = stackalloc char[WordFolding.MaxLength * 2];
        foreach (var tokens in candidates)
        {
            if (first + tokens.Length > end) continue;
            var matched = true;
            for (var k = 1; k < tokens.Length && matched; k++)
            {
                if (tokens[k] == Wildcard) continue;
                var length = WordFolding.Fold(document.WordText(first + k), buffer);
                matched = length >= 0 && buffer[..length].SequenceEqual(tokens[k]);
            }
            if (matched) return tokens.Length;
        }
        return 0;
    }
}
