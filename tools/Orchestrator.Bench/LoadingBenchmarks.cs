using BenchmarkDotNet.Attributes;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Bench;

/// <summary>
/// Load + index of Pride and Prejudice (738 KB, 61 chapters) from the development corpus: the bytes are
/// read once in setup; each call decodes, hashes, finds the title and builds the whole index.
/// The corpus is <c>shared/corpus</c> next to the repository, found by walking up from the working
/// directory (or the benchmark's base directory), or the folder named by <c>ORCHESTRATOR_CORPUS</c>.
/// Goal: under 30 ms warm.
/// <code>dotnet run -c Release --project tools/Orchestrator.Bench -- --filter '*Loading*' --job short</code>
/// </summary>
[MemoryDiagnoser]
public class LoadingBenchmarks
{
    private const string FileName = "austen-pride-and-prejudice.txt";

    private byte[] _bytes = [];
    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _bytes = File.ReadAllBytes(BenchCorpus.PathOf(FileName));
        _text = ManuscriptLoader.Load(FileName, _bytes).Text;
    }

    /// <summary>Decode (strict UTF-8), SHA-256, title, index: what <see cref="ManuscriptLoader.LoadAsync(string, CancellationToken)"/> does after reading the file.</summary>
    [Benchmark(Baseline = true)]
    public ManuscriptDocument LoadAndIndex() => ManuscriptLoader.Load(FileName, _bytes);

    /// <summary>The text index alone, from the decoded text.</summary>
    [Benchmark]
    public ManuscriptDocument IndexOnly() => TextIndexer.Build(_text, "Pride and Prejudice", "hash");
}
