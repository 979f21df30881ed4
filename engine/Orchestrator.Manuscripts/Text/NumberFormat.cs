using System.Globalization;

namespace Orchestrator.Manuscripts.Text;

/// <summary>Numbers as an author reads them in findings and summaries, the same in every node (invariant culture).</summary>
internal static class NumberFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>12,345 (rounded to a whole number, half away from zero, thousands separated).</summary>
    public static string N0(double value) => Math.Round(value, MidpointRounding.AwayFromZero).ToString("N0", Invariant);

    /// <summary>One decimal: 2.6.</summary>
    public static string F1(double value) => value.ToString("0.0", Invariant);

    /// <summary>Two decimals: 0.25.</summary>
    public static string F2(double value) => value.ToString("0.00", Invariant);

    /// <summary>A fraction as a whole percentage: 0.234 -> "23%".</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0", Invariant) + "%";

    /// <summary>A ratio as "2.6x" (or "0.25x" below 1).</summary>
    public static string Times(double ratio) => ratio.ToString(ratio >= 1 ? "0.0" : "0.00", Invariant) + "x";

    /// <summary>"1 chapter", "1,204 chapters".</summary>
    public static string Plural(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{N0(count)} {many}";
}
