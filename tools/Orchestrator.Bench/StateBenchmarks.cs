using BenchmarkDotNet.Attributes;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.State;

namespace Orchestrator.Bench;

/// <summary>
/// Checkpoint cost for a state the size of a finished Pride and Prejudice session: 7 nodes, 406 findings
/// with 200-character evidence, 61-value per-chapter series with chapter labels, a dozen metrics per node,
/// three iterations of quality history. Snapshot write (encode, checksum, temp file, fsync, rename, prune)
/// and read (read, verify, decode, validate), session.json write (serialize, temp file, fsync, rename), and
/// the in-memory halves to tell CPU from disk. Goal: each under 5 ms, a snapshot under 1 MB.
/// Sizes are printed by the setup. Run:
/// <c>dotnet run -c Release --project tools/Orchestrator.Bench -- --filter '*State*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class StateBenchmarks
{
    private const string Id = "novel_20261125_143022_7f3a";
    private string _folder = null!;
    private SessionStore _store = null!;
    private SessionState _state = null!;
    private byte[] _snapshot = null!;
    private string _snapshotPath = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "orchestrator-state-bench-" + Guid.NewGuid().ToString("N"));
        _store = SessionStore.ForDataFolder(_folder);
        _state = FinishedSession();
        _snapshot = SnapshotStore.Encode(_state);
        _snapshotPath = _store.WriteSnapshot(_state).Path;
        _store.SaveState(_state);
        var json = new FileInfo(_store.StatePath(Id)).Length;
        Console.WriteLine($"// state: {_state.Nodes.Count} nodes, {_state.Nodes.Sum(n => n.Result?.Findings.Count ?? 0)} findings; " +
            $"snapshot {_snapshot.Length:N0} bytes ({_snapshot.Length / 1024.0:F1} KiB); session.json {json:N0} bytes ({json / 1024.0:F1} KiB)");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public byte[] EncodeSnapshot() => SnapshotStore.Encode(_state);

    [Benchmark]
    public SessionState DecodeSnapshot() => SnapshotStore.Decode(_snapshot);

    /// <summary>The next numbered snapshot on disk, flushed, then pruned to the first + last 5.</summary>
    [Benchmark]
    public SnapshotInfo WriteSnapshot() => _store.WriteSnapshot(_state);

    [Benchmark]
    public SessionState ReadSnapshot() => SnapshotStore.ReadFile(_snapshotPath);

    [Benchmark]
    public byte[] SerializeSessionJson() => SessionStateJson.Serialize(_state);

    [Benchmark]
    public void WriteSessionJson() => _store.SaveState(_state);

    /// <summary>A resume's load: session.json plus the newest snapshot to compare with.</summary>
    [Benchmark]
    public SessionLoadResult LoadState() => _store.LoadState(Id);

    internal static SessionState FinishedSession()
    {
        var created = new DateTimeOffset(2026, 11, 25, 14, 30, 22, TimeSpan.Zero);
        var random = new Random(1813);
        string[] nodeIds = ["structure", "pacing", "style", "readability", "dialogue", "cast", "themes"];
        var chapters = Enumerable.Range(1, 61).Select(c => $"Chapter {c}").ToArray();
        var findingsLeft = 406;
        var nodes = nodeIds.Select((id, n) =>
        {
            var count = findingsLeft / (nodeIds.Length - n);
            findingsLeft -= count;
            return new NodeState
            {
                NodeId = id,
                Status = NodeRunStatus.Succeeded,
                Attempts = 1,
                StartedAt = created.AddSeconds(n),
                Duration = TimeSpan.FromMilliseconds(40 + 30 * n),
                SucceededIteration = 3,
                SucceededInputHash = ContentHash.OfText(id),
                Result = new NodeResultState
                {
                    Score = Math.Round(random.NextDouble(), 4),
                    Summary = $"{id}: 61 chapters analysed; {count} findings",
                    Metrics = Enumerable.Range(0, 12).ToDictionary(m => $"{id}.metric{m}", _ => random.NextDouble() * 1000),
                    Findings = Enumerable.Range(0, count).Select(f => new FindingState
                    {
                        Rule = $"{id}.rule{f % 9}",
                        Severity = (Severity)(f % 4),
                        Message = $"Chapter {f % 61 + 1}: something the {id} node noticed, worded as an editor would say it",
                        Suggestion = "A suggestion of what the author could do about it, in one sentence.",
                        Location = new TextLocationState { Chapter = f % 61 + 1, Paragraph = f % 40 + 1, Offset = random.Next(0, 700_000), Length = 200 },
                        Evidence = Evidence(random),
                        Confidence = Math.Round(random.NextDouble(), 3),
                        IsStrength = f % 17 == 0,
                    }).ToArray(),
                    Series = new Dictionary<string, IReadOnlyList<double>>
                    {
                        ["words"] = chapters.Select(_ => (double)random.Next(800, 5000)).ToArray(),
                        [$"{id}.perChapter"] = chapters.Select(_ => random.NextDouble()).ToArray(),
                    },
                    Labels = new Dictionary<string, IReadOnlyList<string>> { ["chapters"] = chapters },
                },
            };
        }).ToArray();
        return new SessionState
        {
            SessionId = Id,
            Status = SessionStateStatus.Completed,
            PipelineName = "novel",
            PipelineHash = ContentHash.OfText("novel.json + rules"),
            InputPath = "/corpus/pride-and-prejudice.txt",
            InputHash = ContentHash.OfText("It is a truth universally acknowledged"),
            RequirementsJson = """{"genre":"romance","targetLength":120000,"themes":["marriage","class","pride"]}""",
            CreatedAt = created,
            UpdatedAt = created.AddSeconds(12),
            Iteration = 3,
            Nodes = nodes,
            QualityHistory = Enumerable.Range(1, 3).Select(i => new QualityRecord { Iteration = i, Overall = 0.6 + i / 20.0, Coverage = 1, Confidence = 0.9 }).ToArray(),
            StopReason = "quality target reached",
        };
    }

    private static string Evidence(Random random)
    {
        const string words = "It is a truth universally acknowledged that a single man in possession of a good fortune must be in want of a wife ";
        var start = random.Next(words.Length);
        return string.Concat(Enumerable.Repeat(words, 3))[start..(start + 200)];
    }
}
