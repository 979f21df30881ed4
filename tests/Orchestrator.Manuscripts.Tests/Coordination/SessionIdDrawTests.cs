using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Sessions;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Requirements;

namespace Orchestrator.Manuscripts.Tests.Coordination;

/// <summary>
/// A new session's random id can be one another session of the same second already has (a fast batch starts tens a
/// second, and the random part has 65,536 values): the coordinator draws another id instead of failing the manuscript,
/// unless the caller chose the id itself. Found by a 3,000-manuscript batch in which three manuscripts failed with
/// "a session of that id exists".
/// </summary>
[TestFixture]
public sealed class SessionIdDrawTests
{
    private const string Pipeline = """
        {
          "name": "draw-test", "version": 1,
          "settings": { "maxIterations": 1, "qualityThreshold": 1.0, "maxConcurrentActions": 2, "actionTimeout": "00:01:00", "enableRetries": false },
          "nodes": [ { "id": "structure", "type": "structure" } ]
        }
        """;

    private static NovelCoordinator Coordinator(ISessionStore store) => new(new CoordinatorOptions
    {
        Pipeline = PipelineLoader.Parse(Pipeline, NovelNodeTypes.CreateRegistry()),
        Store = store,
    });

    [Test]
    public async Task A_drawn_id_that_is_taken_is_drawn_again_and_the_manuscript_is_analysed()
    {
        var store = new TakenIds(new MemorySessionStore(), refusals: 2);
        await using var coordinator = Coordinator(store);

        var analysis = await coordinator.ProcessManuscriptAsync(Corpus.PathOf(Corpus.Alice), ManuscriptRequirements.None, CancellationToken.None);

        Assert.That(analysis.Session.Status, Is.EqualTo(SessionStatus.Completed), analysis.Session.StopReason);
        Assert.That(store.Attempts, Has.Count.EqualTo(3), "two ids refused, the third created");
        Assert.That(store.Attempts.Distinct().Count(), Is.EqualTo(3), "each attempt drew a new id");
        Assert.That(analysis.SessionId, Is.EqualTo(store.Attempts[^1]));
        Assert.That(store.List().Select(s => s.Id), Is.EqualTo(new[] { analysis.SessionId }), "one session stored, under the id that was free");
    }

    [Test]
    public async Task An_id_the_caller_chose_that_is_taken_is_refused_naming_it_and_the_first_session_is_kept()
    {
        var store = new MemorySessionStore();
        await using var coordinator = Coordinator(store);
        var chosen = new ProcessOptions { SessionId = "draw-test_chosen", ResumeUnfinished = false };
        var first = await coordinator.ProcessManuscriptAsync(Corpus.PathOf(Corpus.Alice), ManuscriptRequirements.None, chosen, CancellationToken.None);

        var refusal = Assert.ThrowsAsync<SessionIdTakenException>(() =>
            coordinator.ProcessManuscriptAsync(Corpus.PathOf(Corpus.Frankenstein), ManuscriptRequirements.None, chosen, CancellationToken.None));

        Assert.That(refusal!.Message, Is.EqualTo("session draw-test_chosen is in use: a session of that id exists"));
        Assert.That(refusal, Is.InstanceOf<SessionLockedException>(), "hosts that map a locked session to an exit code or a 409 still do");
        Assert.That(store.List().Single().Id, Is.EqualTo(first.SessionId));
        Assert.That(store.List().Single().Status, Is.EqualTo(SessionStateStatus.Completed), "the first session is untouched");
    }

    [Test]
    public void The_file_store_refuses_an_id_it_holds_as_taken()
    {
        var root = Directory.CreateTempSubdirectory("orchestrator-draw-").FullName;
        try
        {
            var store = new SessionStore(root);
            var state = SessionState.Start("draw-test_20261206_010203_abcd", "draw-test", "p", "/in.txt", "h", "{}", ["structure"], DateTimeOffset.UnixEpoch);
            using (store.Create(state, "text"u8)) { }

            var refusal = Assert.Throws<SessionIdTakenException>(() => store.Create(state, "other"u8));
            Assert.That(refusal!.Message, Does.Contain("draw-test_20261206_010203_abcd").And.Contain("a session of that id exists"));
            Assert.That(File.ReadAllText(Path.Combine(store.SessionFolder(state.SessionId), SessionStore.ManuscriptFileName)), Is.EqualTo("text"), "the first session's input is kept");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A store that refuses its first creates as taken ids, as a store already holding them would.</summary>
    private sealed class TakenIds(ISessionStore inner, int refusals) : ISessionStore
    {
        private int _refusals = refusals;

        public List<string> Attempts { get; } = [];

        public ValueTask<ISessionLease> CreateAsync(SessionState initial, ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
        {
            Attempts.Add(initial.SessionId);
            if (_refusals-- > 0) throw new SessionIdTakenException(initial.SessionId);
            return inner.CreateAsync(initial, input, cancellationToken);
        }

        public bool Exists(string sessionId) => inner.Exists(sessionId);
        public ValueTask<ISessionLease> AcquireLeaseAsync(string sessionId, CancellationToken cancellationToken) => inner.AcquireLeaseAsync(sessionId, cancellationToken);
        public bool IsHeld(string sessionId) => inner.IsHeld(sessionId);
        public ValueTask<SessionLoadResult> LoadStateAsync(string sessionId, CancellationToken cancellationToken) => inner.LoadStateAsync(sessionId, cancellationToken);
        public ISessionJournal Journal() => inner.Journal();
        public void AppendEvent(SessionEvent e) => inner.AppendEvent(e);
        public EventLogReadResult ReadEvents(string sessionId) => inner.ReadEvents(sessionId);
        public ValueTask<byte[]?> ReadInputAsync(string sessionId, CancellationToken cancellationToken) => inner.ReadInputAsync(sessionId, cancellationToken);
        public void WriteAttachment(string sessionId, string name, ReadOnlySpan<byte> content) => inner.WriteAttachment(sessionId, name, content);
        public byte[]? ReadAttachment(string sessionId, string name) => inner.ReadAttachment(sessionId, name);
        public IReadOnlyList<SessionSummary> List() => inner.List();
        public IReadOnlyList<IndexedSession> Find(SessionKey key) => inner.Find(key);
    }
}
