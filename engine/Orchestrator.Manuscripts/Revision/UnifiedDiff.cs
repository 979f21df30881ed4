using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;

namespace Orchestrator.Manuscripts.Revision;

/// <summary>
/// A unified diff of two texts (<c>--- old</c>, <c>+++ new</c>, <c>@@ -l,s +l,s @@</c> hunks), as <c>diff -u</c>
/// writes it, so <c>patch</c> and <c>git apply</c> accept it. Lines are matched by DiffPlex (Myers' O(ND) algorithm)
/// and compared with their line break, so a last line without one is a change of its own, marked
/// <c>\ No newline at end of file</c>. Only the hunk layout is ours: DiffPlex's own renderer does not write that marker.
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

        var diff = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false,
            LineEndingsPreservingChunker.Instance);
        var oldLines = diff.PiecesOld;
        var newLines = diff.PiecesNew;
        var changes = diff.DiffBlocks
            .Select(block => new Change(block.DeleteStartA, block.DeleteStartA + block.DeleteCountA,
                block.InsertStartB, block.InsertStartB + block.InsertCountB))
            .ToList();

        var builder = new StringBuilder();
        builder.Append("--- ").Append(oldName).Append('\n');
        builder.Append("+++ ").Append(newName).Append('\n');
        var first = 0;
        while (first < changes.Count)
        {
            // A hunk takes the following changes while the unchanged lines between them are at most 2 × context.
            var last = first;
            while (last + 1 < changes.Count && changes[last + 1].A0 - changes[last].A1 <= 2 * context) last++;
            WriteHunk(builder, changes, first, last, context, oldLines, newLines);
            first = last + 1;
        }
        return builder.ToString();
    }

    /// <summary>One changed region: lines a[A0..A1) replaced by b[B0..B1).</summary>
    private readonly record struct Change(int A0, int A1, int B0, int B1);

    private static void WriteHunk(StringBuilder builder, List<Change> changes, int first, int last, int context,
        IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines)
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
            for (; i < change.A0; i++) Line(builder, ' ', oldLines[i]);
            for (var k = change.A0; k < change.A1; k++) Line(builder, '-', oldLines[k]);
            for (var k = change.B0; k < change.B1; k++) Line(builder, '+', newLines[k]);
            i = change.A1;
        }
        for (; i < a1; i++) Line(builder, ' ', oldLines[i]);
    }

    /// <summary>"start,count" (1-based; the line before when empty, as diff -u writes it; count left out when 1).</summary>
    private static string Range(int start, int count) => count switch
    {
        0 => $"{start},0",
        1 => $"{start + 1}",
        _ => $"{start + 1},{count}",
    };

    private static void Line(StringBuilder builder, char mark, string line)
    {
        builder.Append(mark).Append(line);
        if (line.Length == 0 || line[^1] != '\n') builder.Append("\n\\ No newline at end of file\n");
    }
}
