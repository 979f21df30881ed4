using Orchestrator.Engine.Findings;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Structure;

/// <summary>Wording and locating helpers of the structure findings: numbers as an author reads them, chapters by name.</summary>
internal static class StructureText
{
    /// <summary>
    /// Where a chapter finding points: the chapter (1-based position), no paragraph (the finding is about
    /// the whole chapter; paragraphs in locations count within their chapter) and the characters of its heading: the index's <see cref="Chapter.HeadingSpan"/> when
    /// it has one, else the heading found verbatim inside the chapter's span, else the whole chapter span.
    /// </summary>
    public static TextLocation Locate(ManuscriptDocument document, Chapter chapter)
    {
        var (offset, length) = HeadingSpan(document.Text, chapter);
        return new TextLocation(chapter.Ordinal, null, offset, length);
    }

    /// <summary>Where a part finding points: the part's heading, and the first chapter of the part if any (no paragraph).</summary>
    public static TextLocation Locate(ManuscriptDocument document, Part part)
    {
        Chapter? first = part.ChapterCount > 0 && part.FirstChapter >= 0 && part.FirstChapter < document.Chapters.Count
            ? document.Chapters[part.FirstChapter]
            : null;
        var (offset, length) = Clamp(document.Text.Length, part.HeadingSpan.Start, part.HeadingSpan.Length);
        return new TextLocation(first?.Ordinal, null, offset, length);
    }

    private static (int Offset, int Length) HeadingSpan(string text, Chapter chapter)
    {
        if (chapter.HeadingSpan.Length > 0 && chapter.HeadingSpan.End <= text.Length && chapter.HeadingSpan.Start >= 0)
            return (chapter.HeadingSpan.Start, chapter.HeadingSpan.Length);
        var (start, count) = Clamp(text.Length, chapter.Span.Start, chapter.Span.Length);
        foreach (var candidate in HeadingCandidates(chapter))
        {
            var index = count > 0 ? text.IndexOf(candidate, start, count, StringComparison.Ordinal) : -1;
            if (index >= 0) return (index, candidate.Length);
        }
        return (start, count);
    }

    /// <summary>The heading as stored, then its first line (a title on the next line may have been joined to it).</summary>
    private static IEnumerable<string> HeadingCandidates(Chapter chapter)
    {
        var heading = chapter.Heading.Trim();
        if (heading.Length == 0) yield break;
        yield return heading;
        if (chapter.Title is { Length: > 0 } title && heading.EndsWith(title.Trim(), StringComparison.Ordinal))
        {
            var lead = heading[..^title.Trim().Length].Trim();
            if (lead.Length > 0) yield return lead;
        }
    }

    private static (int Start, int Length) Clamp(int textLength, int start, int length)
    {
        var s = Math.Clamp(start, 0, textLength);
        return (s, Math.Clamp(length, 0, textLength - s));
    }
}
