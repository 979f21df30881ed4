namespace Orchestrator.Manuscripts.Text;

/// <summary>
/// Books whose chapters are headed by a title alone (<c>THE STORM</c> on a line of its own: no number, no
/// "Chapter") and listed in a contents list at the start. Read only when the scan found no chapter or part
/// heading at all: the titles the contents list names are collected, and each later line that stands alone,
/// is written in capitals and says one of them is a chapter heading. Two such headings at least, or none.
/// </summary>
internal static class TitleOnlyHeadings
{
    /// <summary>A contents line longer than this is prose: the list has ended.</summary>
    private const int MaxEntryLength = 70;

    public static void Find(BlockScanner scanner, string text)
    {
        foreach (var c in scanner.Candidates)
        {
            if (c.Role is HeadingRole.Chapter or HeadingRole.Part)
                return;
        }
        var blocks = scanner.Blocks;
        int from = 0;
        for (int i = 0; i < blocks.Length; i++)
        {
            if (blocks[i].Kind == BlockKind.TextStart)
                from = i + 1;
        }
        int contents = FindContentsLine(blocks, from, text);
        if (contents < 0)
            return;
        var (titles, bodyFrom) = ReadEntries(blocks, contents, text);
        if (titles.Count < 2)
            return;

        var found = new List<(int Block, TextSpan Line)>();
        for (int i = bodyFrom; i < blocks.Length; i++)
        {
            var b = blocks[i];
            if (b.Kind != BlockKind.Paragraph)
                continue;
            var line = text.AsSpan(b.Start, b.End - b.Start);
            if (line.Contains('\n') || !LineClassifier.IsCapitalsTitle(line) || !titles.Contains(Normalise(line)))
                continue;
            found.Add((i, new TextSpan(b.Start, b.End - b.Start)));
        }
        if (found.Count < 2)
            return;
        foreach (var (block, line) in found)
        {
            scanner.PromoteToHeading(block, new HeadingCandidate
            {
                Start = line.Start,
                Line = line,
                Title = line,
                Kind = SectionKind.Section,
                Form = HeadingForm.Separated,
                HasProse = true,
                Role = HeadingRole.Chapter,
            });
        }
    }

    /// <summary>The paragraph that opens with <c>CONTENTS</c> (or <c>Contents</c>, <c>TABLE OF CONTENTS</c>), or -1.</summary>
    private static int FindContentsLine(ReadOnlySpan<Block> blocks, int from, string text)
    {
        for (int i = from; i < blocks.Length; i++)
        {
            if (blocks[i].Kind != BlockKind.Paragraph)
                continue;
            var first = FirstLine(text.AsSpan(blocks[i].Start, blocks[i].End - blocks[i].Start)).TrimEnd(".:").Trim();
            if (first.Equals("CONTENTS", StringComparison.OrdinalIgnoreCase) || first.Equals("TABLE OF CONTENTS", StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }

    /// <summary>The titles the list names (normalised), and the block where the body starts: the first line that is
    /// longer than a contents line, or that names a title already listed.</summary>
    private static (HashSet<string> Titles, int BodyFrom) ReadEntries(ReadOnlySpan<Block> blocks, int contents, string text)
    {
        var titles = new HashSet<string>(StringComparer.Ordinal);
        bool marker = true;
        for (int i = contents; i < blocks.Length; i++)
        {
            var b = blocks[i];
            if (b.Kind != BlockKind.Paragraph)
                return (titles, i);
            var rest = text.AsSpan(b.Start, b.End - b.Start);
            while (!rest.IsEmpty)
            {
                int newline = rest.IndexOf('\n');
                var line = (newline < 0 ? rest : rest[..newline]).Trim();
                rest = newline < 0 ? default : rest[(newline + 1)..];
                if (marker)
                {
                    marker = false;
                    continue;
                }
                if (line.IsEmpty)
                    continue;
                if (line.Length > MaxEntryLength)
                    return (titles, i);
                var title = Normalise(WithoutPageNumber(line));
                if (title.Length > 0 && !titles.Add(title))
                    return (titles, i);
            }
        }
        return (titles, blocks.Length);
    }

    private static ReadOnlySpan<char> FirstLine(ReadOnlySpan<char> block)
    {
        int newline = block.IndexOf('\n');
        return (newline < 0 ? block : block[..newline]).Trim();
    }

    /// <summary><c>THE STORM ........ 17</c> -> <c>THE STORM</c>.</summary>
    private static ReadOnlySpan<char> WithoutPageNumber(ReadOnlySpan<char> line)
    {
        line = line.TrimEnd("0123456789").TrimEnd();
        return line.TrimEnd(". ").Trim();
    }

    private static string Normalise(ReadOnlySpan<char> line) => line.TrimEnd(".:").Trim().ToString().ToUpperInvariant();
}
