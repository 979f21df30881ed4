using Orchestrator.Manuscripts.Reports;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Revision;

/// <summary>
/// Writes what a revising session produced next to its report: the revised copy (the input is never touched) and a
/// unified diff from the input to it, each through a temporary file and a rename.
/// </summary>
public static class RevisionFiles
{
    /// <summary>The file names for <paramref name="input"/>'s revision: <c>&lt;stem&gt;.revised.&lt;md|txt&gt;</c> and <c>&lt;stem&gt;.revisions.diff</c>.</summary>
    public static (string Revised, string Diff) NamesFor(ManuscriptDocument input)
    {
        var source = input.SourcePath ?? "manuscript.txt";
        var stem = Path.GetFileNameWithoutExtension(source);
        var markdown = Path.GetExtension(source).Equals(".md", StringComparison.OrdinalIgnoreCase);
        return ($"{stem}.revised{(markdown ? ".md" : ".txt")}", $"{stem}.revisions.diff");
    }

    /// <summary>Writes both files into <paramref name="directory"/> and returns their paths.</summary>
    public static async Task<(string Revised, string Diff)> WriteAsync(ManuscriptDocument input, ManuscriptDocument revised,
        string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(revised);
        Directory.CreateDirectory(directory);
        var (revisedName, diffName) = NamesFor(input);
        var revisedPath = Path.Combine(directory, revisedName);
        var diffPath = Path.Combine(directory, diffName);
        var original = Path.GetFileName(input.SourcePath ?? "manuscript.txt");
        await ReportFiles.WriteAtomicAsync(revisedPath, revised.Text, cancellationToken).ConfigureAwait(false);
        await ReportFiles.WriteAtomicAsync(diffPath, UnifiedDiff.Create(input.Text, revised.Text, "a/" + original, "b/" + revisedName), cancellationToken).ConfigureAwait(false);
        return (revisedPath, diffPath);
    }
}
