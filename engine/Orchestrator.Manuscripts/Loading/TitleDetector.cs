using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Loading;

/// <summary>
/// Finds a manuscript's title near its start, when it is obvious: Markdown YAML <c>title:</c> or the
/// first <c># </c> heading that is not a chapter heading; a Project Gutenberg <c>Title:</c> line or
/// <c>The Project Gutenberg eBook of X</c>; or a title page whose first lines are followed by a
/// <c>by Author</c> line. Only the first lines are looked at.
/// </summary>
internal static class TitleDetector
{
    private const int MaxLines = 120;
    private const int MaxTitleLength = 120;

    public static string? Detect(string text, TextMarkup markup)
    {
        var lines = new LineReader(text);
        string? titlePage = null;
        Span<Range> pending = stackalloc Range[3];
        int pendingCount = 0, nonBlank = 0;
        bool titlePageOpen = true, inYaml = false;

        for (int lineNo = 0; lineNo < MaxLines && lines.TryNext(out var start, out var end); lineNo++)
        {
            var line = text.AsSpan(start, end - start).Trim();
            if (line.IsEmpty)
                continue;

            if (markup == TextMarkup.Markdown)
            {
                if (lineNo == 0 && line.SequenceEqual("---"))
                {
                    inYaml = true;
                    continue;
                }
                if (inYaml)
                {
                    if (line.SequenceEqual("---") || line.SequenceEqual("..."))
                        inYaml = false;
                    else if (line.StartsWith("title:", StringComparison.OrdinalIgnoreCase))
                        return Clean(line["title:".Length..].Trim().Trim("\"'"));
                    continue;
                }
                if (line.Length > 2 && line[0] == '#' && line[1] == ' ')
                {
                    var content = line[2..].Trim().TrimEnd('#').Trim();
                    if (!content.IsEmpty && !HeadingParser.TryParse(content, out _))
                        return Clean(content);
                }
            }

            if (line.StartsWith("Title:", StringComparison.OrdinalIgnoreCase))
                return Clean(line["Title:".Length..]);
            const string ebookOf = "Project Gutenberg eBook of ";
            int at = line.IndexOf(ebookOf, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                var rest = line[(at + ebookOf.Length)..];
                int by = rest.IndexOf(", by ", StringComparison.OrdinalIgnoreCase);
                return Clean(by >= 0 ? rest[..by] : rest);
            }

            if (titlePageOpen)
            {
                // A title page: up to three short lines, then "by Someone".
                if (line[0] == '[')
                    continue; // [Illustration] and the like
                nonBlank++;
                if (line.Length > 3 && line.StartsWith("by ", StringComparison.OrdinalIgnoreCase) && pendingCount > 0)
                {
                    titlePage = JoinTitle(text, pending[..pendingCount]);
                    titlePageOpen = false;
                    if (markup != TextMarkup.Markdown)
                        return titlePage;
                    continue;
                }
                if (pendingCount == pending.Length || line.Length > 80 || nonBlank > 4)
                {
                    titlePageOpen = false;
                    continue;
                }
                int offset = text.AsSpan(start, end - start).IndexOf(line);
                pending[pendingCount++] = new Range(start + offset, start + offset + line.Length);
            }
        }
        return titlePage;
    }

    private static string? JoinTitle(string text, ReadOnlySpan<Range> parts)
    {
        var joined = string.Join(' ', parts.ToArray().Select(r => text[r]));
        return Clean(joined);
    }

    private static string? Clean(ReadOnlySpan<char> title)
    {
        title = title.Trim().TrimEnd(";,:").Trim();
        if (title.EndsWith('.') && !title.EndsWith(".."))
            title = title[..^1];
        if (title.IsEmpty || title.Length > MaxTitleLength)
            return null;
        return title.ToString();
    }

    /// <summary>Yields line bounds without allocating.</summary>
    private ref struct LineReader(string text)
    {
        private int _position;

        public bool TryNext(out int start, out int end)
        {
            start = _position;
            if (start >= text.Length)
            {
                end = start;
                return false;
            }
            int newline = text.AsSpan(start).IndexOf('\n');
            end = newline < 0 ? text.Length : start + newline;
            _position = end + 1;
            return true;
        }
    }
}
