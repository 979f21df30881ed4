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

    private CliSettings(IConfiguration configuration, string? dataOverride)
    {
        Configuration = configuration;
        DataDirectory = Path.GetFullPath(dataOverride ?? configuration["data"] ?? "data");
        PipelinesDirectory = configuration["pipelines"];
        DefaultPipeline = configuration["defaultPipeline"] ?? "novel";
    }

    public static CliSettings Load(string? dataOverride)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, FileName), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), FileName), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .Build();
        return new CliSettings(configuration, dataOverride);
    }
}
