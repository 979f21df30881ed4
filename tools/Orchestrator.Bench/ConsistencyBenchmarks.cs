using BenchmarkDotNet.Attributes;
using Orchestrator.Engine.Nodes;
using Orchestrator.Manuscripts.Consistency;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Bench;

/// <summary>
/// The consistency node's analysis on Pride and Prejudice (about 122,000 indexed words, 61 chapters), loaded and
/// indexed once in setup; the document's dialogue map and locator are built on the first call and shared after,
/// as in a run. Goal: well under 25 ms warm (the six nodes and recommendations share 150 ms).
/// <code>dotnet run -c Release --project tools/Orchestrator.Bench -- --filter '*Consistency*' --job short</code>
/// </summary>
[MemoryDiagnoser]
public class ConsistencyBenchmarks
{
    private const string FileName = "austen-pride-and-prejudice.txt";

    private ManuscriptDocument _document = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _document = await ManuscriptLoader.LoadAsync(BenchCorpus.PathOf(FileName), CancellationToken.None);
        ConsistencyNode.Analyse(_document);
    }

    /// <summary>Every check: spelling, hyphenation, capitalisation, names, tense, point of view, punctuation.</summary>
    [Benchmark]
    public NodeResult Analyse() => ConsistencyNode.Analyse(_document);
}
