using BenchmarkDotNet.Attributes;
using Orchestrator.Engine.Nodes;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Readability;
using Orchestrator.Manuscripts.Style;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Bench;

/// <summary>
/// The <c>style</c> node on Pride and Prejudice (127k words, 61 chapters), loaded and indexed once in setup (its
/// dialogue map and locator built too, as the first node of a run would leave them). <c>Analyse</c> is the whole
/// node (scan, findings, metrics, series); <c>Scan</c> the detections alone; <c>Readability</c> the seven formulas
/// through <see cref="ReadabilityCalculator"/>. Goal: the node well under 25 ms warm (the budget of all six nodes
/// plus recommendations is 150 ms).
/// <code>dotnet run -c Release --project tools/Orchestrator.Bench -- --filter '*Style*' --job short</code>
/// </summary>
[MemoryDiagnoser]
public class StyleBenchmarks
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

    [Benchmark(Baseline = true)]
    public NodeResult Analyse() => StyleNode.Analyse(_document);

    [Benchmark]
    public StyleScan Scan() => StyleScanner.Scan(_document);

    [Benchmark]
    public ReadabilityScores Readability() => ReadabilityCalculator.Measure(_document);
}
