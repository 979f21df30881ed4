using System.Text.Json;
using Orchestrator.Cli.Tests;
using Orchestrator.Llm.Generation;

namespace Orchestrator.Llm.Tests;

/// <summary>The `orchestrator` executable with llm pipelines: exit codes for bad models, and kill -9 mid-generation.</summary>
public class LlmCliTests
{
    // Structure and one chapter-scoped llm node, one chapter at a time, so a kill lands between chapters.
    private const string Pipeline = """
        {
          "name": "llm-test", "version": 1,
          "settings": { "maxIterations": 1, "actionTimeout": "00:10:00" },
          "nodes": [
            { "id": "structure", "type": "structure" },
            { "id": "summaries", "type": "llm", "dependsOn": ["structure"], "parallelism": 1, "weight": 0,
              "options": { "prompt": "prompts/summary.txt", "scope": "chapter", "maxTokens": 48 } }
          ]
        }
        """;

    private CliProcess _cli = null!;
    private string _pipeline = "";

    [SetUp]
    public void SetUp()
    {
        _cli = new CliProcess();
        Directory.CreateDirectory(Path.Combine(_cli.WorkDir, "prompts"));
        _cli.Write(Path.Combine("prompts", "summary.txt"), "Chapter {{chapter.number}}: {{chapter.title}} {{chapter.part}}\n{{chapter.text}}\nSummary:");
        _pipeline = _cli.Write("llm-test.json", Pipeline);
    }

    [TearDown]
    public void TearDown() => _cli.Dispose();

    [Test]
    public async Task Validate_accepts_a_good_model()
    {
        var result = await _cli.RunAsync("validate", _pipeline, "--model", TestModels.PathOf(TestModels.Stories));
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    [Test]
    public async Task A_missing_model_ends_validate_and_run_with_exit_2_naming_it_and_no_session()
    {
        var missing = Path.Combine(_cli.WorkDir, "models", "absent.gguf");
        var validate = await _cli.RunAsync("validate", _pipeline, "--model", missing);
        var run = await _cli.RunAsync("run", CliProcess.Sample, "--pipeline", _pipeline, "--model", missing);
        Assert.Multiple(() =>
        {
            Assert.That(validate.ExitCode, Is.EqualTo(2), validate.ToString());
            Assert.That(validate.Stderr, Does.Contain($"error: node 'summaries': model file '{missing}': does not exist"));
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Stderr, Does.Contain(missing).And.Not.Contain("   at "));
            Assert.That(Directory.Exists(Path.Combine(_cli.DataDir, "sessions")) && Directory.EnumerateDirectories(Path.Combine(_cli.DataDir, "sessions")).Any(), Is.False);
        });
    }

    [Test]
    public async Task Without_any_model_the_message_says_how_to_give_one()
    {
        var run = await _cli.RunAsync("run", CliProcess.Sample, "--pipeline", _pipeline);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Contain("pass --model PATH"));
    }

    [Test]
    public async Task A_file_that_is_not_GGUF_ends_with_exit_2_naming_it()
    {
        var fake = _cli.Write("model.gguf", "{\"not\": \"a model\"}");
        var run = await _cli.RunAsync("run", CliProcess.Sample, "--pipeline", _pipeline, "--model", fake);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Contain($"model file '{fake}': is not a GGUF model"));
    }

    [Test]
    public async Task A_truncated_GGUF_ends_with_exit_2_naming_it()
    {
        var bytes = await File.ReadAllBytesAsync(TestModels.PathOf(TestModels.Stories));
        var cut = _cli.Write("cut.gguf", bytes[..(bytes.Length * 3 / 4)]);
        var validate = await _cli.RunAsync("validate", _pipeline, "--model", cut);
        Assert.That(validate.ExitCode, Is.EqualTo(2), validate.ToString());
        Assert.That(validate.Stderr, Does.Contain($"model file '{cut}': is truncated"));
    }

    [Test]
    public async Task A_context_too_large_for_memory_is_refused_before_loading()
    {
        _cli.Write("orchestrator.json", $$"""
            { "llm": { "models": { "huge": { "path": {{JsonSerializer.Serialize(TestModels.PathOf(TestModels.Stories))}}, "contextSize": 2000000000 } } } }
            """);
        var run = await _cli.RunAsync("run", CliProcess.Sample, "--pipeline", _pipeline);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Contain("2,000,000,000 tokens").And.Contain("lower contextSize for model 'huge'"));
    }

    [Test]
    public async Task Killed_mid_generation_the_same_command_reuses_every_finished_chapter()
    {
        var model = TestModels.PathOf(TestModels.Stories);
        var cacheFolder = FileGenerationCache.FolderIn(_cli.DataDir);
        string[] args = ["run", CliProcess.Sample, "--pipeline", _pipeline, "--model", model, "--out", Path.Combine(_cli.WorkDir, "out")];

        Dictionary<string, DateTime> before;
        using (var run = _cli.Start(args))
        {
            while (CacheEntries(cacheFolder).Count == 0)
            {
                Assert.That(run.Process.HasExited, Is.False, "the run ended before its first generation was cached");
                await Task.Delay(5);
            }
            run.Process.Kill(entireProcessTree: true); // SIGKILL: no checkpoint, no cleanup
            await run.Process.WaitForExitAsync();
            before = CacheEntries(cacheFolder);
        }
        Assume.That(before, Has.Count.InRange(1, 4), "the kill landed after the last chapter");

        var rerun = await _cli.RunAsync(args);
        Assert.That(rerun.ExitCode, Is.Zero, rerun.ToString());
        var after = CacheEntries(cacheFolder);
        var metrics = SummariesMetrics(Path.Combine(_cli.WorkDir, "out", "report.json"));
        var newTokens = 0;
        foreach (var (path, _) in after.Where(e => !before.ContainsKey(e.Key)))
            newTokens += JsonSerializer.Deserialize<Generation.Generation>(File.ReadAllText(path))!.GeneratedTokens;
        Assert.Multiple(() =>
        {
            Assert.That(after, Has.Count.EqualTo(5));
            foreach (var (path, written) in before) Assert.That(after[path], Is.EqualTo(written), $"{path} was written again");
            Assert.That(metrics.GetProperty("cachedGenerations").GetDouble(), Is.EqualTo(before.Count));
            Assert.That(metrics.GetProperty("generations").GetDouble(), Is.EqualTo(5 - before.Count));
            Assert.That(metrics.GetProperty("generatedTokens").GetDouble(), Is.EqualTo(newTokens));
        });
    }

    private static Dictionary<string, DateTime> CacheEntries(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
                .Where(p => !new FileGenerationCache(folder).IsPlan(p)).ToDictionary(p => p, File.GetLastWriteTimeUtc)
            : [];

    private static JsonElement SummariesMetrics(string report)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        foreach (var node in json.RootElement.GetProperty("nodes").EnumerateArray())
            if (node.GetProperty("id").GetString() == "summaries") return node.GetProperty("metrics").Clone();
        throw new AssertionException("no summaries node in " + report);
    }
}
