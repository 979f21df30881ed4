using LLama;
using LLama.Common;
using Orchestrator.Llm.Generation;
using Orchestrator.Llm.Models;

namespace Orchestrator.Llm.Llama;

/// <summary>One model's weights in memory, its context pool and its chat client; shared by every lease.</summary>
internal sealed class LlamaModel : IDisposable
{
    private LlamaModel(ModelDescription description, LLamaWeights weights, LlamaContextPool pool, TimeSpan loadTime)
    {
        Description = description;
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
        return new LlamaModel(description, weights, pool, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    public int CountTokens(string text) => Weights.Tokenize(text, add_bos: true, special: true, System.Text.Encoding.UTF8).Length;

    public void Dispose()
    {
        Pool.Dispose();
        Weights.Dispose();
    }
}
