using BenchmarkDotNet.Attributes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Library;
using Orchestrator.Manuscripts;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Bench;

/// <summary>
/// A whole run of the default pipeline on Pride and Prejudice without and with a reference library (the other three
/// corpus novels as "earlier books": their names and traits checked by the consistency node), each op opening the
/// library and compiling the pipeline as <c>run</c> does (no session store: the journal's cost is measured elsewhere).
/// <code>dotnet run -c Release --project tools/Orchestrator.Bench -- --filter '*LibraryRunBenchmarks*' --job short --inProcess</code>
/// </summary>
[MemoryDiagnoser]
public class LibraryRunBenchmarks
{
    private string _folder = "";
    private string _earlierBooks = "";
    private ManuscriptDocument _pride = null!;
    private PipelineDefinition _pipeline = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _folder = Directory.CreateTempSubdirectory("orchestrator-library-run-bench-").FullName;
        _earlierBooks = LibraryLocation.PathOf(_folder, "earlier-books");
        await using (var library = await LibraryStore.OpenAsync("earlier-books", _earlierBooks, new LibraryOptions { Create = true }, CancellationToken.None))
            foreach (var novel in LibraryBenchData.Novels.Where(n => n != BenchCorpus.PrideAndPrejudice))
                await library.AddAsync(BenchCorpus.PathOf(novel), CancellationToken.None);
        _pride = await ManuscriptLoader.LoadAsync(BenchCorpus.PathOf(BenchCorpus.PrideAndPrejudice), CancellationToken.None);
        _pipeline = PipelineLoader.Load(CheckpointBenchmarks.FindPipeline(), NovelNodeTypes.CreateRegistry());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Params(false, true)]
    public bool WithLibrary { get; set; }

    /// <summary>The default pipeline on Pride and Prejudice, as one <c>run</c> does it (library opened, pipeline compiled, no store).</summary>
    [Benchmark]
    public async Task<double> RunPrideAndPrejudice()
    {
        await using var library = WithLibrary ? await LibraryStore.OpenAsync("earlier-books", _earlierBooks, LibraryOptions.Default, CancellationToken.None) : null;
        await using var coordinator = new NovelCoordinator(new CoordinatorOptions { Pipeline = _pipeline, Registry = NovelNodeTypes.CreateRegistry(library) });
        var analysis = await coordinator.ProcessManuscriptAsync(_pride, new ManuscriptRequirements { Genre = "romance" }, CancellationToken.None);
        return analysis.Session.Quality.Overall;
    }
}
