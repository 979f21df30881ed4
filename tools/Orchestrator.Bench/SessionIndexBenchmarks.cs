using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Orchestrator.Engine.State;

namespace Orchestrator.Bench;

/// <summary>
/// Finding an earlier session among 10,000 stored ones, as `run` and every manuscript of a batch do: one lookup in the
/// session index. The setup writes the sessions' session.json files directly (creating 10,000 sessions through the
/// store would flush 30,000 files to disk) and prints how long the index took to rebuild from them.
/// </summary>
[MemoryDiagnoser]
public class SessionIndexBenchmarks
{
    private const int Sessions = 10_000;
    private string _folder = null!;
    private SessionStore _store = null!;
    private SessionKey _key = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "orchestrator-index-bench-" + Guid.NewGuid().ToString("N"));
        var root = Path.Combine(_folder, "sessions");
        var at = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        for (var n = 0; n < Sessions; n++)
        {
            var state = SessionState.Start($"novel_20261101_120000_{n:x4}", "novel", "sha256:pipeline", $"/books/book-{n}.txt",
                ContentHash.OfText($"book {n}"), """{"genre":"fantasy"}""", ["structure", "style", "characters"], at.AddSeconds(n)) with
            {
                Status = SessionStateStatus.Completed,
            };
            Directory.CreateDirectory(Path.Combine(root, state.SessionId));
            File.WriteAllBytes(Path.Combine(root, state.SessionId, SessionStore.StateFileName), SessionStateJson.Serialize(state));
            if (n == Sessions / 2) _key = SessionKey.Of(state);
        }
        _store = SessionStore.ForDataFolder(_folder);
        var clock = Stopwatch.StartNew();
        var found = _store.Find(_key);
        Console.WriteLine($"// index rebuilt from {Sessions:N0} sessions in {clock.Elapsed.TotalSeconds:0.00} s; found {found.Count}");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public IReadOnlyList<IndexedSession> FindAmong10000() => _store.Find(_key);
}
