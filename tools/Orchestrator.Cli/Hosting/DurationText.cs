using System.Globalization;

namespace Orchestrator.Cli.Hosting;

/// <summary>
/// Durations as people type them on a command line or in settings: a number and a unit,
/// <c>7d</c>, <c>1.5d</c>, <c>12h</c>, <c>30m</c>, <c>45s</c> (case-insensitive, invariant decimal point).
/// </summary>
public static class DurationText
{
    public const string Examples = "e.g. 7d, 1.5d, 12h, 30m";

    /// <summary>Reads <paramref name="text"/>; false for a missing unit, an unknown unit, a negative or unreadable number.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        var s = text.AsSpan().Trim();
        if (s.Length < 2) return false;
        var unit = char.ToLowerInvariant(s[^1]);
        double perUnit = unit switch
        {
            'd' => TimeSpan.TicksPerDay,
            'h' => TimeSpan.TicksPerHour,
            'm' => TimeSpan.TicksPerMinute,
            's' => TimeSpan.TicksPerSecond,
            _ => 0,
        };
        if (perUnit == 0) return false;
        // Digits and one '.' only: no sign, exponent or thousands separator ("-1d", "1e3h", "1,5d" are refused).
        if (!double.TryParse(s[..^1].TrimEnd(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            return false;
        var ticks = amount * perUnit;
        if (double.IsNaN(ticks) || ticks >= TimeSpan.MaxValue.Ticks) return false;
        duration = TimeSpan.FromTicks((long)Math.Round(ticks));
        return true;
    }
}
