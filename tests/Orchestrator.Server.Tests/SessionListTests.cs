using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Requirements;

namespace Orchestrator.Server.Tests;

/// <summary>The session list comes from the store's session index (and the server's submissions), not from every session.json.</summary>
[TestFixture]
public sealed class SessionListTests
{
    [Test]
    public async Task A_session_run_outside_the_server_is_listed_from_the_index_and_a_missing_index_is_rebuilt()
    {
        var options = ServerHost.NewOptions();
        var outside = await RunOutsideAsync(options.DataDirectory);
        await using var server = await ServerHost.StartAsync(options);
        var posted = await SessionsApiTests.PostAsync(server, ServerHost.Sample, "?genre=fantasy");
        await server.WaitUntilStoppedAsync(posted);

        var list = await server.GetJsonAsync("/api/sessions");
        var items = list.GetProperty("items").EnumerateArray().ToArray();
        Assert.That(items.Select(i => i.GetProperty("id").GetString()), Is.EqualTo(new[] { posted, outside }), "newest first");
        var listed = items[1];
        Assert.That(listed.GetProperty("status").GetString(), Is.EqualTo("Completed"));
        Assert.That(listed.GetProperty("pipeline").GetString(), Is.EqualTo("novel"));
        Assert.That(listed.GetProperty("quality").GetDouble(), Is.InRange(0.01, 1.0));

        var index = Path.Combine(options.DataDirectory, "sessions" + ".index");
        Assert.That(Directory.Exists(index), Is.True, "the store keeps its index beside the sessions");
        Directory.Delete(index, recursive: true);
        var rebuilt = await server.GetJsonAsync("/api/sessions?status=completed");
        Assert.That(rebuilt.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()), Is.EquivalentTo(new[] { posted, outside }));
        Assert.That(Directory.Exists(index), Is.True, "rebuilt from the sessions");
    }

    /// <summary>A session the way <c>orchestrator run</c> makes one, in the server's data folder.</summary>
    private static async Task<string> RunOutsideAsync(string data)
    {
        var registry = NovelNodeTypes.CreateRegistry();
        var pipeline = PipelineLoader.Load(Path.Combine(ServerHost.RepoRoot, "pipelines", "novel.json"), registry);
        await using var coordinator = new NovelCoordinator(new CoordinatorOptions
        {
            Pipeline = pipeline, Registry = registry, Store = SessionStore.ForDataFolder(data),
            Rules = Manuscripts.Rules.NovelRules.Compile(pipeline, Path.Combine(data, "rules-cache")),
        });
        var analysis = await coordinator.ProcessManuscriptAsync(ServerHost.Sample, new ManuscriptRequirements { Genre = "literary" }, CancellationToken.None);
        return analysis.SessionId;
    }
}
