using Microsoft.Extensions.Configuration;

namespace Orchestrator.Cli.Hosting;

/// <summary>
/// Settings from orchestrator.json (beside the executable, then in the current folder), overridden
/// by ORCHESTRATOR__* environment variables, then by command-line options such as --data.
/// </summary>
public sealed class CliSettings
{
    public const string FileName = "orchestrator.json";
    public const string EnvironmentPrefix = "ORCHESTRATOR__";

    public IConfiguration Configuration { get; }

    /// <summary>Folder for sessions and logs (relative to the current folder).</summary>
    public string DataDirectory { get; }

    /// <summary>Folder searched for pipelines named without a path (besides ./pipelines and the app's own).</summary>
    public string? PipelinesDirectory { get; }
    public string DefaultPipeline { get; }

    /// <summary>
    /// Sessions not updated for this long are deleted when a run starts (<see cref="SessionRetention"/>);
    /// null when the <c>retention</c> setting is <c>0</c> or <c>off</c>. Default 7 days.
    /// </summary>
    public TimeSpan? Retention { get; }

    private CliSettings(IConfiguration configuration, string? dataOverride)
    {
        Configuration = configuration;
        DataDirectory = Path.GetFullPath(dataOverride ?? configuration["data"] ?? "data");
        PipelinesDirectory = configuration["pipelines"];
        DefaultPipeline = configuration["defaultPipeline"] ?? "novel";
        Retention = ReadRetention(configuration["retention"]);
    }

    /// <summary>
    /// The session store the verbs use: the file system under <see cref="DataDirectory"/> (the CLI is the host that
    /// chooses it; the engine only knows <see cref="Engine.State.ISessionStore"/>). What it repairs on its own (a
    /// rebuilt session index) is said once on stderr.
    /// </summary>
    public Engine.State.SessionStore OpenStore() =>
        Engine.State.SessionStore.ForDataFolder(DataDirectory, new Engine.State.SessionStoreOptions
        {
            Warn = message => Console.Error.WriteLine($"note: {message}"),
        });

    /// <summary>Settings from <paramref name="configuration"/> alone (tests, embedding); <see cref="Load"/> is what the verbs use.</summary>
    public static CliSettings Create(IConfiguration configuration, string? dataOverride = null) => new(configuration, dataOverride);

    public static CliSettings Load(string? dataOverride)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, FileName), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), FileName), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .Build();
        return new CliSettings(configuration, dataOverride);
    }

    // A zero retention would delete every unlocked session at each run start, interrupted ones included, so it means "off".
    private static TimeSpan? ReadRetention(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Engine.State.SessionCleanup.DefaultRetention;
        if (text.Trim().Equals("off", StringComparison.OrdinalIgnoreCase) || text.Trim() == "0") return null;
        if (!DurationText.TryParse(text, out var retention))
            throw new CliUsageException($"setting 'retention': '{text}' is not a duration ({DurationText.Examples}; 0 or off disables it)");
        return retention == TimeSpan.Zero ? null : retention;
    }
}
