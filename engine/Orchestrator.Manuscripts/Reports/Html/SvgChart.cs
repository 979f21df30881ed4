using System.Globalization;
using System.Net;
using System.Text;

namespace Orchestrator.Manuscripts.Reports.Html;

/// <summary>
/// Small inline SVG charts for the HTML report: bars, lines and a heatmap over chapters. No script,
/// no external assets; each mark carries a &lt;title&gt; so hovering shows the exact value.
/// </summary>
public static class SvgChart
{
    public const int Width = 860;
    private const int Height = 220;
    private const int Left = 56, Right = 16, Top = 16, Bottom = 34;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Series colours, chosen to stay distinct for colour-blind readers (Okabe–Ito).</summary>
    public static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];

    public static string Bars(IReadOnlyList<double> values, IReadOnlyList<string> labels, string unit, double? reference = null, string? referenceLabel = null)
    {
        var max = Math.Max(values.Count == 0 ? 1 : values.Max(), reference ?? 0);
        if (max <= 0) max = 1;
        var svg = Open(Height, $"bar chart of {unit} per chapter");
        Axis(svg, max, unit);
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var step = values.Count == 0 ? plotW : (double)plotW / values.Count;
        for (var i = 0; i < values.Count; i++)
        {
            var h = values[i] / max * plotH;
            var x = Left + i * step;
            svg.Append(C, $"<rect x=\"{x + step * 0.1:0.#}\" y=\"{Top + plotH - h:0.#}\" width=\"{Math.Max(1, step * 0.8):0.#}\" height=\"{h:0.#}\" fill=\"{Palette[0]}\">");
            svg.Append(C, $"<title>{E(Label(labels, i))}: {values[i]:N0} {E(unit)}</title></rect>");
        }
        if (reference is { } r)
        {
            var y = Top + plotH - r / max * plotH;
            svg.Append(C, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"{Palette[3]}\" stroke-dasharray=\"5 4\"/>");
            svg.Append(C, $"<text x=\"{Width - Right - 4}\" y=\"{y - 4:0.#}\" text-anchor=\"end\" class=\"note\">{E(referenceLabel ?? "")}</text>");
        }
        XTicks(svg, values.Count, labels, step);
        return Close(svg);
    }

    /// <summary>One or more lines over chapters. With <paramref name="normalise"/>, each series is scaled to its own maximum (for shapes, not levels).</summary>
    public static string Lines(IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series, IReadOnlyList<string> labels, string unit, bool normalise = false)
    {
        var count = series.Count == 0 ? 0 : series.Max(s => s.Values.Count);
        var min = normalise ? 0 : Math.Min(0, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Min());
        var max = normalise ? 1 : series.SelectMany(s => s.Values).DefaultIfEmpty(1).Max();
        if (max - min <= 0) max = min + 1;
        var svg = Open(Height, $"line chart of {unit} per chapter");
        Axis(svg, max, normalise ? "share of each series' maximum" : unit, min);
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var step = count <= 1 ? plotW : (double)plotW / count;
        for (var s = 0; s < series.Count; s++)
        {
            var values = series[s].Values;
            var top = normalise ? Math.Max(values.DefaultIfEmpty(0).Max(), 1e-9) : 1;
            var points = new StringBuilder();
            for (var i = 0; i < values.Count; i++)
            {
                var v = normalise ? values[i] / top : values[i];
                var x = Left + (i + 0.5) * step;
                var y = Top + plotH - (v - min) / (max - min) * plotH;
                points.Append(C, $"{x:0.#},{y:0.#} ");
            }
            var colour = Palette[s % Palette.Length];
            svg.Append(C, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{points.ToString().TrimEnd()}\"/>");
            for (var i = 0; i < values.Count; i++)
            {
                var v = normalise ? values[i] / top : values[i];
                var x = Left + (i + 0.5) * step;
                var y = Top + plotH - (v - min) / (max - min) * plotH;
                svg.Append(C, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{(values.Count > 80 ? 1.5 : 3)}\" fill=\"{colour}\"><title>{E(series[s].Name)}, {E(Label(labels, i))}: {values[i]:0.##}</title></circle>");
            }
        }
        XTicks(svg, count, labels, step);
        Legend(svg, series.Select(s => s.Name).ToArray());
        return Close(svg);
    }

    /// <summary>Rows (e.g. characters) × columns (chapters); darker = higher, scaled per row.</summary>
    public static string Heatmap(IReadOnlyList<(string Name, IReadOnlyList<double> Values)> rows, IReadOnlyList<string> labels, string unit)
    {
        const int rowH = 20, nameW = 150;
        var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Values.Count);
        var height = Top + rows.Count * rowH + Bottom;
        var svg = Open(height, $"heatmap of {unit} per chapter");
        var cellW = columns == 0 ? 0 : (double)(Width - nameW - Right) / columns;
        for (var r = 0; r < rows.Count; r++)
        {
            var (name, values) = rows[r];
            var y = Top + r * rowH;
            svg.Append(C, $"<text x=\"{nameW - 6}\" y=\"{y + rowH * 0.7:0.#}\" text-anchor=\"end\">{E(name)}</text>");
            var max = Math.Max(values.DefaultIfEmpty(0).Max(), 1e-9);
            for (var i = 0; i < values.Count; i++)
            {
                var intensity = values[i] / max;
                var fill = values[i] <= 0 ? "#f3f3f3" : $"rgba(0,114,178,{0.12 + 0.88 * intensity:0.###})";
                svg.Append(C, $"<rect x=\"{nameW + i * cellW:0.#}\" y=\"{y}\" width=\"{Math.Max(1, cellW - 1):0.#}\" height=\"{rowH - 2}\" fill=\"{fill}\"><title>{E(name)}, {E(Label(labels, i))}: {values[i]:0.##} {E(unit)}</title></rect>");
            }
        }
        var tickEvery = Math.Max(1, (int)Math.Ceiling(columns / 20.0));
        for (var i = 0; i < columns; i += tickEvery)
            svg.Append(C, $"<text x=\"{nameW + (i + 0.5) * cellW:0.#}\" y=\"{height - Bottom + 16}\" text-anchor=\"middle\" class=\"tick\">{i + 1}</text>");
        svg.Append(C, $"<text x=\"{nameW + (Width - nameW - Right) / 2}\" y=\"{height - 4}\" text-anchor=\"middle\" class=\"note\">chapter</text>");
        return Close(svg);
    }

    private static StringBuilder Open(int height, string title)
    {
        var svg = new StringBuilder();
        svg.Append(C, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{E(title)}\">");
        return svg;
    }

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static void Axis(StringBuilder svg, double max, string unit, double min = 0)
    {
        var plotH = Height - Top - Bottom;
        for (var t = 0; t <= 4; t++)
        {
            var value = min + (max - min) * t / 4;
            var y = Top + plotH - plotH * t / 4.0;
            svg.Append(C, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" class=\"grid\"/>");
            svg.Append(C, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" class=\"tick\">{Format(value)}</text>");
        }
        svg.Append(C, $"<text x=\"12\" y=\"{Top + plotH / 2}\" transform=\"rotate(-90 12 {Top + plotH / 2})\" text-anchor=\"middle\" class=\"note\">{E(unit)}</text>");
    }

    private static void XTicks(StringBuilder svg, int count, IReadOnlyList<string> labels, double step)
    {
        var every = Math.Max(1, (int)Math.Ceiling(count / 20.0));
        for (var i = 0; i < count; i += every)
            svg.Append(C, $"<text x=\"{Left + (i + 0.5) * step:0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" class=\"tick\"><title>{E(Label(labels, i))}</title>{i + 1}</text>");
        svg.Append(C, $"<text x=\"{Left + (Width - Left - Right) / 2}\" y=\"{Height - 4}\" text-anchor=\"middle\" class=\"note\">chapter</text>");
    }

    private static void Legend(StringBuilder svg, string[] names)
    {
        double x = Left + 8;
        for (var i = 0; i < names.Length; i++)
        {
            svg.Append(C, $"<rect x=\"{x:0.#}\" y=\"{Top - 12}\" width=\"10\" height=\"10\" fill=\"{Palette[i % Palette.Length]}\"/>");
            svg.Append(C, $"<text x=\"{x + 14:0.#}\" y=\"{Top - 3}\" class=\"legend\">{E(names[i])}</text>");
            x += 24 + names[i].Length * 6.5;
        }
    }

    private static string Format(double v) =>
        Math.Abs(v) >= 1000 ? v.ToString("N0", C) : Math.Abs(v) >= 10 ? v.ToString("0", C) : v.ToString("0.##", C);

    private static string Label(IReadOnlyList<string> labels, int i) => i < labels.Count ? labels[i] : $"chapter {i + 1}";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
