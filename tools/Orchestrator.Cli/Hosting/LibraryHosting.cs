using System.CommandLine;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Library;

namespace Orchestrator.Cli.Hosting;

/// <summary>
/// Opens the reference library a verb names: <c>--library NAME</c>, else the pipeline's <c>library</c> setting, else
/// none. The library is <c>&lt;data&gt;/library/&lt;name&gt;.db</c>; a missing or unusable one stops the verb before
/// anything runs (exit 9). Without an embedding model (none is wired in this host yet) it is searched lexically.
/// </summary>
public static class LibraryHosting
{
    public static Option<string?> CreateOption() => new("--library")
    {
        Description = "Reference library the nodes consult (see: orchestrator library list); default: the pipeline's 'library' setting, else none",
    };

    /// <summary>The library named on the command line or in the pipeline, opened; null when neither names one.</summary>
    public static async Task<LibraryStore?> OpenForRunAsync(CliSettings settings, string? option, PipelineDefinition pipeline, CancellationToken ct)
    {
        var name = option ?? pipeline.Settings.Library;
        return name is null ? null : await OpenAsync(settings, name, create: false, ct);
    }

    /// <exception cref="CliUsageException">The name is not a valid library name.</exception>
    /// <exception cref="LibraryException">The library is missing (and not to be created) or unusable.</exception>
    public static Task<LibraryStore> OpenAsync(CliSettings settings, string name, bool create, CancellationToken ct)
    {
        if (!LibraryLocation.IsValidName(name))
            throw new CliUsageException($"'{name}' is not a library name: use letters, digits, '.', '_' and '-' (up to 64, starting with a letter or digit)");
        var path = LibraryLocation.PathOf(settings.DataDirectory, name);
        return LibraryStore.OpenAsync(name, path, new LibraryOptions { Create = create }, ct);
    }
}
