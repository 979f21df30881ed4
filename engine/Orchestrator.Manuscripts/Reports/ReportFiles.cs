using System.Text;
using System.Text.Json;
using Orchestrator.Manuscripts.Reports.Html;

namespace Orchestrator.Manuscripts.Reports;

/// <summary>Writes report.json, report.md and report.html into a folder, each through a temp file and a rename so a crash never leaves half a report.</summary>
public static class ReportFiles
{
    public const string JsonName = "report.json";
    public const string MarkdownName = "report.md";
    public const string HtmlName = "report.html";

    public static async Task<IReadOnlyList<string>> WriteAsync(AnalysisReport report, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, JsonName);
        var md = Path.Combine(directory, MarkdownName);
        var html = Path.Combine(directory, HtmlName);
        await WriteAtomicAsync(json, JsonSerializer.Serialize(report, ReportJson.Options), cancellationToken).ConfigureAwait(false);
        await WriteAtomicAsync(md, MarkdownReportWriter.Write(report), cancellationToken).ConfigureAwait(false);
        await WriteAtomicAsync(html, HtmlReportWriter.Write(report), cancellationToken).ConfigureAwait(false);
        return [json, md, html];
    }

    /// <summary>Writes UTF-8 text (no BOM) through a temporary file and a rename, so a reader never sees half of it.</summary>
    internal static async Task WriteAtomicAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, content, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }
}
