using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Cluster.Grains;
using Orchestrator.Cluster.Placement;
using Orchestrator.Cluster.Silo;
using Orchestrator.Engine.Sessions;
using Orchestrator.Manuscripts.Tests;
using Orleans.Concurrency;
using Orleans.TestingHost;

namespace Orchestrator.Cluster.Tests.Grains;

/// <summary>
/// Where session grains go, in an in-process cluster of three silos with two run slots each on a real redis-server:
/// sessions posted through one silo spread over all three by free run slots; sessions of a pipeline with llm nodes go
/// only to the silo that declares a model, the others anywhere; with no such silo an llm session waits, and moves to
/// one as soon as one joins, and runs there (on a real GGUF, the test model of ../shared/models).
/// </summary>
[TestFixture]
public sealed class PlacementTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private const string ModelSilo = "Secondary_2";
    /// <summary>The testing host names a silo started later after the number of silos running, so the one that joins after the model's silo stopped is Secondary_2 again.</summary>
    private static readonly string[] ModelSilos = [ModelSilo, "Secondary_3"];
    private RedisServer _redis = null!;
    private TestCluster _cluster = null!;
    private string _data = null!;
    private string _clusterId = null!;

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        var model = Path.Combine(Path.GetDirectoryName(Corpus.PathOf(Corpus.Alice))!, "..", "models", "stories260K.gguf");
        if (!File.Exists(model)) Assert.Ignore($"no test model at {model} (../shared/models)");
        _redis = await RedisServer.StartAsync();
        _data = Directory.CreateTempSubdirectory("cluster-placement-").FullName;
        var builder = TestSilo.Builder(3, _redis, _data, Pipelines(Path.Combine(_data, "pipelines")));
        _clusterId = builder.Options.ClusterId;
        builder.Properties[TestSilo.MaxRunningProperty] = "2";
        builder.Properties[TestSilo.ModelSilosProperty] = string.Join(',', ModelSilos);
        builder.Properties[TestSilo.ModelProperty] = Path.GetFullPath(model);
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    [OneTimeTearDown]
    public async Task StopCluster()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        if (_data is not null) Directory.Delete(_data, recursive: true);
    }

    [Test, Order(1)]
    public async Task Sessions_posted_through_one_silo_spread_over_all_by_free_run_slots()
    {
        var entry = Silo("Secondary_0");
        await WaitUntilAsync(() => Loads(entry).Table.Count == 3, "silo 0 reading the three silos' loads");
        var grains = entry.SiloHost.Services.GetRequiredService<IGrainFactory>();
        var moby = await File.ReadAllBytesAsync(Corpus.PathOf(Corpus.MobyDick));

        // Six long sessions through one silo, faster than any of them ends: two per silo, one per run slot.
        var views = new List<ClusterSessionView>();
        for (var i = 0; i < 6; i++)
            views.Add(await grains.GetGrain<ISessionGrain>(SessionId.New("novel", DateTimeOffset.UtcNow)).SubmitAsync(Order("novel", "moby.txt"), new Immutable<byte[]>(moby)));
        foreach (var view in views) await _cluster.GrainFactory.GetGrain<ISessionGrain>(view.Id).CancelAsync();

        var bySilo = views.GroupBy(v => v.Silo).ToDictionary(g => g.Key!, g => g.Count());
        TestContext.Out.WriteLine(string.Join(", ", views.Select(v => Name(v.Silo))));
        Assert.That(bySilo.Keys, Is.EquivalentTo(_cluster.Silos.Select(s => s.SiloAddress.ToString())), "every silo took sessions");
        Assert.That(bySilo.Values, Is.All.EqualTo(2), "two each: one per run slot");
    }

    [Test, Order(2)]
    public async Task Llm_sessions_go_only_to_the_silo_with_a_model_while_the_others_go_anywhere()
    {
        var entry = Silo("Secondary_0");
        var model = Silo(ModelSilo);
        await WaitUntilAsync(() => Loads(entry).Table.Values.All(l => l.Sessions.Count == 0), "the cancelled sessions gone from the loads");
        var grains = entry.SiloHost.Services.GetRequiredService<IGrainFactory>();
        var mobyBytes = await File.ReadAllBytesAsync(Corpus.PathOf(Corpus.MobyDick));
        var moby = new Immutable<byte[]>(mobyBytes);
        // The others get Moby-Dick twice: a warm silo ran one Moby-Dick before the six posts were placed, which freed
        // its slot and let the next land beside it (seen once: all three on one silo).
        var longer = new Immutable<byte[]>([.. mobyBytes, .. mobyBytes]);

        // Three of each, alternately, through a silo without a model: the llm ones all on the model's silo (the third
        // waiting for a slot there, though the others have free ones), the others on the free slots left.
        var llm = new List<ClusterSessionView>();
        var plain = new List<ClusterSessionView>();
        for (var i = 0; i < 3; i++)
        {
            llm.Add(await grains.GetGrain<ISessionGrain>(SessionId.New("novel-llm", DateTimeOffset.UtcNow)).SubmitAsync(Order("novel-llm", "moby.txt"), moby));
            plain.Add(await grains.GetGrain<ISessionGrain>(SessionId.New("novel", DateTimeOffset.UtcNow)).SubmitAsync(Order("novel", "moby-twice.txt"), longer));
        }
        foreach (var view in llm.Concat(plain)) await _cluster.GrainFactory.GetGrain<ISessionGrain>(view.Id).CancelAsync();

        TestContext.Out.WriteLine("llm: " + string.Join(", ", llm.Select(v => Name(v.Silo))) + "; novel: " + string.Join(", ", plain.Select(v => Name(v.Silo))));
        Assert.That(llm.Select(v => v.Silo), Is.All.EqualTo(model.SiloAddress.ToString()), "the llm sessions, all on the one silo with a model");
        Assert.That(llm.Select(v => v.Runs), Is.All.EqualTo(1), "each started there (the third waiting for a slot)");
        Assert.That(plain.Select(v => v.Silo), Is.All.Not.EqualTo(model.SiloAddress.ToString()), "the others, on the silos with free slots");
        Assert.That(plain.Select(v => v.Silo).Distinct().Count(), Is.EqualTo(2), "both of them");
    }

    [Test, Order(3)]
    public async Task An_llm_session_with_no_silo_declaring_a_model_waits_and_runs_once_one_joins()
    {
        var model = Silo(ModelSilo);
        await _cluster.StopSiloAsync(model);
        var entry = Silo("Secondary_0");
        var loads = Loads(entry);
        await WaitUntilAsync(() => !loads.AnyWithModel(), "no silo with a model in silo 0's loads");
        var id = SessionId.New("tiny-llm", DateTimeOffset.UtcNow);
        var grains = entry.SiloHost.Services.GetRequiredService<IGrainFactory>();

        var posted = await grains.GetGrain<ISessionGrain>(id).SubmitAsync(Order("tiny-llm", "alice.txt"),
            new Immutable<byte[]>(await File.ReadAllBytesAsync(Corpus.PathOf(Corpus.Alice))));
        // Reminder ticks every second: it keeps waiting, and runs nowhere.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var waiting = await _cluster.GrainFactory.GetGrain<ISessionGrain>(id).GetAsync();
        var joined = (InProcessSiloHandle)await _cluster.StartAdditionalSiloAsync();
        var end = await WaitForEndAsync(id);

        Assert.That((posted.Status, posted.Runs), Is.EqualTo((ClusterSessionView.Queued, 0)), "placed on a silo without a model, it does not start");
        Assert.That((waiting.Status, waiting.Runs), Is.EqualTo((ClusterSessionView.Queued, 0)), "still waiting, not failed, 2.5 s later");
        Assert.That(ModelSilos, Does.Contain(joined.Name), "the test's joining silo is one declaring a model");
        Assert.That((end.Status, end.Runs, end.Silo), Is.EqualTo((nameof(SessionStatus.Completed), 1, joined.SiloAddress.ToString())),
            "it ran once, on the silo with a model that joined");
    }

    /// <summary>The repository's pipelines and <c>tiny-llm</c>: one llm node of a few tokens on an inline prompt, which the test model runs in moments.</summary>
    private static string Pipelines(string folder)
    {
        var repo = Path.Combine(SessionGrainTests.RepoRoot(), "pipelines");
        foreach (var file in Directory.GetFiles(repo, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(folder, Path.GetRelativePath(repo, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        File.WriteAllText(Path.Combine(folder, "tiny-llm.json"), """
            {
              "name": "tiny-llm", "version": 1,
              "settings": { "maxIterations": 1, "maxConcurrentActions": 2, "actionTimeout": "00:01:00", "enableRetries": false },
              "nodes": [
                { "id": "structure", "type": "structure" },
                { "id": "story", "type": "llm", "dependsOn": ["structure"], "weight": 0,
                  "options": { "prompt": "Once upon a time", "scope": "book", "maxTokens": 8, "temperature": 0, "seed": 42 } }
              ]
            }
            """);
        return folder;
    }

    private InProcessSiloHandle Silo(string name) => (InProcessSiloHandle)_cluster.Silos.Single(s => s.Name == name);

    private string? Name(string? address) => _cluster.Silos.FirstOrDefault(s => s.SiloAddress.ToString() == address)?.Name ?? address;

    private static SiloLoads Loads(InProcessSiloHandle silo) => silo.SiloHost.Services.GetRequiredService<SiloLoads>();

    private Orchestrator.Cluster.Store.RedisSessionStore Store() => new(_redis.Connection, _clusterId);

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"no {what} within {Patience.TotalSeconds:F0} s");
            await Task.Delay(50);
        }
    }

    private async Task<ClusterSessionView> WaitForEndAsync(string id)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var view = await _cluster.GrainFactory.GetGrain<ISessionGrain>(id).GetAsync();
            if (view.Status is not (ClusterSessionView.Queued or ClusterSessionView.Running or ClusterSessionView.Interrupted)) return view;
            if (DateTime.UtcNow > deadline) Assert.Fail($"session {id} is still {view.Status} after {Patience.TotalSeconds:F0} s");
            await Task.Delay(200);
        }
    }

    private static SessionOrder Order(string pipeline, string fileName) => new()
    {
        Pipeline = pipeline, FileName = fileName, RequirementsJson = "{}", PostedAt = DateTimeOffset.UtcNow,
    };
}
