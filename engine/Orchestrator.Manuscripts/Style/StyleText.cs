using System.Text;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Style;

/// <summary>Wording of the style findings: numbers as an author reads them, and evidence quotes cut to a readable length.</summary>
internal static class StyleText
{
    /// <summary>The longest evidence quote, in characters.</summary>
    public const int MaxEvidence = Excerpt.MaxEvidence;

    /// <summary>A span of the text as one line (runs of white space, line breaks included, become one space).</summary>
    public static string Flat(ManuscriptDocument document, TextSpan span)
    {
        var text = document.Slice(Clamp(document, span));
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// The evidence for a detection: the <paramref name="context"/> span (a sentence, a run of sentences) flattened,
    /// cut to <see cref="MaxEvidence"/> characters around <paramref name="focus"/> with "…" where it was cut.
    /// </summary>
    public static string Evidence(ManuscriptDocument document, TextSpan context, TextSpan focus)
    {
        context = Clamp(document, context);
        if (context.Length <= MaxEvidence * 2 && Flat(document, context) is { Length: <= MaxEvidence } whole) return whole;

        // Cut a window of raw text around the focus, then flatten and trim it.
        var focusStart = Math.Clamp(focus.Start, context.Start, context.End);
        var focusEnd = Math.Clamp(focus.End, focusStart, context.End);
        var room = Math.Max(0, MaxEvidence - 2 - (focusEnd - focusStart)) / 2;
        var start = Math.Max(context.Start, focusStart - room);
        var end = Math.Min(context.End, focusEnd + room);
        if (end - start < MaxEvidence - 2)
        {
            start = Math.Max(context.Start, end - (MaxEvidence - 2));
            end = Math.Min(context.End, start + (MaxEvidence - 2));
        }
        var flat = Flat(document, new TextSpan(start, end - start));
        if (flat.Length > MaxEvidence - 2) flat = flat[..(MaxEvidence - 2)];
        return (start > context.Start ? "…" : "") + flat + (end < context.End ? "…" : "");
    }

    /// <summary>A chapter's label for charts: its heading, or "Chapter N" (by position) without one.</summary>
    public static string Label(Chapter chapter) =>
        string.IsNullOrWhiteSpace(chapter.Heading) ? $"Chapter {chapter.Ordinal}" : chapter.Heading.Trim();

    private static TextSpan Clamp(ManuscriptDocument document, TextSpan span)
    {
        var start = Math.Clamp(span.Start, 0, document.Text.Length);
        return new TextSpan(start, Math.Clamp(span.Length, 0, document.Text.Length - start));
    }
}
