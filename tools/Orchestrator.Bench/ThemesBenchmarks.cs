using BenchmarkDotNet.Attributes;
using Orchestrator.Engine.Nodes;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Themes;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Bench;

/// <summary>
/// The <c>themes</c> node's analysis of Pride and Prejudice (122k indexed words, 61 chapters), the document loaded
/// and indexed once in setup (its dialogue map and locator built there too, as the first node of a run would), with
/// two requested themes and a genre, so every part of the analysis runs.
/// The corpus is <c>shared/corpus</c> next to the repository (see <see cref="LoadingBenchmarks"/>), or the folder named by
/// <c>ORCHESTRATOR_CORPUS</c>. Goal: well under 25 ms warm (the budget of all nodes together is 150 ms).
/// <code>dotnet run -c Release --project tools/Orchestrator.Bench -- --filter '*Themes*' --job short</code>
/// </summary>
[MemoryDiagnoser]
public class ThemesBenchmarks
{
    private const string FileName = "austen-pride-and-prejudice.txt";

    private static readonly ManuscriptRequirements Requirements = new() { Genre = "romance", Themes = ["love", "class"] };

    private ManuscriptDocument _document = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _document = await ManuscriptLoader.LoadAsync(BenchCorpus.PathOf(FileName), CancellationToken.None);
        _ = _document.Dialogue;
        _ = _document.Locator;
    }

    [Benchmark]
    public NodeResult Analyse() => ThemesNode.Analyse(_document, Requirements);
}
