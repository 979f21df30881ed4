using BenchmarkDotNet.Attributes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Library;
using Orchestrator.Library.Search;
using Orchestrator.Manuscripts;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Reference;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Bench;

/// <summary>
/// The reference library's figures: adding Moby-Dick lexical-only (a fresh library each time), one lexical query over
/// 100,000 chunks (<see cref="LibraryBenchData"/>; per query, over 200 different ones — the p99 is printed by
/// <c>-- library-p99</c>) and an exact cosine top-10 over 100,000 × 384 floats. A run with a library:
/// <see cref="LibraryRunBenchmarks"/>.
/// <code>dotnet run -c Release --project tools/Orchestrator.Bench -- --filter '*LibraryBenchmarks*' --job short --inProcess</code>
/// </summary>
[MemoryDiagnoser]
public class LibraryBenchmarks
{
    private const int Queries = 200, Dimensions = 384;

    private string _folder = "";
    private LibraryStore _large = null!;
    private string[] _queries = [];
    private VectorIndex _vectors = null!;
    private float[] _query = [];

    [GlobalSetup]
    public async Task Setup()
    {
        _folder = Directory.CreateTempSubdirectory("orchestrator-library-bench-").FullName;
        _large = await LibraryStore.OpenAsync("large", await LibraryBenchData.HundredThousandChunksAsync(), LibraryOptions.Default, CancellationToken.None);
        _queries = await LibraryBenchData.QueriesAsync(Queries);
        await _large.PrepareSearchAsync(CancellationToken.None);

        var random = new Random(5);
        var matrix = new float[LibraryBenchData.Chunks * Dimensions];
        for (var i = 0; i < matrix.Length; i++) matrix[i] = (float)(random.NextDouble() * 2 - 1);
        _vectors = VectorIndex.Build(Enumerable.Range(0, LibraryBenchData.Chunks).Select(i => (long)i).ToArray(), matrix, Dimensions);
        _query = Enumerable.Range(0, Dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _large.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Moby-Dick (213k words) into a new library, lexical only: read, chunk, extract names and traits, insert, FTS5.</summary>
    [Benchmark]
    public async Task<int> AddMobyDick()
    {
        var path = LibraryLocation.PathOf(_folder, "moby-" + Guid.NewGuid().ToString("N"));
        await using var library = await LibraryStore.OpenAsync("moby", path, new LibraryOptions { Create = true }, CancellationToken.None);
        return (await library.AddAsync(BenchCorpus.PathOf(BenchCorpus.MobyDick), CancellationToken.None))[0].Chunks;
    }

    /// <summary>One BM25 query of 8 to 12 words over 100,000 chunks, top 5 with their passages (mean over 200 queries).</summary>
    [Benchmark(OperationsPerInvoke = Queries)]
    public async Task<int> LexicalQuery100kChunks()
    {
        var hits = 0;
        foreach (var query in _queries) hits += (await _large.SearchAsync(query, 5, CancellationToken.None)).Count;
        return hits;
    }

    /// <summary>Exact cosine top-10 over 100,000 vectors of 384 floats.</summary>
    [Benchmark]
    public int VectorTop10Of100kBy384() => _vectors.Search(_query, 10).Count;
}
