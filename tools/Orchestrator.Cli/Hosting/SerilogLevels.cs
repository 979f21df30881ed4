using Microsoft.Extensions.Configuration;
using Serilog.Configuration;
using Serilog.Events;

namespace Orchestrator.Cli.Hosting;

/// <summary>
/// Reads the minimum levels of a "Serilog" settings section as Serilog.Settings.Configuration reads them —
/// <c>"MinimumLevel": "Debug"</c>, or <c>"MinimumLevel": { "Default": "Debug", "Override": { "Orchestrator.Engine": "Warning" } }</c> —
/// without that package's assembly scan, when levels are all the section holds.
/// </summary>
public static class SerilogLevels
{
    /// <summary>
    /// Applies the section's levels and returns true when it holds nothing else (or is absent); returns false, applying
    /// nothing, when it holds anything this reader does not know (sinks, enrichers, a level switch, an unknown level
    /// name), which is then Serilog.Settings.Configuration's to read, and to report.
    /// </summary>
    public static bool TryApply(IConfigurationSection serilog, LoggerMinimumLevelConfiguration minimumLevel)
    {
        LogEventLevel? level = null;
        var overrides = new List<(string Source, LogEventLevel Level)>();
        foreach (var child in serilog.GetChildren())
        {
            if (!child.Key.Equals("MinimumLevel", StringComparison.OrdinalIgnoreCase)) return false;
            if (child.Value is { } single)
            {
                if (!TryParse(single, out var parsed)) return false;
                level = parsed;
                continue;
            }
            foreach (var part in child.GetChildren())
            {
                if (part.Key.Equals("Default", StringComparison.OrdinalIgnoreCase))
                {
                    if (part.Value is null || !TryParse(part.Value, out var parsed)) return false;
                    level = parsed;
                }
                else if (part.Key.Equals("Override", StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var source in part.GetChildren())
                    {
                        if (source.Value is null || !TryParse(source.Value, out var parsed)) return false;
                        overrides.Add((source.Key, parsed));
                    }
                }
                else return false;
            }
        }
        if (level is { } minimum) minimumLevel.Is(minimum);
        foreach (var (source, sourceLevel) in overrides) minimumLevel.Override(source, sourceLevel);
        return true;
    }

    // Names only, as Serilog's settings take them: a number is not a level here (Enum.TryParse would take "7").
    private static bool TryParse(string text, out LogEventLevel level)
    {
        level = default;
        var name = text.Trim();
        return name.Length > 0 && !char.IsDigit(name[0]) && Enum.TryParse(name, ignoreCase: true, out level) && Enum.IsDefined(level);
    }
}
