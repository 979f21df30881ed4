using System.Text.Json;
using Json.Schema;
using Orchestrator.Cli.Tests;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Llm.Llama;
using Orchestrator.Llm.Node;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Llm.Tests;

/// <summary>The llm node on the sample manuscript (five chapters) with the real stories260K model.</summary>
public class LlmNodeTests
{
    private const string SummaryPrompt = "Chapter {{chapter.number}} of {{book.title}} {{chapter.part}}\n{{chapter.text}}\nSummary:";

    private string _scratch = "";
    private ManuscriptDocument _sample = null!;

    [SetUp]
    public async Task SetUp()
    {
        _scratch = Directory.CreateTempSubdirectory("llm-node-").FullName;
        _sample = await ManuscriptLoader.LoadAsync(CliProcess.Sample, CancellationToken.None);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public async Task Chapter_scope_fans_out_within_the_parallelism_and_gathers_in_order()
    {
        await using var models = TestModels.Host(TestModels.Stories);
        var cache = new RecordingCache(Path.Combine(_scratch, "cache"));
        var result = await RunAsync(Node(models, cache, $$"""{"prompt":{{Json(SummaryPrompt)}},"scope":"chapter","maxTokens":8}""", parallelism: 2));

        Assert.Multiple(() =>
        {
            Assert.That(_sample.Chapters, Has.Count.EqualTo(5));
            Assert.That(result.Metrics[LlmMetrics.Chapters], Is.EqualTo(5));
            Assert.That(result.Metrics[LlmMetrics.Generations], Is.EqualTo(5));
            Assert.That(result.Metrics[LlmMetrics.CachedGenerations], Is.Zero);
            Assert.That(result.Metrics[LlmMetrics.GeneratedTokens], Is.InRange(5, 40).And.EqualTo(result.Series[LlmMetrics.GeneratedTokens].Sum()));
            Assert.That(result.Metrics[LlmMetrics.PromptTokens], Is.GreaterThan(5 * 50));
            Assert.That(result.Metrics[LlmMetrics.TokensPerSecond], Is.GreaterThan(0));
            Assert.That(result.Labels[LlmMetrics.ChapterLabels], Is.EqualTo(_sample.Chapters.Select(c => c.Heading).ToArray()));
            Assert.That(result.Findings.Count(f => f.Rule == LlmNode.OutputRule), Is.EqualTo(5));
            Assert.That(result.Findings.Where(f => f.Rule == LlmNode.OutputRule).Select(f => f.Location!.Chapter), Is.EqualTo(new int?[] { 1, 2, 3, 4, 5 }));
            Assert.That(cache.Puts, Is.EqualTo(5));
            Assert.That(models.Loads, Is.EqualTo(1));
            Assert.That(models.PeakContextsInUse(TestModels.PathOf(TestModels.Stories)), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_rerun_takes_every_generation_from_the_cache_and_gives_the_same_result()
    {
        var options = $$"""{"prompt":{{Json(SummaryPrompt)}},"scope":"chapter","maxTokens":8,"seed":3}""";
        NodeResult first;
        await using (var models = TestModels.Host(TestModels.Stories))
            first = await RunAsync(Node(models, new RecordingCache(Path.Combine(_scratch, "cache")), options));
        var cache = new RecordingCache(Path.Combine(_scratch, "cache"));
        await using var again = TestModels.Host(TestModels.Stories);
        var second = await RunAsync(Node(again, cache, options));
        Assert.Multiple(() =>
        {
            Assert.That(again.Loads, Is.Zero, "everything was cached: the model is not loaded");
            Assert.That(second.Metrics[LlmMetrics.GeneratedTokens], Is.Zero);
            Assert.That(second.Metrics[LlmMetrics.Generations], Is.Zero);
            Assert.That(second.Metrics[LlmMetrics.CachedGenerations], Is.EqualTo(5));
            Assert.That(second.Metrics[LlmMetrics.CachedTokens], Is.EqualTo(first.Metrics[LlmMetrics.GeneratedTokens]));
            Assert.That(second.Labels[LlmMetrics.OutputLabels], Is.EqualTo(first.Labels[LlmMetrics.OutputLabels]));
            Assert.That(second.Summary, Is.EqualTo(first.Summary));
            Assert.That(cache.Puts, Is.Zero);
        });
    }

    [Test]
    public async Task Temperature_zero_gives_the_same_output_without_the_cache()
    {
        var options = $$"""{"prompt":{{Json(SummaryPrompt)}},"scope":"chapter","maxTokens":8}""";
        await using var models = TestModels.Host(TestModels.Stories);
        var first = await RunAsync(Node(models, new RecordingCache(Path.Combine(_scratch, "a")), options));
        var second = await RunAsync(Node(models, new RecordingCache(Path.Combine(_scratch, "b")), options));
        Assert.That(second.Metrics[LlmMetrics.Generations], Is.EqualTo(5));
        Assert.That(second.Labels[LlmMetrics.OutputLabels], Is.EqualTo(first.Labels[LlmMetrics.OutputLabels]));
    }

    [Test]
    public async Task A_timeout_mid_node_keeps_the_chapters_done_and_the_next_run_generates_only_the_rest()
    {
        var options = $$"""{"prompt":{{Json(SummaryPrompt)}},"scope":"chapter","maxTokens":8}""";
        await using var models = TestModels.Host(TestModels.Stories);
        using var timeout = new CancellationTokenSource();
        var cache = new RecordingCache(Path.Combine(_scratch, "cache")) { CancelAfter = (2, timeout) };
        Assert.CatchAsync<OperationCanceledException>(() => RunAsync(Node(models, cache, options), timeout.Token));
        var kept = cache.Files.Count;
        Assert.That(kept, Is.InRange(2, 4));

        var rerun = await RunAsync(Node(models, new RecordingCache(Path.Combine(_scratch, "cache")), options));
        Assert.That(rerun.Metrics[LlmMetrics.CachedGenerations], Is.EqualTo(kept));
        Assert.That(rerun.Metrics[LlmMetrics.Generations], Is.EqualTo(5 - kept));
    }

    [Test]
    public async Task An_over_long_chapter_is_split_on_paragraphs_and_the_parts_combined()
    {
        await using var models = TestModels.Host(TestModels.Stories, contextSize: 384);
        var result = await RunAsync(Node(models, new RecordingCache(Path.Combine(_scratch, "cache")),
            $$"""{"prompt":{{Json(SummaryPrompt)}},"scope":"chapter","maxTokens":8}"""));
        Assert.Multiple(() =>
        {
            Assert.That(result.Metrics[LlmMetrics.Chapters], Is.EqualTo(5));
            Assert.That(result.Metrics[LlmMetrics.Parts], Is.GreaterThan(10));
            Assert.That(result.Metrics[LlmMetrics.Generations], Is.EqualTo(result.Metrics[LlmMetrics.Parts]));
            Assert.That(result.Metrics[LlmMetrics.InvalidOutputs], Is.Zero);
            Assert.That(result.Labels[LlmMetrics.OutputLabels].All(o => o.Contains("\n\n", StringComparison.Ordinal) || o.Length > 0), Is.True);
        });
    }

    [Test]
    public async Task A_prompt_that_cannot_fit_one_paragraph_says_so()
    {
        var path = Path.Combine(_scratch, "one-paragraph.txt");
        await File.WriteAllTextAsync(path, "Chapter 1\n\n" + string.Join(" ", Enumerable.Repeat("The sea was grey and the lamp was lit.", 60)) + "\n");
        var document = await ManuscriptLoader.LoadAsync(path, CancellationToken.None);
        await using var models = TestModels.Host(TestModels.Stories, contextSize: 256);
        var node = Node(models, new RecordingCache(Path.Combine(_scratch, "cache")), $$"""{"prompt":{{Json(SummaryPrompt)}},"scope":"chapter","maxTokens":16}""");
        var error = Assert.ThrowsAsync<InvalidNodeInputException>(() => RunAsync(node, CancellationToken.None, document))!;
        Assert.That(error.Message, Does.Contain("with paragraph 1 of chapter 1 alone needs").And.Contain("only 240 fit"));
    }

    [Test]
    public async Task Json_output_follows_its_schema_for_every_chapter()
    {
        const string schema = """{"type":"object","properties":{"people":{"type":"array","items":{"type":"string","maxLength":12},"maxItems":2},"mood":{"type":"string","enum":["calm","tense","sad"]}}}""";
        await using var models = TestModels.Host(TestModels.Stories);
        var result = await RunAsync(Node(models, new RecordingCache(Path.Combine(_scratch, "cache")),
            $$"""{"prompt":{{Json("{{chapter.text}}\nFacts as JSON:")}},"scope":"chapter","maxTokens":64,"output":"json","schema":{{schema}}}"""));
        var compiled = JsonSchema.FromText(schema, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        Assert.That(result.Metrics[LlmMetrics.InvalidOutputs], Is.Zero);
        foreach (var output in result.Labels[LlmMetrics.OutputLabels])
        {
            using var json = JsonDocument.Parse(output);
            Assert.That(compiled.Evaluate(json.RootElement).IsValid, Is.True, output);
        }
        Assert.That(result.Score, Is.EqualTo(1));
    }

    [Test]
    public async Task The_input_stamp_follows_the_model_file_and_the_template_file()
    {
        var template = Path.Combine(_scratch, "summary.txt");
        await File.WriteAllTextAsync(template, SummaryPrompt);
        var options = """{"prompt":"summary.txt","scope":"chapter"}""";
        await using var stories = TestModels.Host(TestModels.Stories);
        await using var random = TestModels.Host(TestModels.TinyRandom);
        var cache = new RecordingCache(Path.Combine(_scratch, "cache"));
        var before = Node(stories, cache, options).InputStamp;
        Assert.That(Node(stories, cache, options).InputStamp, Is.EqualTo(before));
        Assert.That(Node(random, cache, options).InputStamp, Is.Not.EqualTo(before));
        await File.WriteAllTextAsync(template, SummaryPrompt + "\nIn one sentence:");
        Assert.That(Node(stories, cache, options).InputStamp, Is.Not.EqualTo(before));
    }

    private LlmNode Node(LlamaModels models, RecordingCache cache, string options, int parallelism = 1) =>
        new(new NodeDefinition
        {
            Id = "summaries", Type = LlmNode.TypeName, Parallelism = parallelism,
            Options = new NodeOptions(JsonDocument.Parse(options).RootElement),
        }, new LlmServices(models, cache, _scratch));

    private Task<NodeResult> RunAsync(LlmNode node, CancellationToken cancellationToken = default, ManuscriptDocument? document = null) =>
        node.RunAsync(new NodeContext
        {
            SessionId = "test", Iteration = 1, Attempt = 1, Subject = document ?? _sample,
            Requirements = new ManuscriptRequirements { Genre = "literary" },
            Upstream = new Dictionary<string, NodeResult>(),
        }, cancellationToken);

    private static string Json(string text) => JsonSerializer.Serialize(text);
}
