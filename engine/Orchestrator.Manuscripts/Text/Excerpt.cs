using System.Text;

namespace Orchestrator.Manuscripts.Text;

/// <summary>Evidence quotes: a span of the text as a reader sees it, cut to a readable length.</summary>
internal static class Excerpt
{
    /// <summary>Longest evidence quote, in characters (an ellipsis is added when the text is cut).</summary>
    public const int MaxEvidence = 200;

    /// <summary>
    /// The span's text with runs of white space (the line breaks of a hard-wrapped file) turned into one
    /// space, trimmed, and cut at the last word boundary before <paramref name="max"/> characters.
    /// </summary>
    public static string Of(ManuscriptDocument document, TextSpan span, int max = MaxEvidence)
    {
        var text = document.Text.AsSpan(span.Start, span.Length).Trim();
        var builder = new StringBuilder(Math.Min(text.Length, max + 1));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && builder.Length > 0) builder.Append(' ');
            space = false;
            builder.Append(c);
            if (builder.Length > max) break;
        }
        if (builder.Length <= max) return builder.ToString();

        var cut = builder.ToString(0, max);
        var lastSpace = cut.LastIndexOf(' ');
        if (lastSpace > max / 2) cut = cut[..lastSpace];
        return cut.TrimEnd(',', ';', ':', ' ') + "…";
    }
}
