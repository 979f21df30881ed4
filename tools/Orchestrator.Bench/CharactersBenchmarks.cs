using BenchmarkDotNet.Attributes;
using Orchestrator.Engine.Nodes;
using Orchestrator.Manuscripts.Characters;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Bench;

/// <summary>
/// The <c>characters</c> node on Pride and Prejudice (127k words, 61 chapters), loaded and indexed once in setup
/// (the dialogue map and locator are built there too, as the first node of a run would have built them). Each call
/// detects, merges and ranks the whole cast and makes every finding and series.
/// Goal: well under 25 ms warm (the six nodes plus recommendations share 150 ms).
/// <code>dotnet run -c Release --project tools/Orchestrator.Bench -- --filter '*Characters*' --job short</code>
/// </summary>
[MemoryDiagnoser]
public class CharactersBenchmarks
{
    private const string FileName = "austen-pride-and-prejudice.txt";

    private ManuscriptDocument _document = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _document = await ManuscriptLoader.LoadAsync(BenchCorpus.PathOf(FileName), CancellationToken.None);
        _ = _document.Dialogue;
        _ = _document.Locator;
    }

    [Benchmark]
    public NodeResult Analyse() => CharactersNode.Analyse(_document);
}
