using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Reports;
using Orchestrator.Manuscripts.Revision;

namespace Orchestrator.Server.Sessions;

/// <summary>Writes a finished (or stopped) session's report.json, report.md and report.html, and its revised text when it revised one, as <c>run</c> does.</summary>
public static class SessionReports
{
    public static async Task WriteAsync(ManuscriptAnalysis analysis, string folder, CancellationToken ct)
    {
        var report = analysis.Report;
        if (analysis.Revised && report.Run.Revision is { } revision)
        {
            var (revised, diff) = await RevisionFiles.WriteAsync(analysis.Input!, analysis.Document, folder, ct);
            report = report with { Run = report.Run with { Revision = revision with { RevisedFile = Path.GetFileName(revised), DiffFile = Path.GetFileName(diff) } } };
        }
        await ReportFiles.WriteAsync(report, folder, ct);
    }
}
