using System.Collections.Concurrent;
using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Rules;

namespace Orchestrator.Server.Pipelines;

/// <summary>
/// The pipelines the server runs: only <c>NAME.json</c> files of its own pipelines folder, with their rules. Each
/// is compiled once into one <see cref="NovelCoordinator"/> (one dataflow network) that every session of that
/// pipeline shares, so node parallelism bounds hold across sessions.
/// </summary>
public sealed class PipelineCatalog(ServerOptions options, IExecutionObserver observer, Serilog.ILogger log) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<NovelCoordinator>> _coordinators = new(StringComparer.Ordinal);

    public string Folder { get; } = Path.GetFullPath(options.PipelinesDirectory);

    public string DataDirectory { get; } = Path.GetFullPath(options.DataDirectory);

    /// <summary>The one store every pipeline's sessions persist in.</summary>
    public SessionStore Store { get; } = SessionStore.ForDataFolder(Path.GetFullPath(options.DataDirectory));

    /// <summary>A pipeline name: letters, digits, '-' and '_' — never a path.</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The names of the pipelines in the folder, sorted.</summary>
    public IReadOnlyList<string> Names() =>
        Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>()
                .Where(IsValidName).Order(StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>The file of pipeline <paramref name="name"/>, or null when the folder has none.</summary>
    public string? PathOf(string name)
    {
        if (!IsValidName(name)) return null;
        var path = Path.Combine(Folder, name + ".json");
        return File.Exists(path) ? path : null;
    }

    /// <summary>The shared coordinator of pipeline <paramref name="name"/>, compiled on first use.</summary>
    /// <exception cref="PipelineValidationException">The file is invalid.</exception>
    /// <exception cref="Engine.Scripting.RuleCompilationException">Its rules do not compile.</exception>
    public NovelCoordinator Coordinator(string name)
    {
        var lazy = _coordinators.GetOrAdd(name, n => new Lazy<NovelCoordinator>(() => Compile(n)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A broken file is reported each time and picked up again once fixed.
            _coordinators.TryRemove(new KeyValuePair<string, Lazy<NovelCoordinator>>(name, lazy));
            throw;
        }
    }

    /// <summary>
    /// The hash the pipeline's sessions are keyed by now (<see cref="NovelCoordinator.PipelineHash"/>: file, rules, and
    /// the nodes' input stamps such as a reference library's version). A pipeline that does not compile runs nothing
    /// (its sessions fail with the reason): its file's bytes stand for it.
    /// </summary>
    public string SessionKeyHash(string name)
    {
        try
        {
            return Coordinator(name).PipelineHash;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(PathOf(name)!)));
        }
    }

    /// <summary>The node types of the pipeline file at <paramref name="path"/> (<see cref="ServerOptions.NodeTypes"/>).</summary>
    public NodeRegistry Registry(string path, PipelineDefinition? definition = null) =>
        options.NodeTypes?.Invoke(path, definition) ?? NovelNodeTypes.CreateRegistry();

    private NovelCoordinator Compile(string name)
    {
        var path = PathOf(name) ?? throw new KeyNotFoundException(name);
        var definition = PipelineLoader.Load(path, Registry(path));
        var registry = Registry(path, definition);
        var rules = NovelRules.Compile(definition, Path.Combine(options.DataDirectory, "rules-cache"));
        log.Information("Pipeline {Pipeline} compiled from {Path}", name, path);
        return new NovelCoordinator(new CoordinatorOptions
        {
            Pipeline = definition, Registry = registry, Rules = rules, Logger = log, Observer = observer,
            Store = Store,
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _coordinators.Values)
        {
            if (lazy.IsValueCreated) await lazy.Value.DisposeAsync();
        }
    }
}
