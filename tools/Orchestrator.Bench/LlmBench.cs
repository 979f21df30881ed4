using System.Diagnostics;
using System.Globalization;
using LLama;
using LLama.Common;
using LLama.Sampling;
using Microsoft.Extensions.AI;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Llm.Generation;
using Orchestrator.Llm.Llama;
using Orchestrator.Llm.Models;
using Orchestrator.Llm.Node;
using Orchestrator.Manuscripts.Loading;

namespace Orchestrator.Bench;

/// <summary>
/// <c>-- llm MODEL [rounds]</c>: the local model's figures, printed as text (a BenchmarkDotNet job per figure would
/// load the model hundreds of times): the node's tokens/s against LLamaSharp's <c>StatelessExecutor</c> on the same
/// prompt, model load time, peak memory of one model serving four concurrent chapters against four separate loads,
/// and the time a fully cached run of the <c>llm</c> node adds.
/// </summary>
internal static class LlmBench
{
    private const string Prompt = "Once upon a time, there was a little girl named Lily. She loved to play outside in the park.";
    private const int Tokens = 64;

    public static async Task<int> RunAsync(string[] args)
    {
        var modelPath = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine("..", "shared", "models", "stories260K.gguf"));
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var settings = new ModelSettings { Name = "bench", Path = modelPath, ContextSize = 512, Threads = 1, BatchSize = 512 };
        Console.WriteLine($"model {modelPath}, {rounds} rounds of {Tokens} tokens, 1 thread");

        await using var models = new LlamaModels(new ModelCatalog([settings]));
        var load = Stopwatch.StartNew();
        using (var first = await models.OpenAsync(null, 1, CancellationToken.None)) { }
        Console.WriteLine($"load: {load.Elapsed.TotalMilliseconds:F1} ms (first open: GGUF check, hash, weights)");

        var parameters = new ModelParams(modelPath) { ContextSize = 512, Threads = 1, BatchThreads = 1, BatchSize = 512, UBatchSize = 512, GpuLayerCount = 0 };
        using var weights = await LLamaWeights.LoadFromFileAsync(parameters);
        var executor = new StatelessExecutor(weights, parameters);
        var ours = new List<double>();
        var theirs = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // Alternate, so drift in machine load hits both sides alike.
            theirs.Add(await ExecutorTokensPerSecond(executor));
            ours.Add(await NodeClientTokensPerSecond(models));
        }
        var o = Median(ours);
        var t = Median(theirs);
        Console.WriteLine($"tokens/s (median): llm chat client {o:F0}, StatelessExecutor {t:F0}; overhead {(t - o) / t * 100:F1} %");

        Console.WriteLine($"peak working set, one model serving four concurrent generations: {await PeakAsync(shared: true, settings) / 1048576.0:F1} MiB");
        Console.WriteLine($"peak working set, four separate loads, one generation each:     {await PeakAsync(shared: false, settings) / 1048576.0:F1} MiB");
        Console.WriteLine($"fully cached llm node run (5 chapters): {await CachedRunMilliseconds(models):F2} ms added");
        return 0;
    }

    private static async Task<double> ExecutorTokensPerSecond(StatelessExecutor executor)
    {
        var inference = new InferenceParams { MaxTokens = Tokens, SamplingPipeline = new DefaultSamplingPipeline { Temperature = 0, Seed = 1 } };
        var count = 0;
        var watch = Stopwatch.StartNew();
        await foreach (var _ in executor.InferAsync(Prompt, inference)) count++;
        return count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> NodeClientTokensPerSecond(LlamaModels models)
    {
        using var model = await models.OpenAsync(null, 1, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var response = await model.Chat.GetResponseAsync([new ChatMessage(ChatRole.User, Prompt)],
            new ChatOptions { MaxOutputTokens = Tokens, Temperature = 0, Seed = 1 });
        return (response.Usage?.OutputTokenCount ?? 0) / watch.Elapsed.TotalSeconds;
    }

    private static async Task<long> PeakAsync(bool shared, ModelSettings settings)
    {
        GC.Collect();
        var baseline = CurrentRss();
        var peak = baseline;
        var holders = new List<LlamaModels>();
        var leases = new List<ILanguageModel>();
        for (var i = 0; i < (shared ? 1 : 4); i++)
        {
            var models = new LlamaModels(new ModelCatalog([settings with { Name = "m" }]));
            holders.Add(models);
            for (var j = 0; j < (shared ? 4 : 1); j++) leases.Add(await models.OpenAsync(null, shared ? 4 : 1, CancellationToken.None));
        }
        using var sampling = new Timer(_ => peak = Math.Max(peak, CurrentRss()), null, 0, 5);
        await Task.WhenAll(leases.Select(l => l.Chat.GetResponseAsync([new ChatMessage(ChatRole.User, Prompt)], new ChatOptions { MaxOutputTokens = 32, Temperature = 0 })));
        peak = Math.Max(peak, CurrentRss());
        foreach (var lease in leases) lease.Dispose();
        foreach (var models in holders) await models.DisposeAsync();
        return peak - baseline;
    }

    private static long CurrentRss()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private static async Task<double> CachedRunMilliseconds(LlamaModels models)
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "the-lighthouse-keepers-daughter.md");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null && !File.Exists(sample); dir = dir.Parent)
            sample = Path.Combine(dir.FullName, "samples", "the-lighthouse-keepers-daughter.md");
        var document = await ManuscriptLoader.LoadAsync(sample, CancellationToken.None);
        var folder = Directory.CreateTempSubdirectory("llm-bench-").FullName;
        try
        {
            var services = new LlmServices(models, new FileGenerationCache(folder), folder);
            var options = new NodeOptions(System.Text.Json.JsonDocument.Parse(
                """{"prompt":"Chapter {{chapter.number}}: {{chapter.text}}\nSummary:","scope":"chapter","maxTokens":16}""").RootElement);
            var node = new LlmNode(new NodeDefinition { Id = "summaries", Type = LlmNode.TypeName, Options = options, Parallelism = 2 }, services);
            var context = new NodeContext { SessionId = "bench", Iteration = 1, Attempt = 1, Subject = document, Upstream = new Dictionary<string, NodeResult>() };
            await node.RunAsync(context, CancellationToken.None); // fills the cache
            var times = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                var watch = Stopwatch.StartNew();
                var result = await node.RunAsync(context, CancellationToken.None);
                times.Add(watch.Elapsed.TotalMilliseconds);
                if (result.Metrics[LlmMetrics.GeneratedTokens] != 0) throw new InvalidOperationException("a cached run generated tokens");
            }
            return Median(times);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
