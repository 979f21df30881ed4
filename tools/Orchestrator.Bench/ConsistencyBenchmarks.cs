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
        _document = await ManuscriptLoader.LoadAsync(Path.Combine(FindCorpus(), FileName), CancellationToken.None);
        ConsistencyNode.Analyse(_document);
    }

    /// <summary>Every check: spelling, hyphenation, capitalisation, names, tense, point of view, punctuation.</summary>
    [Benchmark]
    public NodeResult Analyse() => ConsistencyNode.Analyse(_document);

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
