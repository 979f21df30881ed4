using System.Text;
using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Text.NumberFormat;

namespace Orchestrator.Manuscripts.Consistency;

/// <summary>Wording helpers of the consistency findings: numbers as an author reads them, chapters by name, evidence quotes.</summary>
internal static class ConsistencyText
{
    /// <summary>Evidence quotes are trimmed to about this many characters around the point they show.</summary>
    public const int MaxEvidence = Excerpt.MaxEvidence;

    /// <summary>"1 use", "3 uses".</summary>
    public static string Count(int n, string noun, string plural = "") =>
        $"{N0(n)} {(n == 1 ? noun : plural.Length > 0 ? plural : noun + "s")}";

    /// <summary>“word”.</summary>
    public static string Q(string text) => $"“{text}”";

    /// <summary>Index of the chapter holding word <paramref name="wordIndex"/>.</summary>
    public static int ChapterOfWord(ManuscriptDocument document, int wordIndex)
    {
        var chapters = document.Chapters;
        int lo = 0, hi = chapters.Count - 1, found = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (chapters[mid].FirstWord <= wordIndex) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        // Empty chapters share their FirstWord with the next one: step back to the one that holds the word.
        while (found > 0 && chapters[found].WordCount == 0) found--;
        return found;
    }

    /// <summary>
    /// The sentence around a point of the text (the paragraph when the point is outside every sentence), white space
    /// collapsed, trimmed to about <see cref="MaxEvidence"/> characters centred on the point.
    /// </summary>
    public static string Evidence(ManuscriptDocument document, int offset, int length = 1)
    {
        var span = SentenceAround(document, offset);
        return Trim(document.Text, span, offset, length);
    }

    /// <summary>The span of the sentence containing <paramref name="offset"/>, else of its paragraph.</summary>
    public static TextSpan SentenceAround(ManuscriptDocument document, int offset)
    {
        var sentences = document.Sentences;
        int lo = 0, hi = sentences.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sentences[mid].Span.Start <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        if (found >= 0 && offset < sentences[found].Span.End) return sentences[found].Span;
        var p = document.Locator.ParagraphAt(offset);
        return p >= 0 ? document.Paragraphs[p].Span : new TextSpan(offset, 0);
    }

    private static string Trim(string text, TextSpan span, int offset, int length)
    {
        var start = span.Start;
        var end = span.End;
        var prefix = false;
        var suffix = false;
        if (end - start > MaxEvidence)
        {
            var centre = offset + length / 2;
            start = Math.Max(span.Start, centre - MaxEvidence / 2);
            end = Math.Min(span.End, start + MaxEvidence);
            start = Math.Max(span.Start, end - MaxEvidence);
            // Cut at word boundaries.
            while (start > span.Start && start < offset && !char.IsWhiteSpace(text[start - 1])) start++;
            while (end < span.End && end > offset + length && !char.IsWhiteSpace(text[end])) end--;
            prefix = start > span.Start;
            suffix = end < span.End;
        }
        var builder = new StringBuilder(end - start + 2);
        if (prefix) builder.Append('…');
        var space = false;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > (prefix ? 1 : 0);
                continue;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        if (suffix) builder.Append('…');
        return builder.ToString();
    }
}
