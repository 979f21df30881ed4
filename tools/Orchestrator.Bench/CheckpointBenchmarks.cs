using BenchmarkDotNet.Attributes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Bench;

/// <summary>
/// What durability costs on a real session: Pride and Prejudice through pipelines/novel.json, once in memory and
/// once persisted (session.json after every outcome, snapshots per iteration, events, the manuscript copy, all
/// flushed to disk), so the difference is the whole checkpointing cost of a run (goal: under 10%). Snapshot and
/// session.json write and read of that finished session's own state (goal: each under 5 ms, under 1 MB). The setup
/// prints the state's sizes and the disk used by the session folder.
/// <code>dotnet run -c Release --project tools/Orchestrator.Bench -- --filter '*CheckpointBenchmarks*' --job short</code>
/// </summary>
[MemoryDiagnoser]
public class CheckpointBenchmarks
{
    private static readonly ProcessOptions NewSession = new() { ResumeUnfinished = false };
    private readonly ManuscriptRequirements _requirements = new() { Genre = "romance", TargetLength = 120_000, Themes = ["love", "class", "family"] };
    private string _folder = null!;
    private ManuscriptDocument _document = null!;
    private NovelCoordinator _inMemory = null!;
    private NovelCoordinator _persisted = null!;
    private NovelCoordinator _persistedInline = null!;
    private SessionStore _store = null!;
    private SessionState _state = null!;
    private string _snapshotPath = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "orchestrator-checkpoint-bench-" + Guid.NewGuid().ToString("N"));
        _document = await ManuscriptLoader.LoadAsync(BenchCorpus.PathOf(BenchCorpus.PrideAndPrejudice), CancellationToken.None);
        var registry = NovelNodeTypes.CreateRegistry();
        var pipeline = PipelineLoader.Load(FindPipeline(), registry);
        _inMemory = new NovelCoordinator(new CoordinatorOptions { Pipeline = pipeline, Registry = registry });
        _persisted = new NovelCoordinator(new CoordinatorOptions { Pipeline = pipeline, Registry = registry, Store = SessionStore.ForDataFolder(Path.Combine(_folder, "runs")) });
        _persistedInline = new NovelCoordinator(new CoordinatorOptions
        {
            Pipeline = pipeline, Registry = registry,
            Store = SessionStore.ForDataFolder(Path.Combine(_folder, "runs"), new SessionStoreOptions { WriteBehind = false }),
        });

        var data = Path.Combine(_folder, "finished");
        await using (var once = new NovelCoordinator(new CoordinatorOptions { Pipeline = pipeline, Registry = registry, Store = SessionStore.ForDataFolder(data) }))
        {
            var analysis = await once.ProcessManuscriptAsync(BenchCorpus.PathOf(BenchCorpus.PrideAndPrejudice), _requirements, NewSession, CancellationToken.None);
            _state = analysis.Session.State;
            var session = SessionStore.ForDataFolder(data).SessionFolder(analysis.SessionId);
            var files = Directory.GetFiles(session, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f)).ToArray();
            Console.WriteLine($"// finished P&P session: {files.Sum(f => f.Length):N0} bytes in {files.Length} files: " +
                string.Join(", ", files.Select(f => $"{Path.GetRelativePath(session, f.FullName)} {f.Length:N0}")));
        }
        _store = SessionStore.ForDataFolder(Path.Combine(_folder, "bench"));
        _snapshotPath = _store.WriteSnapshot(_state).Path;
        _store.SaveState(_state);
        Console.WriteLine($"// state: {_state.Nodes.Count} nodes, {_state.Nodes.Sum(n => n.Result?.Findings.Count ?? 0)} findings; " +
            $"snapshot {new FileInfo(_snapshotPath).Length:N0} bytes; session.json {new FileInfo(_store.StatePath(_state.SessionId)).Length:N0} bytes");
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _inMemory.DisposeAsync();
        await _persisted.DisposeAsync();
        await _persistedInline.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Keeps the data folder of the persisted runs from growing by a session per invocation (both runs get it, so both run one invocation per iteration).</summary>
    [IterationCleanup(Targets = [nameof(InMemoryRun), nameof(PersistedRun), nameof(PersistedInlineRun)])]
    public void RemoveRuns()
    {
        var sessions = Path.Combine(_folder, "runs", "sessions");
        if (Directory.Exists(sessions)) Directory.Delete(sessions, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task<ManuscriptAnalysis> InMemoryRun() => _inMemory.ProcessManuscriptAsync(_document, _requirements, NewSession, CancellationToken.None);

    /// <summary>The default: the journal writes behind the session, on a thread of its own.</summary>
    [Benchmark]
    public Task<ManuscriptAnalysis> PersistedRun() => _persisted.ProcessManuscriptAsync(_document, _requirements, NewSession, CancellationToken.None);

    /// <summary>Every write on the session's collector, durable before the next node is dispatched (WriteBehind off).</summary>
    [Benchmark]
    public Task<ManuscriptAnalysis> PersistedInlineRun() => _persistedInline.ProcessManuscriptAsync(_document, _requirements, NewSession, CancellationToken.None);

    [Benchmark]
    public SnapshotInfo WriteSnapshot() => _store.WriteSnapshot(_state);

    [Benchmark]
    public SessionState ReadSnapshot() => SnapshotStore.ReadFile(_snapshotPath);

    [Benchmark]
    public void WriteSessionJson() => _store.SaveState(_state);

    [Benchmark]
    public SessionLoadResult LoadState() => _store.LoadState(_state.SessionId);

    internal static string FindPipeline()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "pipelines", "novel.json");
            if (File.Exists(candidate)) return candidate;
        }
        return Path.Combine(AppContext.BaseDirectory, "pipelines", "novel.json");
    }
}
