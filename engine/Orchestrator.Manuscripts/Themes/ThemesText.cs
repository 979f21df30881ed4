using System.Text;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Themes;

/// <summary>Evidence quotes and number wording of the themes findings.</summary>
internal static class ThemesText
{
    /// <summary>Longest evidence quote, in characters (an ellipsis is added when the text is cut).</summary>
    public const int MaxEvidence = 200;

    /// <summary>
    /// The span's text with runs of white space (the line breaks of a hard-wrapped file) turned into one
    /// space, trimmed, and cut at the last word boundary before <paramref name="max"/> characters.
    /// </summary>
    public static string Excerpt(ManuscriptDocument document, TextSpan span, int max = MaxEvidence)
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

    /// <summary>"Chapter 3 (0.0), Chapter 9 (0.4) and Chapter 12 (0.5)".</summary>
    public static string JoinAnd(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
