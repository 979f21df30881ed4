using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Cluster.Grains;
using Orchestrator.Cluster.Silo;
using Orchestrator.Engine.Sessions;
using Orchestrator.Manuscripts.Reports;
using Orchestrator.Manuscripts.Tests;
using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;

namespace Orchestrator.Cluster.Tests.Grains;

/// <summary>
/// Session grains in an in-process cluster of two silos (Microsoft.Orleans.TestingHost) on a real redis-server: a
/// session runs and its report is in the store; a silo that stops hands its sessions to the other through the
/// reminder, and they finish there.
/// </summary>
[TestFixture]
public sealed class SessionGrainTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private RedisServer _redis = null!;
    private TestCluster _cluster = null!;
    private string _data = null!;
    private string _clusterId = null!;

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        _redis = await RedisServer.StartAsync();
        _data = Directory.CreateTempSubdirectory("cluster-grains-").FullName;
        var builder = TestSilo.Builder(2, _redis, _data, Path.Combine(RepoRoot(), "pipelines"));
        _clusterId = builder.Options.ClusterId;
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
    public async Task A_submitted_session_runs_and_its_report_is_in_the_store_for_every_silo()
    {
        var id = SessionId.New("novel", DateTimeOffset.UtcNow);
        var grain = _cluster.GrainFactory.GetGrain<ISessionGrain>(id);

        var first = await grain.SubmitAsync(Order("alice.txt"), new Immutable<byte[]>(await File.ReadAllBytesAsync(Corpus.PathOf(Corpus.Alice))));
        var again = await grain.SubmitAsync(Order("other.txt"), new Immutable<byte[]>("ignored"u8.ToArray()));
        var done = await WaitForEndAsync(id);

        Assert.That(first.Status, Is.AnyOf(ClusterSessionView.Queued, ClusterSessionView.Running));
        Assert.That(again.FileName, Is.EqualTo("alice.txt"), "a second submit of the id changes nothing");
        Assert.That((done.Status, done.Runs, done.Error), Is.EqualTo((nameof(SessionStatus.Completed), 1, (string?)null)));
        var store = Store();
        var state = (await store.LoadStateAsync(id, CancellationToken.None)).State;
        Assert.That(state.Nodes.All(n => n.Status == Engine.State.NodeRunStatus.Succeeded), Is.True);
        var report = JsonDocument.Parse(store.ReadAttachment(id, ReportFiles.JsonName)!);
        Assert.That(report.RootElement.GetProperty("manuscript").GetProperty("title").GetString(), Does.Contain("Alice"));
        Assert.That(store.ReadAttachment(id, ReportFiles.HtmlName), Is.Not.Null.And.Not.Empty);
        Assert.That(store.IsHeld(id), Is.False, "the finished run released its lease");
        Assert.That(await store.ReadInputAsync(id, CancellationToken.None), Is.EqualTo(await File.ReadAllBytesAsync(Corpus.PathOf(Corpus.Alice))));
        Assert.That(await store.ReadUploadAsync(id), Is.Null, "the posted copy is dropped once the session ended: its input copy serves a resume");
    }

    [Test, Order(2)]
    public async Task Sessions_of_a_silo_that_stops_resume_and_finish_on_the_other_silo()
    {
        var leaving = (InProcessSiloHandle)_cluster.Silos[1];
        var staying = _cluster.Silos.Single(s => s != leaving);
        // Posted to the silo that will stop: one runs there (one run slot), the others wait for the slot.
        var grains = leaving.SiloHost.Services.GetRequiredService<IGrainFactory>();
        var books = new[] { Corpus.MobyDick, Corpus.Frankenstein, Corpus.PrideAndPrejudice };
        var ids = new List<string>();
        foreach (var book in books)
        {
            var id = SessionId.New("novel", DateTimeOffset.UtcNow);
            ids.Add(id);
            // Placement would spread them over both silos (PlacementTests); the hint keeps them on the one that stops.
            RequestContext.Set(IPlacementDirector.PlacementHintKey, leaving.SiloAddress);
            ClusterSessionView view;
            try
            {
                view = await grains.GetGrain<ISessionGrain>(id).SubmitAsync(Order(book),
                    new Immutable<byte[]>(await File.ReadAllBytesAsync(Corpus.PathOf(book))));
            }
            finally
            {
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            }
            Assert.That(view.Silo, Is.EqualTo(leaving.SiloAddress.ToString()), "a session runs on the silo its placement hint names");
        }
        var before = await Task.WhenAll(ids.Select(id => _cluster.GrainFactory.GetGrain<ISessionGrain>(id).GetAsync()));
        var cut = before.Where(v => v.Status != nameof(SessionStatus.Completed)).Select(v => v.Id).ToArray();
        Assert.That(cut, Has.Length.GreaterThanOrEqualTo(2), "with one run slot, at least two sessions were still waiting when the silo stopped");

        await _cluster.StopSiloAsync(leaving);
        var after = await Task.WhenAll(ids.Select(WaitForEndAsync));

        Assert.That(after.Select(v => v.Status), Is.All.EqualTo(nameof(SessionStatus.Completed)));
        foreach (var view in after.Where(v => cut.Contains(v.Id)))
        {
            Assert.That(view.Silo, Is.EqualTo(staying.SiloAddress.ToString()), $"{view.FileName} finished on the silo that stayed");
            Assert.That(view.Runs, Is.EqualTo(2), $"{view.FileName}: one run cut by the stop, one that finished");
        }
        var store = Store();
        foreach (var id in ids)
            Assert.That(store.ReadAttachment(id, ReportFiles.JsonName), Is.Not.Null, $"{id} has its report");
    }

    private Orchestrator.Cluster.Store.RedisSessionStore Store() => new(_redis.Connection, _clusterId);

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

    private static SessionOrder Order(string fileName) => new()
    {
        Pipeline = "novel", FileName = Path.GetFileName(fileName), RequirementsJson = "{}", PostedAt = DateTimeOffset.UtcNow,
    };

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Orchestrator.Dataflow.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("the repository root (Orchestrator.Dataflow.sln) above the test directory");
    }
}
