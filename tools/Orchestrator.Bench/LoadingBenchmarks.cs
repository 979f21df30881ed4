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
        _bytes = File.ReadAllBytes(Path.Combine(FindCorpus(), FileName));
        _text = ManuscriptLoader.Load(FileName, _bytes).Text;
    }

    /// <summary>Decode (strict UTF-8), SHA-256, title, index: what <see cref="ManuscriptLoader.LoadAsync(string, CancellationToken)"/> does after reading the file.</summary>
    [Benchmark(Baseline = true)]
    public ManuscriptDocument LoadAndIndex() => ManuscriptLoader.Load(FileName, _bytes);

    /// <summary>The text index alone, from the decoded text.</summary>
    [Benchmark]
    public ManuscriptDocument IndexOnly() => TextIndexer.Build(_text, "Pride and Prejudice", "hash");

    private static string FindCorpus()
    {
        var configured = Environment.GetEnvironmentVariable("ORCHESTRATOR_CORPUS");
        if (!string.IsNullOrEmpty(configured))
            return configured;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "corpus");
                if (File.Exists(Path.Combine(candidate, FileName)))
                    return candidate;
            }
        }
        throw new DirectoryNotFoundException(
            $"Could not find shared/corpus/{FileName} above {Directory.GetCurrentDirectory()}; set ORCHESTRATOR_CORPUS to the corpus folder.");
    }
}
