using System.Globalization;
using System.Net;
using System.Text;
using Orchestrator.Engine.Findings;

namespace Orchestrator.Manuscripts.Reports.Html;

/// <summary>
/// report.html: one self-contained page (inline CSS and SVG, no script, no external asset) that
/// opens offline. It shows the score, the ranked recommendations and strengths, charts over the
/// chapters (lengths, pacing, readability, character presence, themes) and every finding grouped by
/// chapter with its severity and evidence. Charts appear only when the node that feeds them ran.
/// </summary>
public static class HtmlReportWriter
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Write(AnalysisReport report)
    {
        var html = new StringBuilder(64 * 1024);
        var m = report.Manuscript;
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append(C, $"<title>{E(m.Title)}: analysis report</title><style>{Css}</style></head><body><main>");

        Header(html, report);
        NodeTable(html, report);
        Iterations(html, report);
        Recommendations(html, report);
        Charts(html, report);
        FindingsByChapter(html, report);

        html.Append(C, $"<footer>Session <code>{E(report.Session)}</code> · pipeline {E(report.Pipeline.Name)} v{report.Pipeline.Version} · ");
        html.Append(C, $"input SHA-256 <code>{E(m.ContentHash[..Math.Min(12, m.ContentHash.Length)])}…</code> · {E(report.Status)}: {E(report.StopReason)}</footer>");
        html.Append("</main></body></html>");
        return html.ToString();
    }

    private static void Header(StringBuilder html, AnalysisReport report)
    {
        var m = report.Manuscript;
        var q = report.Quality;
        html.Append(C, $"<header><div><h1>{E(m.Title)}</h1><p class=\"facts\">");
        if (m.Metadata?.GetValueOrDefault("author") is { Length: > 0 } author) html.Append(C, $"by {E(author)} · ");
        html.Append(C, $"{m.Words:N0} words · {m.Chapters} chapters");
        if (m.Parts > 0) html.Append(C, $" · {m.Parts} parts");
        html.Append(C, $" · {m.Scenes} scenes · {m.Sentences:N0} sentences");
        if (report.Requirements.Genre is { } g) html.Append(C, $" · genre: {E(g)}");
        if (report.Requirements.TargetLength is { } t) html.Append(C, $" · target: {t:N0} words");
        if (report.Requirements.Themes.Count > 0) html.Append(C, $" · themes: {E(string.Join(", ", report.Requirements.Themes))}");
        html.Append("</p></div>");
        html.Append(C, $"<div class=\"score\" style=\"--score:{q.Overall:0.###}\"><span>{q.Overall * 100:0}</span><small>quality</small></div></header>");
        html.Append(C, $"<p class=\"facts\">Coverage {q.Coverage:P0} of the pipeline's nodes · confidence {q.Confidence:0.00}</p>");
    }

    private static void NodeTable(StringBuilder html, AnalysisReport report)
    {
        html.Append("<section><h2>Scores</h2><table class=\"nodes\"><thead><tr><th>node</th><th>score</th><th>why</th></tr></thead><tbody>");
        foreach (var n in report.Nodes)
        {
            var score = n.Score is { } s ? $"<meter min=\"0\" max=\"1\" low=\"0.5\" high=\"0.75\" optimum=\"1\" value=\"{s.ToString("0.###", C)}\"></meter> {s.ToString("0.00", C)}" : E(n.Status);
            html.Append(C, $"<tr><td>{E(n.Id)}</td><td class=\"num\">{score}</td><td>{E(n.Summary ?? n.Error ?? "")}</td></tr>");
        }
        html.Append("</tbody></table></section>");
    }

    /// <summary>How the iterations went, when there were several or something changed between them.</summary>
    private static void Iterations(StringBuilder html, AnalysisReport report)
    {
        var run = report.Run;
        if (run.Iterations.Count <= 1 && run.Revision is null && run.Suggestions.Count == 0 && run.Escalations.Count == 0) return;
        html.Append(C, $"<section><h2>Iterations</h2><p>{E(report.StopReason)}</p>");
        html.Append("<table class=\"nodes\"><thead><tr><th>iteration</th><th>quality</th><th>change</th></tr></thead><tbody>");
        foreach (var i in run.Iterations)
            html.Append(C, $"<tr><td class=\"num\">{i.Iteration}</td><td class=\"num\">{i.Quality:0.0000}</td><td class=\"num\">{(i.Delta is { } d ? d.ToString("+0.0000;-0.0000;0.0000", C) : "–")}</td></tr>");
        html.Append("</tbody></table>");
        if (run.Revision is { } r)
        {
            html.Append(C, $"<p>The text was revised: {E(string.Join(", ", r.Edits.Select(p => $"{p.Value} {p.Key}")))}.");
            if (r.RevisedFile is not null) html.Append(C, $" Revised copy <code>{E(r.RevisedFile)}</code>, changes <code>{E(r.DiffFile ?? "")}</code>.");
            html.Append("</p>");
        }
        if (run.Escalations.Count + run.Suggestions.Count > 0)
        {
            html.Append("<ul>");
            foreach (var e in run.Escalations) html.Append(C, $"<li>escalated {E(e)}</li>");
            foreach (var x in run.Suggestions) html.Append(C, $"<li>suggestion: {E(x)}</li>");
            html.Append("</ul>");
        }
        html.Append("</section>");
    }

    private static void Recommendations(StringBuilder html, AnalysisReport report)
    {
        var source = report.Nodes.FirstOrDefault(n => n.Type == "recommendations" && n.Findings.Count > 0);
        var issues = source?.Findings.Where(f => !f.IsStrength).ToList()
            ?? report.Nodes.SelectMany(n => n.Findings).Where(f => !f.IsStrength).OrderByDescending(f => f.Severity).Take(15).ToList();
        var strengths = source?.Findings.Where(f => f.IsStrength).ToList()
            ?? report.Nodes.SelectMany(n => n.Findings).Where(f => f.IsStrength).Take(8).ToList();
        if (issues.Count > 0)
        {
            html.Append("<section><h2>What to work on first</h2><ol class=\"findings\">");
            foreach (var f in issues) FindingItem(html, f);
            html.Append("</ol></section>");
        }
        if (strengths.Count > 0)
        {
            html.Append("<section><h2>What works</h2><ul class=\"findings strengths\">");
            foreach (var f in strengths) FindingItem(html, f);
            html.Append("</ul></section>");
        }
    }

    private static void Charts(StringBuilder html, AnalysisReport report)
    {
        var charts = new StringBuilder();
        var chapterLabels = Labels(report);

        if (Series(report, "structure", "chapterWords") is { } words)
        {
            var median = report.Nodes.First(n => n.Type == "structure").Metrics.GetValueOrDefault("medianChapterWords");
            Figure(charts, "Chapter lengths", "Words per chapter; the dashed line is the median.",
                SvgChart.Bars(words, chapterLabels, "words", median > 0 ? median : null, "median"));
        }
        if (Series(report, "pacing", "dialogueRatio") is { } dialogue)
        {
            var lines = new List<(string, IReadOnlyList<double>)> { ("dialogue share", dialogue) };
            if (Series(report, "pacing", "meanSentenceWords") is { } sentence) lines.Add(("mean sentence length", sentence));
            if (Series(report, "pacing", "tension") is { } tension) lines.Add(("tension", tension));
            Figure(charts, "Pacing curve", "Each line scaled to its own maximum, to compare shapes across the book.",
                SvgChart.Lines(lines, chapterLabels, "", normalise: true));
        }
        if (Series(report, "style", "fleschReadingEase") is { } ease)
        {
            var lines = new List<(string, IReadOnlyList<double>)> { ("Flesch reading ease", ease) };
            Figure(charts, "Readability per chapter", "Flesch reading ease: higher is easier; most published fiction reads between 60 and 80.",
                SvgChart.Lines(lines, chapterLabels, "reading ease"));
        }
        if (CharacterRows(report) is { Count: > 0 } cast)
            Figure(charts, "Who is on the page", "Mentions per chapter of the main cast, darker = more (scaled per character).",
                SvgChart.Heatmap(cast, chapterLabels, "mentions"));
        if (ThemeRows(report) is { Count: > 0 } themes)
            Figure(charts, "Themes per chapter", "Theme-word hits per 1,000 words.",
                SvgChart.Heatmap(themes, chapterLabels, "per 1,000 words"));

        if (charts.Length > 0) html.Append("<section id=\"charts\"><h2>Across the book</h2>").Append(charts).Append("</section>");
    }

    private static void FindingsByChapter(StringBuilder html, AnalysisReport report)
    {
        var all = report.Nodes.Where(n => n.Type != "recommendations")
            .SelectMany(n => n.Findings.Where(f => !f.IsStrength))
            .ToList();
        if (all.Count == 0) return;
        var labels = Labels(report);
        html.Append(C, $"<section><h2>All findings ({all.Count})</h2>");
        foreach (var group in all.GroupBy(f => f.Location?.Chapter ?? 0).OrderBy(g => g.Key))
        {
            var title = group.Key == 0 ? "Whole book" : $"{E(group.Key <= labels.Count ? labels[group.Key - 1] : $"Chapter {group.Key}")}";
            var counts = string.Join(" ", group.GroupBy(f => f.Severity).OrderByDescending(g => g.Key)
                .Select(g => $"<span class=\"sev {g.Key.ToString().ToLowerInvariant()}\">{g.Count()} {g.Key.ToString().ToLowerInvariant()}</span>"));
            html.Append(C, $"<details{(group.Key == 0 ? " open" : "")}><summary>{title} {counts}</summary><ul class=\"findings\">");
            foreach (var f in group.OrderByDescending(f => f.Severity).ThenBy(f => f.Location?.Offset ?? 0)) FindingItem(html, f);
            html.Append("</ul></details>");
        }
        html.Append("</section>");
    }

    private static void FindingItem(StringBuilder html, Finding f)
    {
        var sev = f.IsStrength ? "strength" : f.Severity.ToString().ToLowerInvariant();
        html.Append(C, $"<li><span class=\"sev {sev}\">{sev}</span> {E(f.Message)}");
        if (f.Location is { Chapter: { } ch } loc)
            html.Append(C, $" <span class=\"where\">chapter {ch}{(loc.Paragraph is { } p ? $", paragraph {p}" : "")}</span>");
        if (f.Suggestion is { Length: > 0 } s) html.Append(C, $"<div class=\"suggestion\">{E(s)}</div>");
        if (f.Evidence is { Length: > 0 } ev) html.Append(C, $"<blockquote>{E(ev)}</blockquote>");
        html.Append(C, $"<div class=\"rule\">{E(f.Rule)}{(f.Confidence < 1 ? $" · confidence {f.Confidence:0.00}" : "")}</div></li>");
    }

    private static void Figure(StringBuilder html, string title, string caption, string svg) =>
        html.Append(C, $"<figure><figcaption><strong>{E(title)}</strong> {E(caption)}</figcaption>{svg}</figure>");

    private static IReadOnlyList<double>? Series(AnalysisReport report, string type, string name) =>
        report.Nodes.FirstOrDefault(n => n.Type == type)?.Series.GetValueOrDefault(name) is { Count: > 0 } s ? s : null;

    private static IReadOnlyList<string> Labels(AnalysisReport report) =>
        report.Nodes.Select(n => n.Labels.GetValueOrDefault("chapters")).FirstOrDefault(l => l is { Count: > 0 }) ?? [];

    /// <summary>The characters node's per-chapter mentions of its main cast, in rank order.</summary>
    private static List<(string, IReadOnlyList<double>)> CharacterRows(AnalysisReport report)
    {
        var node = report.Nodes.FirstOrDefault(n => n.Type == "characters");
        if (node is null || !node.Labels.TryGetValue("cast", out var cast)) return [];
        var rows = new List<(string, IReadOnlyList<double>)>();
        for (var i = 0; i < cast.Count && rows.Count < 15; i++)
            if (node.Series.TryGetValue($"mentions.{i + 1}", out var values)) rows.Add((cast[i], values));
        return rows;
    }

    private static List<(string, IReadOnlyList<double>)> ThemeRows(AnalysisReport report)
    {
        var node = report.Nodes.FirstOrDefault(n => n.Type == "themes");
        if (node is null) return [];
        return node.Series.Where(s => s.Key.StartsWith("theme.", StringComparison.Ordinal))
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => (s.Key["theme.".Length..], s.Value)).ToList();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        :root{font-family:Georgia,'Times New Roman',serif;color:#1d1d1f;background:#fafaf7}
        main{max-width:920px;margin:0 auto;padding:24px}
        header{display:flex;justify-content:space-between;align-items:center;gap:24px;border-bottom:2px solid #ddd;padding-bottom:12px}
        h1{margin:0 0 4px;font-size:2em}h2{font-size:1.3em;border-bottom:1px solid #e5e5e5;padding-bottom:4px;margin-top:32px}
        .facts{color:#555;margin:4px 0;font-family:system-ui,sans-serif;font-size:.9em}
        .score{--score:0;width:96px;height:96px;border-radius:50%;display:flex;flex-direction:column;align-items:center;justify-content:center;
          background:conic-gradient(#0072B2 calc(var(--score)*360deg),#e3e3e3 0);position:relative;flex:none}
        .score::before{content:"";position:absolute;inset:9px;border-radius:50%;background:#fafaf7}
        .score span,.score small{position:relative;font-family:system-ui,sans-serif}.score span{font-size:1.9em;font-weight:700}.score small{color:#666}
        table{border-collapse:collapse;width:100%;font-family:system-ui,sans-serif;font-size:.9em}
        td,th{text-align:left;padding:6px 8px;border-bottom:1px solid #eee;vertical-align:top}td.num{white-space:nowrap}
        meter{width:80px;vertical-align:middle}
        figure{margin:18px 0}figcaption{font-family:system-ui,sans-serif;font-size:.9em;color:#444;margin-bottom:4px}
        svg{width:100%;height:auto;background:#fff;border:1px solid #eee;font-family:system-ui,sans-serif;font-size:11px}
        svg .grid{stroke:#eee}svg .tick{fill:#666;font-size:10px}svg .note{fill:#888;font-size:10px}svg .legend{font-size:11px;fill:#333}
        .findings{padding-left:1.4em}.findings li{margin:10px 0;line-height:1.45}
        .sev{display:inline-block;font-family:system-ui,sans-serif;font-size:.72em;text-transform:uppercase;letter-spacing:.04em;
          padding:1px 6px;border-radius:3px;color:#fff;background:#888;vertical-align:middle}
        .sev.problem{background:#C0392B}.sev.warning{background:#D55E00}.sev.suggestion{background:#0072B2}.sev.info{background:#6b7b8c}.sev.strength{background:#009E73}
        .where,.rule{font-family:system-ui,sans-serif;font-size:.8em;color:#777}
        .suggestion{color:#333;font-style:italic;margin-top:2px}
        blockquote{margin:4px 0 0;padding:4px 10px;border-left:3px solid #ccc;color:#444;background:#f4f4ef}
        details{margin:8px 0;border:1px solid #eee;border-radius:4px;padding:6px 10px;background:#fff}summary{cursor:pointer;font-weight:600}
        footer{margin-top:40px;color:#888;font-family:system-ui,sans-serif;font-size:.8em}
        """;
}
