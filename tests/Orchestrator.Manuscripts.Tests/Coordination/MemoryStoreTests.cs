using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Sessions;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Requirements;

namespace Orchestrator.Manuscripts.Tests.Coordination;

/// <summary>
/// The coordinator on <see cref="MemorySessionStore"/>: the same sessions as on the file store (created whole, saved
/// after every outcome, found again by the index, resumed, revisions kept), with no file written and nothing in the
/// engine or the coordinator told which store it is.
/// </summary>
[TestFixture]
public sealed class MemoryStoreTests
{
    private const string Pipeline = """
        {
          "name": "memory-test", "version": 1,
          "settings": { "maxIterations": 2, "qualityThreshold": 1.0, "maxConcurrentActions": 2, "actionTimeout": "00:01:00", "enableRetries": false },
          "nodes": [
            { "id": "revise", "type": "revise", "weight": 0.2 },
            { "id": "structure", "type": "structure", "weight": 0.4 },
            { "id": "style", "type": "style", "dependsOn": ["structure"], "weight": 0.4 }
          ]
        }
        """;

    private static readonly ManuscriptRequirements Requirements = new() { Genre = "fantasy", TargetLength = 30_000 };

    private static NovelCoordinator Coordinator(ISessionStore? store) => new(new CoordinatorOptions
    {
        Pipeline = PipelineLoader.Parse(Pipeline, NovelNodeTypes.CreateRegistry()),
        Store = store,
    });

    [Test]
    public async Task Alice_runs_is_found_again_and_resumes_on_the_memory_store_as_in_memory_only()
    {
        var book = Corpus.PathOf(Corpus.Alice);
        var store = new MemorySessionStore();
        await using var coordinator = Coordinator(store);

        var first = await coordinator.ProcessManuscriptAsync(book, Requirements, CancellationToken.None);
        await using var unstored = Coordinator(null);
        var reference = await unstored.ProcessManuscriptAsync(book, Requirements, CancellationToken.None);

        Assert.That(first.Session.Status, Is.EqualTo(SessionStatus.Completed), first.Session.StopReason);
        Assert.That(first.Session.Quality.Overall, Is.EqualTo(reference.Session.Quality.Overall), "the store changes nothing of the analysis");
        Assert.That(first.Revised, Is.True, "the revise node changed the text");
        Assert.That(store.List().Select(s => (s.Id, s.Status)), Is.EqualTo(new[] { (first.SessionId, (SessionStateStatus?)SessionStateStatus.Completed) }));
        Assert.That(store.Saves, Is.GreaterThanOrEqualTo(first.Session.Outcomes.Count), "saved after every outcome");
        Assert.That(store.ReadEvents(first.SessionId).Events.Select(e => e.Kind), Does.Contain(SessionEventKind.Stop));
        Assert.That(store.LastCheckpoint(first.SessionId), Is.EqualTo(first.Session.State));
        Assert.That(store.Find(SessionKey.Of(first.Session.State)).Single().Id, Is.EqualTo(first.SessionId));

        var reused = await coordinator.ProcessManuscriptAsync(book, Requirements, new ProcessOptions { ReuseCompleted = true }, CancellationToken.None);
        Assert.That(reused.SessionId, Is.EqualTo(first.SessionId), "the index finds the finished session");
        Assert.That(reused.Continued, Is.EqualTo(SessionStateStatus.Completed));
        Assert.That(reused.Document.ContentHash, Is.EqualTo(first.Document.ContentHash), "its revised text came back from the store");
        Assert.That(reused.Session.Quality.Overall, Is.EqualTo(first.Session.Quality.Overall));

        var fresh = await coordinator.ProcessManuscriptAsync(book, Requirements, new ProcessOptions { ResumeUnfinished = false }, CancellationToken.None);
        Assert.That(fresh.SessionId, Is.Not.EqualTo(first.SessionId));
        Assert.That(fresh.Continued, Is.Null);
        Assert.That(store.List(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_session_held_by_a_run_cannot_be_resumed_beside_it()
    {
        var store = new MemorySessionStore();
        await using var coordinator = Coordinator(store);
        var analysis = await coordinator.ProcessManuscriptAsync(Corpus.PathOf(Corpus.Alice), Requirements, CancellationToken.None);
        using var held = await store.AcquireLeaseAsync(analysis.SessionId, CancellationToken.None);

        Assert.That(store.IsHeld(analysis.SessionId), Is.True);
        Assert.That(async () => await coordinator.ResumeProcessingAsync(analysis.SessionId, ResumeOptions.Default, CancellationToken.None),
            Throws.InstanceOf<SessionLockedException>());
    }
}
