using System.Text;

namespace Orchestrator.Manuscripts.Revision;

/// <summary>
/// A unified diff of two texts (<c>--- old</c>, <c>+++ new</c>, <c>@@ -l,s +l,s @@</c> hunks), as <c>diff -u</c>
/// writes it, so <c>patch</c> and <c>git apply</c> accept it. Lines are compared with their line break, so a last
/// line without one is a change of its own, marked <c>\ No newline at end of file</c>. Lines are matched by
/// <see cref="LineDiff"/> (common ends trimmed, unique lines as anchors, Myers between them), fast on a whole novel.
/// </summary>
public static class UnifiedDiff
{
    /// <summary>
    /// The diff turning <paramref name="oldText"/> into <paramref name="newText"/>, with <paramref name="context"/>
    /// unchanged lines around each change; the empty string when the texts are equal.
    /// </summary>
    /// <param name="oldName">Written after <c>---</c> (e.g. <c>a/novel.txt</c>).</param>
    /// <param name="newName">Written after <c>+++</c> (e.g. <c>b/novel.txt</c>).</param>
    public static string Create(string oldText, string newText, string oldName, string newName, int context = 3)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        ArgumentException.ThrowIfNullOrWhiteSpace(oldName);
        ArgumentException.ThrowIfNullOrWhiteSpace(newName);
        ArgumentOutOfRangeException.ThrowIfNegative(context);
        if (string.Equals(oldText, newText, StringComparison.Ordinal)) return "";

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var oldLines = Lines(oldText);
        var newLines = Lines(newText);
        var a = Ids(oldText, oldLines, ids);
        var b = Ids(newText, newLines, ids);
        var matches = LineDiff.Match(a, b, ids.Count);

        var builder = new StringBuilder();
        builder.Append("--- ").Append(oldName).Append('\n');
        builder.Append("+++ ").Append(newName).Append('\n');
        var changes = Changes(matches, a.Length, b.Length);
        var first = 0;
        while (first < changes.Count)
        {
            // A hunk takes the following changes while the unchanged lines between them are at most 2 × context.
            var last = first;
            while (last + 1 < changes.Count && changes[last + 1].A0 - changes[last].A1 <= 2 * context) last++;
            WriteHunk(builder, changes, first, last, context, oldText, oldLines, newText, newLines);
            first = last + 1;
        }
        return builder.ToString();
    }

    /// <summary>One changed region: lines a[A0..A1) replaced by b[B0..B1).</summary>
    private readonly record struct Change(int A0, int A1, int B0, int B1);

    private static List<Change> Changes(List<(int A, int B)> matches, int n, int m)
    {
        var changes = new List<Change>();
        int i = 0, j = 0;
        foreach (var (x, y) in matches.Append((n, m)))
        {
            if (x > i || y > j) changes.Add(new Change(i, x, j, y));
            i = x + 1;
            j = y + 1;
        }
        return changes;
    }

    private static void WriteHunk(StringBuilder builder, List<Change> changes, int first, int last, int context,
        string oldText, List<(int Start, int Length)> oldLines, string newText, List<(int Start, int Length)> newLines)
    {
        var head = changes[first];
        var tail = changes[last];
        var lead = Math.Min(context, head.A0);
        var trail = Math.Min(context, oldLines.Count - tail.A1);
        int a0 = head.A0 - lead, a1 = tail.A1 + trail;
        int b0 = head.B0 - lead, b1 = tail.B1 + trail;
        builder.Append("@@ -").Append(Range(a0, a1 - a0)).Append(" +").Append(Range(b0, b1 - b0)).Append(" @@\n");

        var i = a0;
        for (var c = first; c <= last; c++)
        {
            var change = changes[c];
            for (; i < change.A0; i++) Line(builder, ' ', oldText, oldLines[i]);
            for (var k = change.A0; k < change.A1; k++) Line(builder, '-', oldText, oldLines[k]);
            for (var k = change.B0; k < change.B1; k++) Line(builder, '+', newText, newLines[k]);
            i = change.A1;
        }
        for (; i < a1; i++) Line(builder, ' ', oldText, oldLines[i]);
    }

    /// <summary>"start,count" (1-based; the line before when empty, as diff -u writes it; count left out when 1).</summary>
    private static string Range(int start, int count) => count switch
    {
        0 => $"{start},0",
        1 => $"{start + 1}",
        _ => $"{start + 1},{count}",
    };

    private static void Line(StringBuilder builder, char mark, string text, (int Start, int Length) line)
    {
        builder.Append(mark).Append(text, line.Start, line.Length);
        if (line.Length == 0 || text[line.Start + line.Length - 1] != '\n') builder.Append("\n\\ No newline at end of file\n");
    }

    /// <summary>Each line's start and length, its line break included.</summary>
    private static List<(int Start, int Length)> Lines(string text)
    {
        var lines = new List<(int, int)>(text.Length / 50 + 1);
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            lines.Add((start, end - start));
            start = end;
        }
        return lines;
    }

    private static int[] Ids(string text, List<(int Start, int Length)> lines, Dictionary<string, int> ids)
    {
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var result = new int[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var span = text.AsSpan(lines[i].Start, lines[i].Length);
            if (!lookup.TryGetValue(span, out var id))
            {
                id = ids.Count;
                lookup[span] = id;
            }
            result[i] = id;
        }
        return result;
    }
}
