using System.Diagnostics;
using System.Text.Json;
using Json.Schema;
using Microsoft.Extensions.AI;
using Orchestrator.Llm.Llama;
using Orchestrator.Llm.Models;

namespace Orchestrator.Llm.Tests;

/// <summary>Real generation on the real test models, through the node's IChatClient.</summary>
public class LlamaModelsTests
{
    private const string Story = "Once upon a time, there was a little girl named Lily.";

    [TestCase(TestModels.Stories)]
    [TestCase(TestModels.TinyRandom)]
    public async Task Generates_text_with_exact_token_counts(string model)
    {
        await using var models = TestModels.Host(model);
        using var lease = await models.OpenAsync(null, 1, CancellationToken.None);
        var response = await lease.Chat.GetResponseAsync([new ChatMessage(ChatRole.User, Story)],
            new ChatOptions { MaxOutputTokens = 12, Temperature = 0 });
        Assert.Multiple(() =>
        {
            Assert.That(response.Usage!.InputTokenCount, Is.EqualTo(lease.CountTokens(Story)));
            Assert.That(response.Usage!.OutputTokenCount, Is.InRange(1, 12));
            Assert.That(response.Text, Is.Not.Empty);
            Assert.That(models.Loads, Is.EqualTo(1));
        });
        if (response.Usage!.OutputTokenCount == 12) Assert.That(response.FinishReason, Is.EqualTo(ChatFinishReason.Length));
    }

    [Test]
    public async Task The_same_seed_gives_the_same_output()
    {
        var options = new ChatOptions { MaxOutputTokens = 24, Temperature = 0.9f, Seed = 1234 };
        string first, second, other;
        await using (var models = TestModels.Host(TestModels.Stories))
        using (var lease = await models.OpenAsync(null, 1, CancellationToken.None))
        {
            first = (await lease.Chat.GetResponseAsync([new ChatMessage(ChatRole.User, Story)], options)).Text;
            other = (await lease.Chat.GetResponseAsync([new ChatMessage(ChatRole.User, Story)], new ChatOptions { MaxOutputTokens = 24, Temperature = 0.9f, Seed = 99 })).Text;
        }
        // A fresh process-level host: nothing carried over but the file.
        await using (var models = TestModels.Host(TestModels.Stories))
        using (var lease = await models.OpenAsync(null, 1, CancellationToken.None))
            second = (await lease.Chat.GetResponseAsync([new ChatMessage(ChatRole.User, Story)], options)).Text;
        Assert.That(second, Is.EqualTo(first));
        Assert.That(other, Is.Not.EqualTo(first), "a different seed at temperature 0.9 should sample differently");
    }

    [Test]
    public async Task Json_output_is_constrained_by_the_schema_grammar()
    {
        const string schemaText = """
            {"type":"object","properties":{
              "name":{"type":"string","maxLength":16},
              "age":{"type":"integer"},
              "happy":{"type":"boolean"},
              "friends":{"type":"array","items":{"type":"string","maxLength":10},"maxItems":2},
              "score":{"type":"number","minimum":0,"maximum":1}},
             "required":["name","age","happy","friends","score"]}
            """;
        await using var models = TestModels.Host(TestModels.Stories);
        using var lease = await models.OpenAsync(null, 1, CancellationToken.None);
        var response = await lease.Chat.GetResponseAsync([new ChatMessage(ChatRole.User, Story + " Her facts as JSON:")],
            new ChatOptions { MaxOutputTokens = 200, Temperature = 0, ResponseFormat = ChatResponseFormat.ForJsonSchema(JsonDocument.Parse(schemaText).RootElement) });
        using var json = JsonDocument.Parse(response.Text);
        var result = JsonSchema.FromText(schemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() }).Evaluate(json.RootElement);
        Assert.That(result.IsValid, Is.True, response.Text);
        Assert.That(response.FinishReason, Is.EqualTo(ChatFinishReason.Stop), "the grammar ends the JSON before maxTokens");
    }

    [Test]
    public async Task Stop_sequences_end_the_text_before_them()
    {
        await using var models = TestModels.Host(TestModels.Stories);
        using var lease = await models.OpenAsync(null, 1, CancellationToken.None);
        var free = (await lease.Chat.GetResponseAsync([new ChatMessage(ChatRole.User, Story)], new ChatOptions { MaxOutputTokens = 40, Temperature = 0 })).Text;
        var dot = free.IndexOf('.', StringComparison.Ordinal);
        Assume.That(dot, Is.GreaterThan(0), "the model writes a sentence end within 40 tokens: " + free);
        var stopped = await lease.Chat.GetResponseAsync([new ChatMessage(ChatRole.User, Story)], new ChatOptions { MaxOutputTokens = 40, Temperature = 0, StopSequences = ["."] });
        Assert.That(stopped.Text, Is.EqualTo(free[..dot]));
        Assert.That(stopped.FinishReason, Is.EqualTo(ChatFinishReason.Stop));
    }

    [Test]
    public async Task Cancellation_stops_generation_within_100_ms()
    {
        await using var models = TestModels.Host(TestModels.Stories, contextSize: 2048);
        using var lease = await models.OpenAsync(null, 1, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var updates = 0;
        long cancelledAt = 0;
        var stream = lease.Chat.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, Story)],
            new ChatOptions { MaxOutputTokens = 1900, Temperature = 0 }, cancel.Token);
        var error = Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in stream)
            {
                if (++updates == 3)
                {
                    cancelledAt = Stopwatch.GetTimestamp();
                    await cancel.CancelAsync();
                }
            }
        });
        var stoppedAfter = Stopwatch.GetElapsedTime(cancelledAt);
        Assert.That(error, Is.Not.Null);
        Assert.That(updates, Is.LessThan(20), "generation went on after the cancel");
        Assert.That(stoppedAfter, Is.LessThan(TimeSpan.FromMilliseconds(100)));
    }

    [Test]
    public async Task Four_concurrent_users_share_one_load_and_four_contexts()
    {
        await using var models = TestModels.Host(TestModels.Stories);
        var leases = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => models.OpenAsync(null, 4, CancellationToken.None)));
        try
        {
            var responses = await Task.WhenAll(leases.Select((l, i) => l.Chat.GetResponseAsync(
                [new ChatMessage(ChatRole.User, Story + $" Chapter {i + 1}.")], new ChatOptions { MaxOutputTokens = 16, Temperature = 0 })));
            Assert.Multiple(() =>
            {
                Assert.That(models.Loads, Is.EqualTo(1));
                Assert.That(models.PeakContextsInUse(TestModels.PathOf(TestModels.Stories)), Is.InRange(1, 4));
                Assert.That(responses.All(r => r.Usage!.OutputTokenCount > 0), Is.True);
            });
        }
        finally
        {
            foreach (var lease in leases) lease.Dispose();
        }
    }

    [Test]
    public async Task An_idle_model_is_unloaded_and_loads_again_on_next_use()
    {
        await using var models = new LlamaModels(new ModelCatalog([TestModels.Settings(TestModels.Stories)]), idleUnload: TimeSpan.FromMilliseconds(50));
        using (await models.OpenAsync(null, 1, CancellationToken.None)) { }
        await Task.Delay(400);
        using (await models.OpenAsync(null, 1, CancellationToken.None)) { }
        Assert.That(models.Loads, Is.EqualTo(2));
    }

    [Test]
    public void A_context_too_large_for_memory_is_refused_before_loading()
    {
        var settings = TestModels.Settings(TestModels.Stories) with { ContextSize = 1 << 20 };
        var models = new LlamaModels(new ModelCatalog([settings]), availableMemory: () => 512L << 20);
        var error = Assert.Throws<ModelFileException>(() => models.Describe(null))!;
        Assert.That(error.Message, Does.Contain(settings.Path).And.Contain("1,048,576 tokens").And.Contain("lower contextSize"));
        Assert.ThrowsAsync<ModelFileException>(() => models.OpenAsync(null, 1, CancellationToken.None));
        Assert.That(models.Loads, Is.Zero);
    }

    [Test]
    public void The_pool_gets_only_the_contexts_memory_allows()
    {
        var settings = TestModels.Settings(TestModels.Stories);
        var facts = GgufReader.Read(settings.Path);
        var perContext = ModelMemory.PerContext(facts, settings.ContextSize, settings.BatchSize);
        var available = ModelMemory.Weights(facts) + 2 * perContext + perContext / 2;
        Assert.That(ModelMemory.ContextsThatFit(settings, facts, 8, available), Is.EqualTo(2));
        Assert.That(ModelMemory.ContextsThatFit(settings, facts, 1, available), Is.EqualTo(1));
    }
}
