using System.Text;
using Orchestrator.Manuscripts.Reference;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Llm.Prompts;

/// <summary>
/// The value of <c>{{passages}}</c>: the reference library's passages for a chapter (or for the book), best first,
/// each headed by where it is (<c>[bible.md, chapter 2, paragraphs 3-5]</c>), within a budget of words so the
/// chapter itself still fits a small model's context. Counted in words, not tokens: the filled prompt is a cache key
/// computed before any model is loaded.
/// </summary>
public static class PromptPassages
{
    /// <summary>The top <paramref name="k"/> passages for chapter <paramref name="chapterIndex"/> (0-based).</summary>
    public static async Task<string> ForChapterAsync(IReferenceLibrary library, ManuscriptDocument document, int chapterIndex, int k, int maxWords,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(library);
        if (k == 0) return "";
        var passages = await library.PassagesForChapterAsync(document, chapterIndex, k, cancellationToken).ConfigureAwait(false);
        return Render(passages, maxWords);
    }

    /// <summary>
    /// The top <paramref name="k"/> passages for the whole book: each chapter's best passage in chapter order, then
    /// each chapter's second best, and so on (a passage once), so no one chapter's matters crowd out the rest.
    /// </summary>
    public static async Task<string> ForBookAsync(IReferenceLibrary library, ManuscriptDocument document, int k, int maxWords,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(document);
        if (k == 0 || document.Chapters.Count == 0) return "";
        var perChapter = new List<IReadOnlyList<LibraryPassage>>(document.Chapters.Count);
        for (var c = 0; c < document.Chapters.Count; c++)
            perChapter.Add(await library.PassagesForChapterAsync(document, c, k, cancellationToken).ConfigureAwait(false));
        var chosen = new List<LibraryPassage>(k);
        var seen = new HashSet<long>();
        for (var rank = 0; chosen.Count < k && perChapter.Any(p => p.Count > rank); rank++)
            foreach (var passages in perChapter)
                if (chosen.Count < k && passages.Count > rank && seen.Add(passages[rank].ChunkId))
                    chosen.Add(passages[rank]);
        return Render(chosen, maxWords);
    }

    /// <summary>The passages as prompt text, in order, until <paramref name="maxWords"/> words; the last one kept is cut at a word and ends in "…".</summary>
    public static string Render(IReadOnlyList<LibraryPassage> passages, int maxWords)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var text = new StringBuilder();
        var left = maxWords;
        foreach (var passage in passages)
        {
            if (left <= 0) break;
            if (text.Length > 0) text.Append("\n\n");
            text.Append('[').Append(passage.Place).Append("]\n");
            var body = passage.Text.AsSpan().Trim();
            var cut = CutAfterWords(body, left, out var words);
            text.Append(body[..cut]);
            if (cut < body.Length) text.Append('\u2026');
            left -= words;
        }
        return text.ToString();
    }

    /// <summary>The length of the prefix of <paramref name="text"/> holding at most <paramref name="maxWords"/> words, and how many it holds.</summary>
    private static int CutAfterWords(ReadOnlySpan<char> text, int maxWords, out int words)
    {
        words = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var space = char.IsWhiteSpace(text[i]);
            if (!space && !inWord)
            {
                if (words == maxWords) return i == 0 ? 0 : TrimEnd(text, i);
                words++;
            }
            inWord = !space;
        }
        return text.Length;
    }

    private static int TrimEnd(ReadOnlySpan<char> text, int end)
    {
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }
}
