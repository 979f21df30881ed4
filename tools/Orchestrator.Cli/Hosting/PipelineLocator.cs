namespace Orchestrator.Cli.Hosting;

/// <summary>
/// Resolves <c>--pipeline NAME|PATH</c>: an existing file path is taken as is; a bare name is looked
/// up as NAME.json in the configured pipelines folder, ./pipelines, then the pipelines shipped
/// beside the executable.
/// </summary>
public static class PipelineLocator
{
    public static string Resolve(string nameOrPath, CliSettings settings)
    {
        if (File.Exists(nameOrPath)) return Path.GetFullPath(nameOrPath);
        var looksLikePath = nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || nameOrPath.Contains('/') || nameOrPath.Contains(Path.DirectorySeparatorChar);
        if (looksLikePath) throw new CliUsageException($"{nameOrPath}: pipeline file not found");

        var searched = new List<string>();
        foreach (var folder in Folders(settings))
        {
            var candidate = Path.GetFullPath(Path.Combine(folder, nameOrPath + ".json"));
            if (searched.Contains(candidate)) continue;
            searched.Add(candidate);
            if (File.Exists(candidate)) return candidate;
        }
        throw new CliUsageException($"pipeline '{nameOrPath}' not found; looked for {string.Join(", ", searched)}");
    }

    private static IEnumerable<string> Folders(CliSettings settings)
    {
        if (settings.PipelinesDirectory is { } configured) yield return configured;
        yield return Path.Combine(Directory.GetCurrentDirectory(), "pipelines");
        yield return Path.Combine(AppContext.BaseDirectory, "pipelines");
    }
}
