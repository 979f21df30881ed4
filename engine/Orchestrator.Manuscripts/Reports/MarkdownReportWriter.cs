using System.Globalization;
using System.Text;
using Orchestrator.Engine.Findings;

namespace Orchestrator.Manuscripts.Reports;

/// <summary>The short human-readable report: the score, what each node found, and the findings that matter most.</summary>
public static class MarkdownReportWriter
{
    /// <summary>Findings listed per node; the rest are counted, the full list is in report.json.</summary>
    private const int FindingsPerNode = 10;

    public static string Write(AnalysisReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        var m = report.Manuscript;
        md.AppendLine(c, $"# {Escape(m.Title)}: analysis report");
        md.AppendLine();
        if (m.Metadata?.GetValueOrDefault("author") is { Length: > 0 } author) md.AppendLine(c, $"- **Author:** {Escape(author)}");
        md.AppendLine(c, $"- **Quality:** {report.Quality.Overall:0.00} (coverage {report.Quality.Coverage:P0}, confidence {report.Quality.Confidence:0.00})");
        md.AppendLine(c, $"- **Status:** {report.Status} ({report.StopReason})");
        md.AppendLine(c, $"- **Manuscript:** {m.Words:N0} words, {m.Chapters} chapters{(m.Parts > 0 ? $", {m.Parts} parts" : "")}, {m.Scenes} scenes");
        if (report.Requirements.Genre is { } genre) md.AppendLine(c, $"- **Genre:** {genre}");
        if (report.Requirements.TargetLength is { } target) md.AppendLine(c, $"- **Target length:** {target:N0} words");
        md.AppendLine(c, $"- **Pipeline:** {report.Pipeline.Name} v{report.Pipeline.Version}; session `{report.Session}`");
        md.AppendLine();
        md.AppendLine("| node | status | score | summary |");
        md.AppendLine("|---|---|---:|---|");
        foreach (var n in report.Nodes)
            md.AppendLine(c, $"| {n.Id} | {n.Status} | {(n.Score is { } s ? s.ToString("0.00", c) : "–")} | {Escape(n.Summary ?? n.Error ?? "")} |");

        RunSection(md, report);

        foreach (var n in report.Nodes.Where(n => n.Findings.Count > 0))
        {
            md.AppendLine();
            md.AppendLine(c, $"## {n.Id}");
            md.AppendLine();
            foreach (var f in n.Findings.OrderByDescending(f => f.Severity).Take(FindingsPerNode))
            {
                md.Append(c, $"- **{f.Severity}** {Escape(f.Message)}");
                if (f.Location?.Chapter is { } ch) md.Append(c, $" *(chapter {ch})*");
                if (f.Suggestion is { } sug) md.Append(c, $" — {Escape(sug)}");
                md.AppendLine();
            }
            if (n.Findings.Count > FindingsPerNode)
                md.AppendLine(c, $"- … and {n.Findings.Count - FindingsPerNode} more in report.json");
        }
        return md.ToString();
    }

    /// <summary>How the iterations went; only when there is more to say than one iteration that ran everything.</summary>
    private static void RunSection(StringBuilder md, AnalysisReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var run = report.Run;
        if (run.Iterations.Count <= 1 && run.Suggestions.Count == 0 && run.Escalations.Count == 0 && run.Revision is null) return;
        md.AppendLine();
        md.AppendLine("## Iterations");
        md.AppendLine();
        md.AppendLine(c, $"Stopped: {Escape(report.StopReason)}");
        md.AppendLine();
        md.AppendLine("| iteration | quality | change |");
        md.AppendLine("|---:|---:|---:|");
        foreach (var i in run.Iterations)
            md.AppendLine(c, $"| {i.Iteration} | {i.Quality:0.0000} | {(i.Delta is { } d ? d.ToString("+0.0000;-0.0000;0.0000", c) : "–")} |");
        if (run.Revision is { } revision)
        {
            md.AppendLine();
            var files = revision.RevisedFile is null ? "" : $" Revised copy: `{revision.RevisedFile}`; changes: `{revision.DiffFile}`.";
            md.AppendLine(c, $"The text was revised: {string.Join(", ", revision.Edits.Select(p => $"{p.Value} {p.Key}"))}.{files}");
        }
        foreach (var e in run.Escalations) md.AppendLine(c, $"- escalated {Escape(e)}");
        foreach (var sug in run.Suggestions) md.AppendLine(c, $"- suggestion: {Escape(sug)}");
    }

    private static string Escape(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
