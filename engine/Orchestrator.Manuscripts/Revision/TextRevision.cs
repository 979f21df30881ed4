using System.Text;
using Orchestrator.Engine.Nodes;

namespace Orchestrator.Manuscripts.Revision;

/// <summary>Applies the edits of a revising node to the text they were made against.</summary>
public static class TextRevision
{
    /// <summary>
    /// The text with every edit applied, in one pass. The edits must be sorted by offset, not overlap (an edit may
    /// start where the previous one ends) and lie inside the text.
    /// </summary>
    /// <exception cref="ArgumentException">An edit is out of order, overlaps the one before, or lies outside the text.</exception>
    public static string Apply(string text, IReadOnlyList<TextEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(edits);
        if (Check(edits, text.Length) is { } problem) throw new ArgumentException(problem, nameof(edits));
        if (edits.Count == 0) return text;

        var delta = 0L;
        foreach (var edit in edits) delta += edit.Replacement.Length - edit.Length;
        var builder = new StringBuilder((int)Math.Max(0, text.Length + delta));
        var at = 0;
        foreach (var edit in edits)
        {
            builder.Append(text, at, edit.Offset - at).Append(edit.Replacement);
            at = edit.Offset + edit.Length;
        }
        return builder.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>What is wrong with a list of edits (null when nothing): order, overlap, and bounds when the text length is known.</summary>
    public static string? Check(IReadOnlyList<TextEdit> edits, int? textLength)
    {
        ArgumentNullException.ThrowIfNull(edits);
        var end = 0;
        for (var i = 0; i < edits.Count; i++)
        {
            var edit = edits[i];
            if (edit is null) return $"edit {i} is null";
            if (edit.Replacement is null) return $"edit {i} has no replacement";
            if (edit.Offset < 0 || edit.Length < 0)
                return $"edit {i} ({edit.Rule}) has a negative offset or length (offset {edit.Offset}, length {edit.Length})";
            if (textLength is { } length && (long)edit.Offset + edit.Length > length)
                return $"edit {i} ({edit.Rule}) at offset {edit.Offset}, length {edit.Length}, runs past the end of the text ({length} characters)";
            if (edit.Offset < end)
                return i > 0 && edit.Offset < edits[i - 1].Offset
                    ? $"edit {i} ({edit.Rule}) at offset {edit.Offset} comes before edit {i - 1} at offset {edits[i - 1].Offset}: edits must be sorted by offset"
                    : $"edit {i} ({edit.Rule}) at offset {edit.Offset} overlaps edit {i - 1}, which ends at {end}";
            end = edit.Offset + edit.Length;
        }
        return null;
    }
}
