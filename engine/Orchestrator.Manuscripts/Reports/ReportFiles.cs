using System.Text.Json;
using Orchestrator.Engine.Files;
using Orchestrator.Manuscripts.Reports.Html;

namespace Orchestrator.Manuscripts.Reports;

/// <summary>Writes report.json, report.md and report.html into a folder, each through <see cref="AtomicFile"/> so a crash never leaves half a report.</summary>
public static class ReportFiles
{
    public const string JsonName = "report.json";
    public const string MarkdownName = "report.md";
    public const string HtmlName = "report.html";

    public static Task<IReadOnlyList<string>> WriteAsync(AnalysisReport report, string directory, CancellationToken cancellationToken) =>
        WriteAsync(report, directory, written: null, cancellationToken);

    /// <param name="written">Told each file's name and how long rendering and writing it took (the CLI's <c>--timings</c>).</param>
    public static async Task<IReadOnlyList<string>> WriteAsync(AnalysisReport report, string directory, Action<string, TimeSpan>? written,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, JsonName);
        var md = Path.Combine(directory, MarkdownName);
        var html = Path.Combine(directory, HtmlName);
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        await WriteAtomicAsync(json, JsonSerializer.Serialize(report, ReportJson.Report), cancellationToken).ConfigureAwait(false);
        written?.Invoke(JsonName, System.Diagnostics.Stopwatch.GetElapsedTime(start));
        start = System.Diagnostics.Stopwatch.GetTimestamp();
        await WriteAtomicAsync(md, MarkdownReportWriter.Write(report), cancellationToken).ConfigureAwait(false);
        written?.Invoke(MarkdownName, System.Diagnostics.Stopwatch.GetElapsedTime(start));
        start = System.Diagnostics.Stopwatch.GetTimestamp();
        await WriteAtomicAsync(html, HtmlReportWriter.Write(report), cancellationToken).ConfigureAwait(false);
        written?.Invoke(HtmlName, System.Diagnostics.Stopwatch.GetElapsedTime(start));
        return [json, md, html];
    }

    /// <summary>
    /// Writes UTF-8 text (no BOM) through <see cref="AtomicFile"/>, so a reader never sees half of it. Not fsynced: a report
    /// lost to a power cut is written again by resuming its session, from the state that is.
    /// </summary>
    internal static Task WriteAtomicAsync(string path, string content, CancellationToken cancellationToken) =>
        AtomicFile.WriteTextAsync(path, content, flushToDisk: false, cancellationToken);
}
