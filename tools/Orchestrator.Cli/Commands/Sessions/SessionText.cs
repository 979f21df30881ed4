using System.Globalization;
using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.State;

namespace Orchestrator.Cli.Commands.Sessions;

/// <summary>The plain-text output of the <c>sessions</c> verbs: numbers with a '.' whatever the culture, times in local time.</summary>
internal static class SessionText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private const int ErrorColumnWidth = 60;

    public static void WriteList(TextWriter output, string root, IReadOnlyList<SessionRow> rows)
    {
        if (rows.Count == 0)
        {
            output.WriteLine($"No sessions yet in {root}. A run keeps its session there; see 'orchestrator run --help'.");
            return;
        }
        var table = new TextTable("ID", "STATUS", "MANUSCRIPT", "PIPELINE", ">QUALITY", ">ITER", "UPDATED");
        foreach (var r in rows)
            table.Add(r.Id, r.Status, r.Manuscript ?? "-", r.Pipeline ?? "-", Number(r.Quality), r.Iterations?.ToString(Invariant) ?? "-", Short(r.UpdatedAt));
        table.WriteTo(output);

        var notes = rows.Where(r => r.Resume is not null || r.Problem is not null).ToArray();
        if (notes.Length > 0) output.WriteLine();
        foreach (var r in notes)
        {
            if (r.Problem is not null) output.WriteLine($"{r.Id}: {r.Problem}");
            if (r.Resume is not null)
                output.WriteLine($"{r.Id}: {(r.Status == SessionStatusText.Interrupted ? "interrupted" : r.Status.ToLowerInvariant())}; resume with: {r.Resume}");
        }
    }

    public static void WriteDetails(TextWriter output, SessionDetails d)
    {
        var facts = new TextTable("session", d.Id);
        facts.Add("status", d.Status + (d.Status != d.StoredStatus ? $" (stored as {d.StoredStatus}; lease {d.Lease.ToLowerInvariant()})" : ""));
        facts.Add("pipeline", d.Pipeline);
        facts.Add("input", d.InputPath);
        if (d.ReportFolder is not null) facts.Add("reports", d.ReportFolder);
        facts.Add("created", Long(d.CreatedAt));
        facts.Add("updated", Long(d.UpdatedAt));
        facts.Add("iterations", d.Iterations.ToString(Invariant));
        facts.Add("stop reason", d.StopReason is null ? "-" : d.StopDetails is null || d.StopDetails == d.StopReason ? d.StopReason : $"{d.StopReason}: {d.StopDetails}");
        facts.Add("state from", d.Source);
        facts.WriteTo(output);
        if (d.Resume is not null) output.WriteLine($"resume with: {d.Resume}");

        output.WriteLine();
        if (d.Quality.Count == 0) output.WriteLine("quality: none recorded yet");
        else
        {
            output.WriteLine("quality");
            var quality = new TextTable(">ITER", ">QUALITY", ">DELTA", ">COVERAGE", ">CONFIDENCE", ">DURATION", ">ACTIONS", ">FAILURES", ">RETRIES");
            foreach (var q in d.Quality)
                quality.Add(q.Iteration.ToString(Invariant), Number(q.Quality), Delta(q.Delta), Number(q.Coverage), Number(q.Confidence),
                    Seconds(q.DurationSeconds), Count(q.Actions), Count(q.Failures), Count(q.Retries));
            quality.WriteTo(output, "  ");
        }

        output.WriteLine();
        output.WriteLine("nodes");
        var nodes = new TextTable("NODE", "STATUS", ">ATTEMPTS", ">SCORE", ">DURATION", "ERROR");
        foreach (var n in d.Nodes)
            nodes.Add(n.Node, n.Status, n.Attempts.ToString(Invariant), Number(n.Score), Seconds(n.DurationSeconds), Clip(n.Error));
        nodes.WriteTo(output, "  ");

        output.WriteLine();
        if (d.Errors.Count == 0) output.WriteLine("errors: none");
        else
        {
            output.WriteLine("errors");
            foreach (var e in d.Errors)
            {
                var where = (e.Iteration is { } i ? $"iteration {i}, " : "") + e.Node + (e.Attempt is { } a ? $" (attempt {a})" : "");
                output.WriteLine($"  {where}: {e.Status}: {OneLine(e.Message)}");
            }
        }

        output.WriteLine();
        if (d.Decisions.Count == 0) output.WriteLine("decisions: none recorded");
        else
        {
            output.WriteLine("decisions");
            foreach (var plan in d.Decisions) WriteDecision(output, plan);
        }

        output.WriteLine();
        if (d.Recommendations.Count == 0) output.WriteLine("recommendations: none");
        else
        {
            output.WriteLine(d.RecommendationCount > d.Recommendations.Count
                ? $"recommendations (top {d.Recommendations.Count} of {d.RecommendationCount})"
                : "recommendations");
            foreach (var r in d.Recommendations)
            {
                var chapter = r.Chapter is { } c ? $" (chapter {c})" : "";
                var suggestion = r.Suggestion is null ? "" : $" → {OneLine(r.Suggestion)}";
                output.WriteLine($"  {r.Rank,2}. {r.Severity.ToLowerInvariant()} {r.Rule}{chapter}: {OneLine(r.Message)}{suggestion}");
            }
        }

        if (d.Warnings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("warnings");
            foreach (var w in d.Warnings) output.WriteLine($"  {w}");
        }
    }

    public static void WriteCleanup(TextWriter output, CleanupReport report, bool dryRun, TimeSpan olderThan)
    {
        if (report.Deleted.Count + report.Kept.Count == 0)
        {
            output.WriteLine("No sessions to clean up.");
            return;
        }
        var table = new TextTable("ACTION", "SESSION", "STATUS", "UPDATED", "WHY");
        foreach (var e in report.Deleted)
            table.Add(dryRun ? "would delete" : "deleted", e.SessionId, e.Status?.ToString() ?? "-", Short(e.UpdatedAt), WithoutPrefix(e.Reason, "would delete: "));
        foreach (var e in report.Kept)
            table.Add("kept", e.SessionId, e.Status?.ToString() ?? "-", Short(e.UpdatedAt), e.Reason);
        table.WriteTo(output);
        output.WriteLine();
        output.WriteLine(dryRun
            ? $"Dry run: {report.Deleted.Count} of {report.Deleted.Count + report.Kept.Count} sessions would be deleted (older than {SessionCleanup.Describe(olderThan)}); nothing was deleted."
            : $"{report.Deleted.Count} deleted, {report.Kept.Count} kept (older than {SessionCleanup.Describe(olderThan)} and not locked are deleted).");
    }

    private static void WriteDecision(TextWriter output, PlanAnalytics plan)
    {
        output.WriteLine($"  iteration {plan.Iteration}");
        output.WriteLine("    chosen    " + (plan.Chosen.Count == 0 ? "nothing" : string.Join(", ", plan.Chosen.Select(c => $"{c.Node} ({c.Why})"))));
        if (plan.Filtered.Count > 0)
            output.WriteLine("    filtered  " + string.Join("; ", plan.Filtered.Select(f => $"{f.Node} ({f.Kind}: {OneLine(f.Reason)})")));
    }

    private static string Number(double? value) => value?.ToString("0.00", Invariant) ?? "-";
    private static string Delta(double? value) => value?.ToString("+0.00;-0.00;0.00", Invariant) ?? "-";
    private static string Count(int? value) => value?.ToString(Invariant) ?? "-";
    private static string Seconds(double? value) => value is { } s ? s.ToString(s < 10 ? "0.00" : "0.0", Invariant) + " s" : "-";
    private static string Short(DateTimeOffset time) => time.ToLocalTime().ToString("yyyy-MM-dd HH:mm", Invariant);
    private static string Long(DateTimeOffset time) => time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", Invariant);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string Clip(string? text)
    {
        if (text is null) return "";
        var line = OneLine(text);
        return line.Length <= ErrorColumnWidth ? line : string.Concat(line.AsSpan(0, ErrorColumnWidth - 1), "…");
    }

    private static string WithoutPrefix(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;
}
