using System.Globalization;
using Orchestrator.Engine.Findings;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Structure;

/// <summary>Wording and locating helpers of the structure findings: numbers as an author reads them, chapters by name.</summary>
internal static class StructureText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>12,345 (rounded to a whole number, thousands separated).</summary>
    public static string N0(double value) => Math.Round(value, MidpointRounding.AwayFromZero).ToString("N0", Invariant);

    /// <summary>A ratio as "2.6x" (or "0.25x" below 1).</summary>
    public static string Times(double ratio) => ratio.ToString(ratio >= 1 ? "0.0" : "0.00", Invariant) + "x";

    /// <summary>A fraction as a whole percentage: 0.234 -> "23%".</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0", Invariant) + "%";

    public static string F2(double value) => value.ToString("0.00", Invariant);

    public static string F1(double value) => value.ToString("0.0", Invariant);

    /// <summary>How a message names a chapter: <c>Chapter 7 "The Storm"</c>, <c>Letter 2</c>, <c>The prologue</c>, <c>Section 4 "Interlude"</c>.</summary>
    public static string Describe(Chapter chapter)
    {
        var title = string.IsNullOrWhiteSpace(chapter.Title) ? "" : $" \"{chapter.Title.Trim()}\"";
        return chapter.Kind switch
        {
            SectionKind.Chapter when chapter.Number is { } n => $"Chapter {chapter.QualifiedNumber ?? n.ToString(Invariant)}{title}",
            SectionKind.Letter when chapter.Number is { } n => $"Letter {chapter.QualifiedNumber ?? n.ToString(Invariant)}{title}",
            SectionKind.Prologue => $"The prologue{title}",
            SectionKind.Epilogue => $"The epilogue{title}",
            _ when !string.IsNullOrWhiteSpace(chapter.Heading) => $"Section {chapter.Ordinal} \"{chapter.Heading.Trim()}\"",
            _ => $"Section {chapter.Ordinal}",
        };
    }

    /// <summary>A chapter's label for charts (see <see cref="Chapter.Label"/>).</summary>
    public static string Label(Chapter chapter) => chapter.Label;

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
