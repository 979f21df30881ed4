using System.Diagnostics;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Requirements;

namespace Orchestrator.Bench;

/// <summary>
/// The share of a run that checkpointing costs, measured in rounds that run the three variants back to back in a
/// rotating order (in memory, journal writing behind, journal writing inline), so load from other processes falls
/// on all three alike; prints the median of each and of the paired differences. BenchmarkDotNet runs one benchmark
/// after another, which on a shared machine drifts more than the difference measured.
/// <code>dotnet run -c Release --project tools/Orchestrator.Bench -- checkpoint-share [rounds]</code>
/// </summary>
internal static class CheckpointShare
{
    public static async Task<int> RunAsync(int rounds)
    {
        var folder = Path.Combine(Path.GetTempPath(), "orchestrator-checkpoint-share-" + Guid.NewGuid().ToString("N"));
        try
        {
            var document = await ManuscriptLoader.LoadAsync(BenchCorpus.PathOf(BenchCorpus.PrideAndPrejudice), CancellationToken.None);
            var requirements = new ManuscriptRequirements { Genre = "romance", TargetLength = 120_000 };
            var registry = NovelNodeTypes.CreateRegistry();
            var pipeline = PipelineLoader.Load(CheckpointBenchmarks.FindPipeline(), registry);
            var fresh = new ProcessOptions { ResumeUnfinished = false };
            var variants = new (string Name, NovelCoordinator Coordinator)[]
            {
                ("in memory", new NovelCoordinator(new CoordinatorOptions { Pipeline = pipeline, Registry = registry })),
                ("write-behind journal", new NovelCoordinator(new CoordinatorOptions { Pipeline = pipeline, Registry = registry, Store = SessionStore.ForDataFolder(Path.Combine(folder, "behind")) })),
                ("inline journal", new NovelCoordinator(new CoordinatorOptions
                {
                    Pipeline = pipeline, Registry = registry,
                    Store = SessionStore.ForDataFolder(Path.Combine(folder, "inline"), new SessionStoreOptions { WriteBehind = false }),
                })),
            };
            var times = variants.Select(_ => new List<double>()).ToArray();
            for (var round = -2; round < rounds; round++)
            {
                for (var k = 0; k < variants.Length; k++)
                {
                    var v = (round + variants.Length + k) % variants.Length;
                    var clock = Stopwatch.StartNew();
                    await variants[v].Coordinator.ProcessManuscriptAsync(document, requirements, fresh, CancellationToken.None);
                    if (round >= 0) times[v].Add(clock.Elapsed.TotalMilliseconds);
                }
                foreach (var sessions in new[] { "behind", "inline" }.Select(d => Path.Combine(folder, d, "sessions")))
                    if (Directory.Exists(sessions)) Directory.Delete(sessions, recursive: true);
            }
            foreach (var (name, coordinator) in variants) await coordinator.DisposeAsync();

            Console.WriteLine($"Pride and Prejudice, pipelines/novel.json, {rounds} rounds (after 2 warm-up rounds):");
            for (var v = 0; v < variants.Length; v++)
                Console.WriteLine($"  {variants[v].Name,-22} median {Median(times[v]),7:F1} ms  (min {times[v].Min(),6:F1}, max {times[v].Max(),6:F1})");
            for (var v = 1; v < variants.Length; v++)
            {
                var diffs = times[v].Zip(times[0], (a, b) => a - b).ToList();
                Console.WriteLine($"  {variants[v].Name,-22} costs median {Median(diffs),6:F1} ms per run = {Median(diffs) / Median(times[0]):P1} of the in-memory run");
            }
            return 0;
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
