using System.Collections.Concurrent;
using Orchestrator.Llm.Generation;
using Orchestrator.Llm.Models;
using Serilog;

namespace Orchestrator.Llm.Llama;

/// <summary>
/// The LLamaSharp models of one process: each is checked before loading (GGUF header, memory), loaded lazily once,
/// shared by every session and node that uses it, and unloaded after <see cref="IdleUnload"/> without a lease.
/// Create one per host and dispose it at the end.
/// </summary>
public sealed class LlamaModels : ILanguageModels, IAsyncDisposable
{
    /// <summary>How long a model with no lease stays loaded when the host sets nothing else.</summary>
    public static readonly TimeSpan DefaultIdleUnload = TimeSpan.FromMinutes(5);

    private readonly ModelCatalog _catalog;
    private readonly ILogger _log;
    private readonly Func<long> _availableMemory;
    private readonly ModelFingerprint _fingerprints = new();
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private int _loads;

    /// <param name="availableMemory">Bytes the models may use (default: what the process may still allocate).</param>
    public LlamaModels(ModelCatalog catalog, ILogger? log = null, TimeSpan? idleUnload = null, Func<long>? availableMemory = null)
    {
        _catalog = catalog;
        _log = log ?? Serilog.Core.Logger.None;
        IdleUnload = idleUnload ?? DefaultIdleUnload;
        _availableMemory = availableMemory ?? ModelMemory.Available;
        LlamaNativeLog.Install(_log);
    }

    public TimeSpan IdleUnload { get; }

    /// <summary>Times a model was loaded in this process (a shared model loads once; an idle-unloaded one again on next use).</summary>
    public int Loads => Volatile.Read(ref _loads);

    /// <summary>The catalog models are resolved from.</summary>
    public ModelCatalog Catalog => _catalog;

    public ModelDescription Describe(string? name)
    {
        var settings = _catalog.Resolve(name);
        var facts = GgufReader.Read(settings.Path);
        ModelMemory.ContextsThatFit(settings, facts, 1, _availableMemory());
        return new ModelDescription(settings.Name, settings.Path, _fingerprints.Of(settings.Path), settings.ContextSize, settings.Seed);
    }

    public async Task<ILanguageModel> OpenAsync(string? name, int parallelism, CancellationToken cancellationToken)
    {
        var settings = _catalog.Resolve(name);
        var slot = _slots.GetOrAdd(settings.Path, _ => new Slot(this, settings));
        return await slot.AcquireAsync(Math.Max(1, parallelism), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The embedding generator of model <paramref name="name"/> (null: the default), for the reference library: it
    /// loads the model on its first call (the same weights the <c>llm</c> nodes share) and names the model by file and
    /// hash (<see cref="Embeddings.LlamaEmbeddingGenerator"/>).
    /// </summary>
    /// <exception cref="ModelFileException">The model is unknown, missing or not a usable GGUF file (checked now, without loading it).</exception>
    public Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>> Embedder(string? name) =>
        new Embeddings.LlamaEmbeddingGenerator(this, name, Describe(name));

    /// <summary>Runs <paramref name="work"/> on model <paramref name="name"/>, loaded (once) and leased for the call.</summary>
    internal async Task<T> WithModelAsync<T>(string? name, Func<LlamaModel, Task<T>> work, CancellationToken cancellationToken)
    {
        using var lease = (Slot.ModelLease)await OpenAsync(name, 1, cancellationToken).ConfigureAwait(false);
        return await work(lease.Model).ConfigureAwait(false);
    }

    /// <summary>Peak contexts in use at once for the loaded model at <paramref name="path"/> (0 when not loaded).</summary>
    public int PeakContextsInUse(string path) =>
        _slots.TryGetValue(Path.GetFullPath(path), out var slot) ? slot.PeakContextsInUse : 0;

    /// <summary>Time the last load of the model at <paramref name="path"/> took.</summary>
    public TimeSpan? LoadTime(string path) =>
        _slots.TryGetValue(Path.GetFullPath(path), out var slot) ? slot.LastLoadTime : null;

    public async ValueTask DisposeAsync()
    {
        foreach (var slot in _slots.Values) await slot.DisposeAsync().ConfigureAwait(false);
        _slots.Clear();
    }

    /// <summary>One model's load state: the gate that makes loading happen once, the lease count and the idle timer.</summary>
    private sealed class Slot(LlamaModels owner, ModelSettings settings) : IAsyncDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private LlamaModel? _model;
        private int _leases;
        private Timer? _idleTimer;

        public int PeakContextsInUse => _model?.Pool.PeakInUse ?? 0;
        public TimeSpan? LastLoadTime { get; private set; }

        public async Task<ILanguageModel> AcquireAsync(int parallelism, CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                _idleTimer?.Dispose();
                _idleTimer = null;
                if (_model is null)
                {
                    var facts = GgufReader.Read(settings.Path);
                    var fit = ModelMemory.ContextsThatFit(settings, facts, int.MaxValue, owner._availableMemory());
                    var description = new ModelDescription(settings.Name, settings.Path, owner._fingerprints.Of(settings.Path), settings.ContextSize, settings.Seed);
                    _model = await LlamaModel.LoadAsync(description, settings, fit, cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref owner._loads);
                    LastLoadTime = _model.LoadTime;
                    owner._log.Information("Loaded model {Model} ({Path}) in {Milliseconds:F0} ms; up to {Contexts} contexts of {ContextSize} tokens fit in memory",
                        settings.Name, settings.Path, _model.LoadTime.TotalMilliseconds, fit, settings.ContextSize);
                }
                _model.Pool.EnsureCapacity(parallelism);
                _leases++;
                return new ModelLease(this, _model);
            }
            finally
            {
                _gate.Release();
            }
        }

        private void Release()
        {
            _gate.Wait();
            try
            {
                if (--_leases > 0 || _model is null) return;
                _idleTimer?.Dispose();
                _idleTimer = new Timer(_ => UnloadIfIdle(), null, owner.IdleUnload, Timeout.InfiniteTimeSpan);
            }
            finally
            {
                _gate.Release();
            }
        }

        private void UnloadIfIdle()
        {
            if (!_gate.Wait(0)) return; // busy: someone is acquiring, so it is not idle
            try
            {
                if (_leases > 0 || _model is null) return;
                _model.Dispose();
                _model = null;
                owner._log.Information("Unloaded model {Model} after {Idle} idle", settings.Name, owner.IdleUnload);
            }
            finally
            {
                _gate.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _gate.WaitAsync().ConfigureAwait(false);
            _idleTimer?.Dispose();
            _model?.Dispose();
            _model = null;
            _gate.Release();
        }

        internal sealed class ModelLease(Slot slot, LlamaModel model) : ILanguageModel
        {
            private int _disposed;
            public LlamaModel Model => model;
            public ModelDescription Description => model.Description;
            public Microsoft.Extensions.AI.IChatClient Chat => model.Chat;
            public int CountTokens(string text) => model.CountTokens(text);

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _disposed, 1) == 0) slot.Release();
            }
        }
    }
}
