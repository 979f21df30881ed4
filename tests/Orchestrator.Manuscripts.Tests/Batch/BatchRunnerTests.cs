using System.Text;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Batch;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Loading;

namespace Orchestrator.Manuscripts.Tests.Batch;

/// <summary>The batch runner in process, over small texts and a two-node pipeline, with a real session store.</summary>
[TestFixture]
public sealed class BatchRunnerTests
{
    private const string Pipeline = """
        {
          "name": "batch-test", "version": 1,
          "settings": { "maxIterations": 1, "maxConcurrentActions": 4, "actionTimeout": "00:00:30", "enableRetries": false },
          "nodes": [
            { "id": "structure", "type": "structure", "weight": 0.5 },
            { "id": "style", "type": "style", "weight": 0.5 },
            { "id": "recommendations", "type": "recommendations", "dependsOn": ["structure", "style"], "weight": 0 }
          ]
        }
        """;

    private string _root = null!;
    private string Input => Path.Combine(_root, "in");
    private string Data => Path.Combine(_root, "data");
    private string Out => Path.Combine(_root, "out");

    [SetUp]
    public void CreateFolder()
    {
        _root = Directory.CreateTempSubdirectory("batch-runner-").FullName;
        Directory.CreateDirectory(Input);
    }

    [TearDown] public void DeleteFolder() => Directory.Delete(_root, recursive: true);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(Input, name), text);

    private static string Story(int n) =>
        $"Chapter 1\n\nStory {n} began on a wet morning. The harbour was quiet, and Mara watched the boats come in one by one.\n\n"
        + $"Chapter 2\n\nBy noon the rain had stopped. She walked to the market and bought bread, salt and {n} apples.\n";

    private NovelCoordinator Coordinator() => new(new CoordinatorOptions
    {
        Pipeline = PipelineLoader.Parse(Pipeline, NovelNodeTypes.CreateRegistry()),
        Store = SessionStore.ForDataFolder(Data),
        Loading = new ManuscriptLoadOptions { Encoding = EncodingPolicy.Utf8OrWindows1252 },
    });

    private async Task<BatchSummary> RunAsync(int parallel, IBatchProgress? progress = null, CancellationToken ct = default)
    {
        await using var coordinator = Coordinator();
        var plan = BatchDiscovery.Discover(Input, new BatchDiscoveryOptions());
        var runner = new BatchRunner(coordinator, new BatchRunOptions
        {
            OutputFolder = Out, PipelineName = "batch-test", Parallel = parallel,
            Loading = new ManuscriptLoadOptions { Encoding = EncodingPolicy.Utf8OrWindows1252 },
        });
        return await runner.RunAsync(plan.Root, plan.Items, progress, ct);
    }

    [Test]
    public async Task Runs_at_most_parallel_sessions_and_loads_each_manuscript_only_when_its_turn_comes()
    {
        for (int i = 1; i <= 6; i++) Write($"story-{i}.txt", Story(i));
        await using var coordinator = Coordinator();
        var plan = BatchDiscovery.Discover(Input, new BatchDiscoveryOptions());
        // story-6 is gone when the batch starts and written once the first manuscript is done: that only works
        // because a manuscript is read when its session starts, not up front.
        var late = Path.Combine(Input, "story-6.txt");
        File.Delete(late);
        var progress = new Recorder(onFirstFinished: () => File.WriteAllText(late, Story(6)));
        var runner = new BatchRunner(coordinator, new BatchRunOptions { OutputFolder = Out, PipelineName = "batch-test", Parallel = 2 });
        var summary = await runner.RunAsync(plan.Root, plan.Items, progress, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(summary.Manuscripts.Select(m => m.Status), Is.All.EqualTo(BatchStatus.Succeeded),
                string.Join("\n", summary.Manuscripts.Select(m => $"{m.File}: {m.Error}")));
            Assert.That(progress.MaxInFlight, Is.InRange(1, 2));
            Assert.That(summary.Manuscripts.Select(m => m.File), Is.EqualTo(Enumerable.Range(1, 6).Select(i => $"story-{i}.txt")),
                "the summary keeps discovery order, whatever order they finished in");
            Assert.That(summary.Manuscripts.Select(m => m.Chapters), Is.All.EqualTo(2));
            Assert.That(summary.Manuscripts.Select(m => m.TopRecommendations.Count), Is.All.InRange(0, 3));
            Assert.That(File.Exists(Path.Combine(Out, "story-6", "report.json")), Is.True);
        });
    }

    [Test]
    public async Task A_rerun_skips_what_is_done_and_retries_what_failed()
    {
        Write("good.txt", Story(1));
        Write("chapters-later.md", Story(2));
        Write("broken.txt", "");

        var first = await RunAsync(parallel: 2);
        Write("broken.txt", Story(3));
        var second = await RunAsync(parallel: 2);

        Assert.Multiple(() =>
        {
            Assert.That(first.Manuscripts.Select(m => (m.File, m.Status)), Is.EqualTo(new[]
            {
                ("broken.txt", BatchStatus.Failed), ("chapters-later.md", BatchStatus.Succeeded), ("good.txt", BatchStatus.Succeeded),
            }));
            Assert.That(first.Manuscripts[0].Error, Is.EqualTo("the file is empty"));
            Assert.That(second.Manuscripts.Select(m => (m.File, m.Status)), Is.EqualTo(new[]
            {
                ("broken.txt", BatchStatus.Succeeded), ("chapters-later.md", BatchStatus.SkippedAlreadyDone), ("good.txt", BatchStatus.SkippedAlreadyDone),
            }));
            Assert.That(second.Manuscripts.Skip(1).Select(m => m.SessionId), Is.EqualTo(first.Manuscripts.Skip(1).Select(m => m.SessionId)),
                "the same sessions are reused");
            Assert.That(second.Manuscripts.Skip(1).Select(m => m.Quality), Is.EqualTo(first.Manuscripts.Skip(1).Select(m => m.Quality)));
            Assert.That(Directory.GetDirectories(Path.Combine(Data, "sessions")), Has.Length.EqualTo(3), "nothing finished is analysed twice");
            Assert.That(second.WordsAnalysed, Is.EqualTo(second.Manuscripts[0].Words));
        });
    }

    [Test]
    public async Task Cancelling_stops_handing_out_manuscripts_and_the_next_run_finishes_the_rest()
    {
        for (int i = 1; i <= 4; i++) Write($"story-{i}.txt", Story(i));
        using var cts = new CancellationTokenSource();
        var progress = new Recorder(onFirstFinished: cts.Cancel);

        var stopped = await RunAsync(parallel: 1, progress, cts.Token);
        var finished = await RunAsync(parallel: 1);

        Assert.Multiple(() =>
        {
            Assert.That(stopped.Manuscripts.Select(m => m.Status), Is.EqualTo(new[]
            {
                BatchStatus.Succeeded, BatchStatus.NotStarted, BatchStatus.NotStarted, BatchStatus.NotStarted,
            }));
            Assert.That(stopped.Interrupted, Is.True);
            Assert.That(finished.Manuscripts.Select(m => m.Status), Is.EqualTo(new[]
            {
                BatchStatus.SkippedAlreadyDone, BatchStatus.Succeeded, BatchStatus.Succeeded, BatchStatus.Succeeded,
            }));
        });
    }

    [Test]
    public async Task A_windows_1252_file_is_read_and_noted()
    {
        File.WriteAllBytes(Path.Combine(Input, "legacy.txt"), [.. Encoding.ASCII.GetBytes("Chapter 1\n\nThe caf"), 0xE9, .. Encoding.ASCII.GetBytes(" was closed. She went home.\n")]);

        var summary = await RunAsync(parallel: 1);

        Assert.That(summary.Manuscripts[0].Status, Is.EqualTo(BatchStatus.Succeeded));
        Assert.That(summary.Manuscripts[0].EncodingNote, Is.EqualTo("windows-1252 (not valid UTF-8)"));
    }

    private sealed class Recorder(Action onFirstFinished) : IBatchProgress
    {
        private readonly Lock _gate = new();
        private int _inFlight, _finished;

        public int MaxInFlight { get; private set; }

        public void Started(BatchItem item)
        {
            lock (_gate) MaxInFlight = Math.Max(MaxInFlight, ++_inFlight);
        }

        public void Finished(BatchItem item, BatchResult result)
        {
            bool first;
            lock (_gate)
            {
                _inFlight--;
                first = ++_finished == 1;
            }
            if (first) onFirstFinished();
        }
    }
}
