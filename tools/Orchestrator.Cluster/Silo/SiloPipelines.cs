using System.Collections.Concurrent;
using Orchestrator.Cluster.Store;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Rules;

namespace Orchestrator.Cluster.Silo;

/// <summary>
/// This silo's dataflow networks: one <see cref="NovelCoordinator"/> per pipeline of the pipelines folder, compiled on
/// first use and shared by every session grain active here, with the cluster's Redis store. Also the silo's run slots
/// (<see cref="ClusterSettings.MaxRunning"/>) and the local copies of the manuscripts it runs.
/// </summary>
public sealed class SiloPipelines(ClusterSettings settings, RedisSessionStore store, Serilog.ILogger log) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<NovelCoordinator>> _coordinators = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(settings.MaxRunning, settings.MaxRunning);
    private int _running;

    public RedisSessionStore Store => store;

    public ClusterSettings Settings => settings;

    /// <summary>Sessions running on this silo now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>The shared coordinator of pipeline <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such pipeline in the folder.</exception>
    /// <exception cref="PipelineValidationException">The file is invalid.</exception>
    public NovelCoordinator Coordinator(string name)
    {
        var lazy = _coordinators.GetOrAdd(name, n => new Lazy<NovelCoordinator>(() => Compile(n)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _coordinators.TryRemove(new KeyValuePair<string, Lazy<NovelCoordinator>>(name, lazy));
            throw;
        }
    }

    /// <summary>Waits for a run slot of this silo; dispose the result to give it back.</summary>
    public async Task<IDisposable> TakeSlotAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct).ConfigureAwait(false);
        Interlocked.Increment(ref _running);
        return new Slot(this);
    }

    /// <summary>
    /// The manuscript as a file of this silo (written once per content and name), so a session reads its input as a
    /// local run does and its input copy in Redis keeps the posted bytes (a .docx stays a .docx).
    /// </summary>
    public async Task<string> LocalCopyAsync(string contentHash, string fileName, byte[] bytes, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetFullPath(settings.DataDirectory), "cluster", "uploads", contentHash);
        var path = Path.Combine(folder, fileName);
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(folder);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, ct).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private NovelCoordinator Compile(string name)
    {
        var folder = Path.GetFullPath(settings.PipelinesDirectory);
        var path = Path.Combine(folder, name + ".json");
        if (!File.Exists(path)) throw new KeyNotFoundException($"no pipeline '{name}' in {folder}");
        var definition = PipelineLoader.Load(path, settings.NodeTypes?.Invoke(path, null) ?? NovelNodeTypes.CreateRegistry());
        var registry = settings.NodeTypes?.Invoke(path, definition) ?? NovelNodeTypes.CreateRegistry();
        var rules = NovelRules.Compile(definition, Path.Combine(settings.DataDirectory, "rules-cache"));
        log.Information("Pipeline {Pipeline} compiled from {Path} for this silo", name, path);
        return new NovelCoordinator(new CoordinatorOptions
        {
            Pipeline = definition, Registry = registry, Rules = rules, Logger = log, Store = store,
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _coordinators.Values)
            if (lazy.IsValueCreated) await lazy.Value.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class Slot(SiloPipelines owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            Interlocked.Decrement(ref owner._running);
            owner._slots.Release();
        }
    }
}
