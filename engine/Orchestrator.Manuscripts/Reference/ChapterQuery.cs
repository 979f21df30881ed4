using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Reference;

/// <summary>
/// A search query standing for one chapter: its names (capitalised words never written in lower case in the book,
/// most mentioned first) and its most frequent content words (five letters or more), so the library passages about
/// the chapter's people and matters rank first. One pass over the chapter's words.
/// </summary>
public static class ChapterQuery
{
    public const int MaxNames = 8, MaxWords = 16;
    private const int MinWordLength = 5;

    public static string For(ManuscriptDocument document, int chapterIndex)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfNegative(chapterIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(chapterIndex, document.Chapters.Count);
        var chapter = document.Chapters[chapterIndex];
        var capitalised = new Dictionary<string, int>(StringComparer.Ordinal);
        var lower = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var w = chapter.FirstWord; w < chapter.FirstWord + chapter.WordCount; w++)
        {
            var word = document.WordText(w);
            if (word.Length < 3 || !char.IsLetter(word[0])) continue;
            var counts = char.IsUpper(word[0]) ? capitalised : lower;
            var key = word.ToString();
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var names = capitalised
            .Where(p => !lower.ContainsKey(p.Key.ToLowerInvariant()) && !TraitValue.NotNames.Contains(p.Key))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(MaxNames).Select(p => p.Key);
        var words = lower
            .Where(p => p.Key.Length >= MinWordLength)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(MaxWords).Select(p => p.Key);
        return string.Join(' ', names.Concat(words));
    }
}
