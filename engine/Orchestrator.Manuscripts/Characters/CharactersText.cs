using System.Globalization;
using System.Text;
using Orchestrator.Engine.Findings;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Characters;

/// <summary>Wording, locating and quoting helpers of the character findings.</summary>
internal static class CharactersText
{
    /// <summary>Longest evidence quote, in characters (an ellipsis is added when the text is cut).</summary>
    public const int MaxEvidence = 200;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string N0(double value) => Math.Round(value, MidpointRounding.AwayFromZero).ToString("N0", Invariant);

    public static string Percent(double fraction) => (fraction * 100).ToString("0", Invariant) + "%";

    public static string F2(double value) => value.ToString("0.00", Invariant);

    public static string F1(double value) => value.ToString("0.0", Invariant);

    public static string Plural(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{N0(count)} {many}";

    /// <summary>Names as a reader lists them: "A", "A and B", "A, B and C".</summary>
    public static string List(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };

    /// <summary>Where a mention is: its chapter and paragraph, and the characters from its first to its last word.</summary>
    public static TextLocation Locate(ManuscriptDocument document, Mention mention)
    {
        var first = document.Words[mention.FirstWord];
        var last = document.Words[mention.LastWord];
        return document.Locator.Locate(first.Start, last.Start + last.Length - first.Start);
    }

    /// <summary>The sentence holding a mention, as evidence; a long sentence is cut to a window that shows the name.</summary>
    public static string Evidence(ManuscriptDocument document, Mention mention)
    {
        var sentence = document.Sentences[mention.Sentence].Span;
        var name = document.Words[mention.FirstWord];
        if (sentence.Length <= MaxEvidence || name.Start + name.Length - sentence.Start < MaxEvidence * 2 / 3)
            return Excerpt(document, sentence);
        // Start a few words before the name, at a word start.
        var start = Math.Max(sentence.Start, name.Start - MaxEvidence / 3);
        var text = document.Text;
        while (start > sentence.Start && !char.IsWhiteSpace(text[start - 1])) start--;
        return "…" + Excerpt(document, new TextSpan(start, sentence.End - start), MaxEvidence - 1);
    }

    /// <summary>A span of the text with runs of white space turned into one space, trimmed, cut at a word boundary.</summary>
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
}
