using BenchmarkDotNet.Attributes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Bench;

/// <summary>
/// The whole analysis — all six nodes plus recommendations, as pipelines/novel.json wires them — on
/// Pride and Prejudice (127k words), in process and warm, through the real coordinator and dataflow
/// network. <c>FreshDocument</c> re-indexes the text each time, so the per-book work (dialogue map,
/// locator) is paid on every call; <c>SharedDocument</c> measures the nodes alone. Goal: under 150 ms.
/// <code>dotnet run -c Release --project tools/Orchestrator.Bench -- --filter '*AnalysisBenchmarks*' --job short</code>
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private NovelCoordinator _coordinator = null!;
    private ManuscriptDocument _document = null!;
    private readonly ManuscriptRequirements _requirements = new() { Genre = "romance", TargetLength = 120_000, Themes = ["love", "class", "family"] };

    [GlobalSetup]
    public async Task Setup()
    {
        _document = await ManuscriptLoader.LoadAsync(BenchCorpus.PathOf(BenchCorpus.PrideAndPrejudice), CancellationToken.None);
        var registry = NovelNodeTypes.CreateRegistry();
        var pipeline = PipelineLoader.Load(FindPipeline(), registry);
        _coordinator = new NovelCoordinator(new CoordinatorOptions { Pipeline = pipeline, Registry = registry });
    }

    [GlobalCleanup]
    public ValueTask Cleanup() => _coordinator.DisposeAsync();

    [Benchmark(Baseline = true)]
    public Task<ManuscriptAnalysis> FreshDocument() =>
        _coordinator.ProcessManuscriptAsync(TextIndexer.Build(_document.Text, _document.Title, _document.ContentHash), _requirements, CancellationToken.None);

    [Benchmark]
    public Task<ManuscriptAnalysis> SharedDocument() =>
        _coordinator.ProcessManuscriptAsync(_document, _requirements, CancellationToken.None);

    private static string FindPipeline()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "pipelines", "novel.json");
            if (File.Exists(candidate)) return candidate;
        }
        return Path.Combine(AppContext.BaseDirectory, "pipelines", "novel.json");
    }
}
