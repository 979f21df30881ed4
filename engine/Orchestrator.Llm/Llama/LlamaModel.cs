using LLama;
using LLama.Common;
using Orchestrator.Llm.Generation;
using Orchestrator.Llm.Models;

namespace Orchestrator.Llm.Llama;

/// <summary>One model's weights in memory, its context pool and its chat client; shared by every lease.</summary>
internal sealed class LlamaModel : IDisposable
{
    private readonly ModelSettings _settings;
    private readonly SemaphoreSlim _embedGate = new(1, 1);
    private LLamaEmbedder? _embedder;

    private LlamaModel(ModelDescription description, ModelSettings settings, LLamaWeights weights, LlamaContextPool pool, TimeSpan loadTime)
    {
        Description = description;
        _settings = settings;
        Weights = weights;
        Pool = pool;
        LoadTime = loadTime;
        Chat = new LlamaChatClient(this);
    }

    public ModelDescription Description { get; }
    public LLamaWeights Weights { get; }
    public LlamaContextPool Pool { get; }
    public LlamaChatClient Chat { get; }
    public TimeSpan LoadTime { get; }

    public static async Task<LlamaModel> LoadAsync(ModelDescription description, ModelSettings settings, int memoryLimit, CancellationToken cancellationToken)
    {
        var parameters = new ModelParams(settings.Path)
        {
            ContextSize = (uint)settings.ContextSize,
            BatchSize = (uint)settings.BatchSize,
            UBatchSize = (uint)settings.BatchSize,
            GpuLayerCount = 0,
        };
        // Set, never left to llama.cpp: its default of every core, with busy-waiting threads, crawls when several
        // contexts generate at once or the machine is shared.
        parameters.Threads = settings.Threads ?? ModelSettings.DefaultThreads;
        parameters.BatchThreads = parameters.Threads;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        LLamaWeights weights;
        try
        {
            weights = await LLamaWeights.LoadFromFileAsync(parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ModelFileException(settings.Path, $"llama.cpp could not load it ({e.Message})");
        }
        var pool = new LlamaContextPool(weights, parameters, memoryLimit);
        return new LlamaModel(description, settings, weights, pool, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    public int CountTokens(string text) => Weights.Tokenize(text, add_bos: true, special: true, System.Text.Encoding.UTF8).Length;

    /// <summary>
    /// The mean-pooled embedding of <paramref name="text"/>, cut to the tokens one context holds (a chunk of a few
    /// hundred words fits a small model's context; a longer text is embedded by its beginning). One embedding context
    /// per model, made on first use, used by one caller at a time.
    /// </summary>
    public async Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        await _embedGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _embedder ??= new LLamaEmbedder(Weights, new ModelParams(_settings.Path)
            {
                ContextSize = (uint)_settings.ContextSize,
                // Pooling reads the whole input in one micro-batch.
                BatchSize = (uint)_settings.ContextSize,
                UBatchSize = (uint)_settings.ContextSize,
                Embeddings = true,
                PoolingType = LLama.Native.LLamaPoolingType.Mean,
                GpuLayerCount = 0,
                Threads = _settings.Threads ?? ModelSettings.DefaultThreads,
                BatchThreads = _settings.Threads ?? ModelSettings.DefaultThreads,
            });
            var vectors = await _embedder.GetEmbeddings(FitToContext(text), cancellationToken).ConfigureAwait(false);
            return vectors[0];
        }
        finally
        {
            _embedGate.Release();
        }
    }

    /// <summary>The longest start of <paramref name="text"/> (cut at a space) whose tokens fit the embedding context.</summary>
    private string FitToContext(string text)
    {
        var limit = _settings.ContextSize - 2;
        for (var tokens = CountTokens(text); tokens > limit; tokens = CountTokens(text))
        {
            var cut = (int)(text.Length * (limit / (double)tokens) * 0.95);
            var space = text.LastIndexOf(' ', Math.Max(0, cut - 1));
            text = text[..(space > 0 ? space : cut)];
        }
        return text;
    }

    public void Dispose()
    {
        _embedder?.Dispose();
        _embedGate.Dispose();
        Pool.Dispose();
        Weights.Dispose();
    }
}
