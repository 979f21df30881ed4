using System.Globalization;
using System.Text;

namespace Orchestrator.Engine.Decisions;

/// <summary>Numbers and durations the way reasons, stop messages and suggestions write them (invariant culture).</summary>
internal static class Readable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary><c>250 ms</c>, <c>2.5 s</c>, <c>41 s</c>, <c>90 s</c>, <c>2 min 30 s</c>, <c>1 h 5 min</c>.</summary>
    public static string Duration(TimeSpan value) => AppendDuration(new StringBuilder(16), value).ToString();

    /// <summary>Appends <paramref name="value"/> as <see cref="Duration"/> writes it, without intermediate strings.</summary>
    public static StringBuilder AppendDuration(StringBuilder text, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            text.Append('-');
            value = -value;
        }
        var seconds = value.TotalSeconds;
        if (seconds < 1) return text.Append((long)Math.Round(value.TotalMilliseconds)).Append(" ms");
        if (seconds < 10)
        {
            var tenths = (long)Math.Round(seconds * 10);
            text.Append(tenths / 10);
            if (tenths % 10 != 0) text.Append('.').Append(tenths % 10);
            return text.Append(" s");
        }
        var whole = (long)Math.Round(seconds);
        if (whole < 120) return text.Append(whole).Append(" s");
        if (whole < 7200)
        {
            text.Append(whole / 60).Append(" min");
            return whole % 60 == 0 ? text : text.Append(' ').Append(whole % 60).Append(" s");
        }
        text.Append(whole / 3600).Append(" h");
        return whole % 3600 / 60 == 0 ? text : text.Append(' ').Append(whole % 3600 / 60).Append(" min");
    }

    /// <summary>Appends a number with two decimals (<c>0.75</c>), or with its sign when <paramref name="signed"/> (<c>+3.00</c>, <c>-0.75</c>).</summary>
    public static StringBuilder AppendNumber(StringBuilder text, double value, bool signed = false)
    {
        if (signed) text.Append(value < 0 ? '-' : '+');
        else if (value < 0) text.Append('-');
        return text.Append(Invariant, $"{Math.Abs(value):F2}");
    }

    /// <summary>A count or size in short form: <c>950</c>, <c>1.5k</c>, <c>180k</c>, <c>1.25M</c>.</summary>
    public static string Size(double value)
    {
        var abs = Math.Abs(value);
        return abs >= 1_000_000 ? (value / 1_000_000).ToString("0.##", Invariant) + "M"
            : abs >= 1_000 ? (value / 1_000).ToString("0.#", Invariant) + "k"
            : value.ToString("0.##", Invariant);
    }

    public static string Number(double value, string format = "0.00") => value.ToString(format, Invariant);

    /// <summary>A number with its sign: <c>+3.00</c>, <c>-0.75</c>, <c>+0.00</c>.</summary>
    public static string Signed(double value, string format = "0.00") =>
        (value < 0 ? "-" : "+") + Math.Abs(value).ToString(format, Invariant);

    public static string Int(int value) => value.ToString(Invariant);

    /// <summary><c>2025-06-01 10:00:00Z</c>.</summary>
    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", Invariant);

    public static string Plural(int count, string one, string? many = null) =>
        $"{Int(count)} {(count == 1 ? one : many ?? one + "s")}";
}
