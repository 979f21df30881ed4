using Microsoft.Extensions.Configuration;
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
        var configuration = new LoggerConfiguration().MinimumLevel.Information();
        // Serilog.Settings.Configuration scans the application's assemblies for sinks and enrichers, which costs a cold
        // run more than the rest of the logging set-up: the levels that orchestrator.json ships with are read here,
        // and the reader only runs for a section that says more (sinks, enrichers, level switches...).
        var section = settings.Configuration.GetSection("Serilog");
        if (!SerilogLevels.TryApply(section, configuration.MinimumLevel))
        {
            // The settings reader finds sinks by reflection: the JIT build's (NativeBuild).
            if (Native.NativeBuild.JitAvailable) configuration = ReadSettings(configuration, settings.Configuration);
            else Native.JitHandoff.Exec("a Serilog section with more than levels in orchestrator.json");
        }
        return configuration
            .Enrich.FromLogContext()
            .WriteTo.Console(restrictedToMinimumLevel: consoleLevel, standardErrorFromLevel: LogEventLevel.Verbose,
                outputTemplate: "{Level:u3} {Message:lj}{NewLine}{Exception}")
            .WriteTo.File(Path.Combine(logs, "orchestrator-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Session} {Node} {Iteration} {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
    }

    // A method of its own, so that compiling Create does not load Serilog.Settings.Configuration when it is not called.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static LoggerConfiguration ReadSettings(LoggerConfiguration logger, IConfiguration configuration) =>
        logger.ReadFrom.Configuration(configuration);
}
