using Serilog;
using Serilog.Events;

namespace Orchestrator.Cli.Hosting;

/// <summary>
/// Serilog set up from settings: warnings and errors to stderr (progress lines are the console's
/// main voice), everything from Information up to a daily rolling file under &lt;data&gt;/logs.
/// A "Serilog" section in orchestrator.json can override levels (Serilog.Settings.Configuration).
/// </summary>
public static class Logging
{
    public static Serilog.Core.Logger Create(CliSettings settings)
    {
        var consoleLevel = Enum.TryParse<LogEventLevel>(settings.Configuration["logging:consoleLevel"], true, out var c) ? c : LogEventLevel.Warning;
        var logs = Path.Combine(settings.DataDirectory, "logs");
        return new LoggerConfiguration()
            .MinimumLevel.Information()
            .ReadFrom.Configuration(settings.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(restrictedToMinimumLevel: consoleLevel, standardErrorFromLevel: LogEventLevel.Verbose,
                outputTemplate: "{Level:u3} {Message:lj}{NewLine}{Exception}")
            .WriteTo.File(Path.Combine(logs, "orchestrator-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Session} {Node} {Iteration} {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
    }
}
