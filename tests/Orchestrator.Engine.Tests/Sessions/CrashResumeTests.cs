using System.Globalization;
using System.Text;
using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Sessions;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Tests.Sessions;

/// <summary>
/// A session cut off after every single write it makes (as a kill between two writes leaves the disk), then resumed
/// from what the store loads: the resumed session ends exactly as an uninterrupted one, timings apart. The pipeline
/// runs three iterations with an escalation (options re-run), a cascade re-run, a node failing until it gives up
/// (a suggestion), so every part of the loop's state is crossed by some cut.
/// </summary>
[TestFixture]
public sealed class CrashResumeTests
{
    private const string Subject = "It was a bright cold day in April, and the clocks were striking thirteen.";

    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("orchestrator-crash-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private static PipelineDefinition Pipeline() => new()
    {
        Name = "crash",
        Settings = new PipelineSettings
        {
            MaxIterations = 5, QualityThreshold = 0.99, RetryBackoff = TimeSpan.FromMilliseconds(1), MaxActionFailures = 2,
        },
        Nodes =
        [
            SlowNode.Define("load", SlowNode.OptionsText(0.9, 3)),
            SlowNode.Define("style", """{"score":0.4,"delayMs":3,"escalate":{"belowScore":0.5,"options":{"score":0.85}}}""", "load"),
            SlowNode.Define("cast", SlowNode.OptionsText(0.8, 2), "load"),
            SlowNode.Define("flaky", """{"fail":true,"delayMs":1}""", "load"),
            SlowNode.Define("summary", SlowNode.OptionsText(0.7, 2), "style", "cast"),
        ],
    };

    [Test]
    public async Task A_session_cut_after_any_write_resumes_to_the_uninterrupted_end()
    {
        var (baseline, writes) = await RunUninterruptedAsync();
        Assert.That(baseline.Iterations, Is.GreaterThanOrEqualTo(2), "the scenario crosses iterations");
        Assert.That(baseline.Escalations, Is.Not.Empty, "the scenario escalates");
        Assert.That(baseline.Suggestions, Is.Not.Empty, "the scenario ends with a suggestion");
        Assert.That(writes, Is.GreaterThan(20));

        for (var cut = 1; cut <= writes; cut++)
        {
            var store = new SessionStore(Path.Combine(_folder, $"cut{cut:000}"));
            var id = NewId(cut);
            var journal = new CuttingJournal(store.Journal(), cut);
            try
            {
                await RunAsync(Create(store, id), journal);
            }
            catch (SessionPersistenceException)
            {
                // The "kill": nothing after the cut reached the disk.
            }
            Assert.That(journal.Cut, Is.True, $"cut {cut} of {writes} happened");
            Assert.That(File.Exists(store.StatePath(id)), Is.True, $"cut {cut}: the session was created whole, so even a cut at its first write leaves its state");

            var loaded = store.LoadState(id);
            Assert.That(loaded.Warnings, Is.Empty, $"cut {cut}: every file whole");
            var resumed = await ResumeAsync(store, id);
            Assert.That(Deterministic(resumed, id), Is.EqualTo(Deterministic(baseline, BaselineId)), $"cut {cut} of {writes}");
            Assert.That(Deterministic(store.LoadState(id).State), Is.EqualTo(Deterministic(baseline.State)), $"cut {cut}: the state on disk");
        }
    }

    [Test]
    public async Task A_resume_cut_in_turn_still_ends_as_the_uninterrupted_run()
    {
        var (baseline, writes) = await RunUninterruptedAsync();
        foreach (var (first, second) in new[] { (writes / 4, 3), (writes / 2, writes / 3), (writes - 3, 2) })
        {
            var store = new SessionStore(Path.Combine(_folder, $"twice{first}-{second}"));
            var id = NewId(first);
            await CutAsync(Create(store, id), store, first);
            await CutAsync(store.LoadState(id).State, store, second, Earlier(store, id));
            var resumed = await ResumeAsync(store, id);
            Assert.That(Deterministic(resumed, id), Is.EqualTo(Deterministic(baseline, BaselineId)), $"cut at {first}, then at {second} of the resume");
        }
    }

    [Test]
    public async Task A_finished_session_resumed_again_reports_the_same()
    {
        var store = new SessionStore(Path.Combine(_folder, "again"));
        var first = await RunAsync(Start(BaselineId), store.Journal());
        var again = await ResumeAsync(store, BaselineId);
        Assert.That(Deterministic(again, BaselineId), Is.EqualTo(Deterministic(first, BaselineId)));
    }

    [Test]
    public async Task A_session_cancelled_after_any_outcome_resumes_to_the_uninterrupted_end()
    {
        var (baseline, writes) = await RunUninterruptedAsync();
        for (var stopAt = 2; stopAt < writes; stopAt += 3)
        {
            var store = new SessionStore(Path.Combine(_folder, $"stop{stopAt:000}"));
            var id = NewId(stopAt);
            using var stop = new CancellationTokenSource();
            var journal = new StoppingJournal(store.Journal(), stopAt, stop);
            var cancelled = await RunAsync(Create(store, id), journal, stop.Token);
            var saved = store.LoadState(id);
            Assert.That(saved.Warnings, Is.Empty);
            if (cancelled.Status != SessionStatus.Cancelled)
            {
                // Stopped after the last node finished: the session ended as it would have.
                Assert.That(Deterministic(cancelled, id), Is.EqualTo(Deterministic(baseline, BaselineId)), $"stop at write {stopAt}");
                continue;
            }
            Assert.That(saved.State.Status, Is.EqualTo(SessionStateStatus.Cancelled));
            Assert.That(saved.State.Nodes.Select(n => n.Status), Has.None.EqualTo(NodeRunStatus.Running), "nothing stays Running after a clean stop");
            var resumed = await ResumeAsync(store, id);
            Assert.That(Deterministic(resumed, id), Is.EqualTo(Deterministic(baseline, BaselineId)), $"stop at write {stopAt} of {writes}; stopped with {Deterministic(saved.State)}");
        }
    }

    [Test]
    public async Task A_session_stopped_after_its_first_iteration_reports_every_plan_and_run_once_resumed()
    {
        var (baseline, _) = await RunUninterruptedAsync();
        var store = new SessionStore(Path.Combine(_folder, "first"));
        var id = NewId(1);
        using var stop = new CancellationTokenSource();
        var first = await RunAsync(Create(store, id), new StoppingJournal(store.Journal(), stop, afterIteration: 1), stop.Token);
        Assert.That(first.Status, Is.EqualTo(SessionStatus.Cancelled));
        Assert.That(first.History.Select(h => h.Iteration), Is.EqualTo(new[] { 1 }), "stopped after its first iteration");

        var resumed = await ResumeAsync(store, id);

        Assert.That(resumed.Decisions.Select(d => d.Iteration), Is.EqualTo(baseline.Decisions.Select(d => d.Iteration)));
        Assert.That(resumed.Decisions[0].PlannedAt, Is.EqualTo(first.Decisions[0].PlannedAt), "iteration 1's plan is the first process's, from the log");
        Assert.That(resumed.NodeStatistics.Select(n => (n.NodeId, n.Runs, n.Successes, n.Failures, n.Retries)),
            Is.EqualTo(baseline.NodeStatistics.Select(n => (n.NodeId, n.Runs, n.Successes, n.Failures, n.Retries))));
        Assert.That(resumed.NodeStatistics.Single(n => n.NodeId == "flaky").Failures, Is.EqualTo(2), "both failed runs, one per process");
        Assert.That(resumed.History.Select(h => (h.Iteration, h.ActionsRun, h.Failures)), Is.EqualTo(baseline.History.Select(h => (h.Iteration, h.ActionsRun, h.Failures))));
        Assert.That(Deterministic(resumed, id), Is.EqualTo(Deterministic(baseline, BaselineId)));
    }

    [Test]
    public void A_snapshot_keeps_the_strategy_and_the_unfinished_iteration()
    {
        var state = Start(BaselineId) with
        {
            Iteration = 2,
            Dispatched = ["style", "summary"],
            Strategy = new StrategyState
            {
                Overrides = [new NodeOverrideState { NodeId = "style", Timeout = TimeSpan.FromSeconds(90), Options = """{"score":0.85}""" }],
                Reruns = [new NodeNoteState { NodeId = "style", Text = "escalated" }],
                Suggestions = [new NodeNoteState { NodeId = "flaky", Text = "check it" }],
                Escalations = [new EscalationState { NodeId = "style", Kind = Orchestrator.Engine.Iteration.EscalationKind.Options, Reason = "low" }],
            },
        };
        var store = new SessionStore(Path.Combine(_folder, "strategy"));
        store.SaveState(state);
        var snapshot = store.WriteSnapshot(state);
        Assert.That(SnapshotStore.ReadFile(snapshot.Path), Is.EqualTo(state));
        Assert.That(store.LoadState(BaselineId).State, Is.EqualTo(state));
        Assert.That(File.ReadAllText(store.StatePath(BaselineId)), Does.Contain("\"kind\": \"Options\"").And.Match(@"""options"":\s*\{\s*""score"":\s*0.85"),
            "options stay JSON and enums are names in session.json");
        Assert.That(state.Strategy!.ToOverrides()["style"].Options!.GetDouble("score", 0), Is.EqualTo(0.85));
    }

    private const string BaselineId = "crash_20261101_120000_0000";

    private static string NewId(int n) => $"crash_20261101_120000_{n:x4}";

    private async Task<(SessionResult Result, int Writes)> RunUninterruptedAsync()
    {
        var store = new SessionStore(Path.Combine(_folder, "baseline"));
        var counting = new CuttingJournal(store.Journal(), int.MaxValue);
        var result = await RunAsync(Start(BaselineId), counting);
        return (result, counting.Writes);
    }

    private static async Task CutAsync(SessionState state, SessionStore store, int cut, IReadOnlyList<PlanAnalytics>? earlier = null)
    {
        var journal = new CuttingJournal(store.Journal(), cut);
        try
        {
            await RunAsync(state, journal, earlier: earlier);
        }
        catch (SessionPersistenceException)
        {
        }
        Assert.That(journal.Cut, Is.True);
    }

    /// <summary>The session as a host creates it: initial state and input durable, before the loop's first write.</summary>
    private static SessionState Create(SessionStore store, string id)
    {
        var state = Start(id);
        store.Create(state, Encoding.UTF8.GetBytes(Subject)).Dispose();
        return state;
    }

    private static SessionState Start(string id) =>
        SessionState.Start(id, "crash", "sha256:pipeline", "(in memory)", ContentHash.OfText(Subject), null,
            Pipeline().Nodes.Select(n => n.Id), new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Resumes the stored session as a host does: its newest state, and the plans its log holds.</summary>
    private static Task<SessionResult> ResumeAsync(SessionStore store, string id) =>
        RunAsync(store.LoadState(id).State, store.Journal(), earlier: Earlier(store, id));

    private static IReadOnlyList<PlanAnalytics> Earlier(SessionStore store, string id) => DecisionLog.Read(store.ReadEvents(id).Events);

    /// <summary>A fresh network and loop each time, as a new process would have.</summary>
    private static async Task<SessionResult> RunAsync(SessionState state, ISessionJournal journal, CancellationToken ct = default,
        IReadOnlyList<PlanAnalytics>? earlier = null)
    {
        var registry = SlowNode.Registry();
        await using var network = DataflowNetwork.Compile(Pipeline(), registry, new NetworkOptions());
        var loop = new SessionLoop(network, registry);
        return await loop.RunAsync(new SessionRun
        {
            State = state,
            Subject = new FixedSubject(Subject, ContentHash.OfText(Subject)),
            Journal = journal,
            EarlierDecisions = earlier ?? [],
        }, ct);
    }

    /// <summary>What must not depend on where the session was cut: everything but timings and the session id.</summary>
    private static string Deterministic(SessionResult r, string id)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{r.Status} {r.StopCode} after {r.Iterations}: {r.StopReason}");
        text.AppendLine(CultureInfo.InvariantCulture, $"quality {r.Quality.Overall:R} coverage {r.Quality.Coverage:R} confidence {r.Quality.Confidence:R}");
        foreach (var h in r.History)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"iteration {h.Iteration} quality {h.Quality:R} delta {h.QualityDelta:R} ran {h.ActionsRun} ok {h.Succeeded} failed {h.Failures} retries {h.Retries} retried {h.RetriedActions} skipped {h.Skipped}");
        foreach (var (node, result) in r.Results.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.AppendLine(CultureInfo.InvariantCulture, $"result {node} {result.Score:R} {result.Summary} {string.Join(",", result.Metrics.Select(m => $"{m.Key}={m.Value:R}"))}");
        foreach (var o in r.Outcomes) text.AppendLine(CultureInfo.InvariantCulture, $"outcome {o.NodeId} {o.Status} x{o.Attempts} {o.Error?.Message}");
        foreach (var s in r.Suggestions) text.AppendLine($"suggestion {s.NodeId}: {s.Text}");
        foreach (var e in r.Escalations) text.AppendLine($"escalation {e.NodeId} {e.Kind}: {e.Reason}");
        foreach (var d in r.Decisions)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"plan {d.Iteration} rule {d.SelectionApplied}: run {string.Join("; ", d.Chosen.Select(c => $"{c.Node} ({c.Why})"))} | not {string.Join("; ", d.Filtered.Select(f => $"{f.Node} ({f.Reason})"))}");
        foreach (var n in r.NodeStatistics)
            text.AppendLine(CultureInfo.InvariantCulture, $"runs {n.NodeId} {n.Runs} ok {n.Successes} failed {n.Failures} timed out {n.Timeouts} retries {n.Retries}");
        return text.ToString().Replace(id, "<id>", StringComparison.Ordinal);
    }

    private static string Deterministic(SessionState s)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{s.Status} {s.StopCode} iteration {s.Iteration}: {s.StopReason} subject {s.SubjectHash}");
        foreach (var n in s.Nodes)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"node {n.NodeId} {n.Status} x{n.Attempts} actions {n.Actions} failures {n.Failures} in {n.SucceededIteration} {n.SucceededInputHash} {n.LastError?.Message} {n.Result?.Score:R}");
        foreach (var q in s.QualityHistory) text.AppendLine(CultureInfo.InvariantCulture, $"quality {q.Iteration} {q.Overall:R} {q.Coverage:R}");
        foreach (var i in s.Iterations) text.AppendLine(CultureInfo.InvariantCulture, $"iteration {i.Iteration} {i.Quality:R} {i.QualityDelta:R}");
        return text.ToString();
    }

    /// <summary>Asks the session to stop (as Ctrl-C does) at its <c>stopAt</c>-th write, or when iteration <c>afterIteration</c> ends.</summary>
    private sealed class StoppingJournal(ISessionJournal inner, CancellationTokenSource stop, int stopAt = 0, int afterIteration = 0) : ISessionJournal
    {
        private int _writes;

        public StoppingJournal(ISessionJournal inner, int stopAt, CancellationTokenSource stop) : this(inner, stop, stopAt: stopAt) { }

        public void Save(SessionState state) { inner.Save(state); Count(); }
        public void Checkpoint(SessionState state) { inner.Checkpoint(state); Count(); }

        public void Append(SessionEvent e)
        {
            inner.Append(e);
            // On the loop's thread, before it plans the next iteration: the stop falls exactly between two iterations.
            if (e.Kind == SessionEventKind.Iteration && e.Iteration == afterIteration) stop.Cancel();
            Count();
        }

        public ValueTask FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        private void Count()
        {
            // From another thread, as a signal handler does: the collector must not run the cancellation callbacks itself.
            if (++_writes == stopAt) _ = Task.Run(stop.Cancel);
        }
    }

    /// <summary>Passes writes through until the <c>cut</c>-th, which fails and with it every later one: the disk as a kill leaves it.</summary>
    private sealed class CuttingJournal(ISessionJournal inner, int cut) : ISessionJournal
    {
        public int Writes { get; private set; }
        public bool Cut { get; private set; }

        public void Save(SessionState state) => Write(() => inner.Save(state));
        public void Checkpoint(SessionState state) => Write(() => inner.Checkpoint(state));
        public void Append(SessionEvent e) => Write(() => inner.Append(e));
        public ValueTask FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        private void Write(Action write)
        {
            if (Cut || ++Writes >= cut && cut != int.MaxValue)
            {
                Cut = true;
                throw new IOException("killed");
            }
            write();
        }
    }
}
