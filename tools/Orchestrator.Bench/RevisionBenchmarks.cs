using BenchmarkDotNet.Attributes;
using Orchestrator.Engine.Nodes;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Revision;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Bench;

/// <summary>
/// The <c>revise</c> node on Pride and Prejudice (127k words, ~13k lines; its 400-odd "--" dashes and a few spellings
/// make about 430 edits on 400 lines), loaded once in setup. <c>Revise</c> is the whole node (both word rules, the
/// character scan, findings); <c>ReviseCurly</c> also makes quotation marks curly (none to change: it measures the
/// extra checks); <c>Apply</c> applies the edits; <c>Diff</c> writes the unified diff of the book and its revision;
/// <c>ReindexRevised</c> indexes the revised text, as the next iteration of a session does.
/// <code>dotnet run -c Release --project tools/Orchestrator.Bench -- --filter '*Revision*' --job short</code>
/// </summary>
[MemoryDiagnoser]
public class RevisionBenchmarks
{
    private static readonly ReviseOptions Curly = ReviseOptions.Default with { Quotes = QuoteMarks.Curly };

    private ManuscriptDocument _document = null!;
    private IReadOnlyList<TextEdit> _edits = null!;
    private string _revised = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _document = await ManuscriptLoader.LoadAsync(BenchCorpus.PathOf(BenchCorpus.PrideAndPrejudice), CancellationToken.None);
        _ = _document.Locator;
        _edits = ReviseNode.Revise(_document).Edits;
        _revised = TextRevision.Apply(_document.Text, _edits);
    }

    [Benchmark(Baseline = true)]
    public NodeResult Revise() => ReviseNode.Revise(_document);

    [Benchmark]
    public NodeResult ReviseCurly() => ReviseNode.Revise(_document, Curly);

    [Benchmark]
    public string Apply() => TextRevision.Apply(_document.Text, _edits);

    [Benchmark]
    public string Diff() => UnifiedDiff.Create(_document.Text, _revised, "a/pride.txt", "b/pride.txt");

    [Benchmark]
    public ManuscriptDocument ReindexRevised() => TextIndexer.Build(_revised, _document.Title, "revised", _document.SourcePath);
}
