using System.Collections.Concurrent;
using System.Diagnostics;
using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Iteration;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Scripting;
using Orchestrator.Engine.Sessions;
using Orchestrator.Engine.State;
using Orchestrator.Engine.Tests.Dataflow;

namespace Orchestrator.Engine.Tests.Sessions;

public class SessionLoopTests
{
    /// <summary>A subject whose every revision is a new version, so what read it re-runs.</summary>
    private sealed class VersionedSubject(int version) : SessionSubject
    {
        public int Version => version;
        public override object Value => $"text v{version}";
        public override string Hash => $"sha256:v{version}";
        public override SessionSubject Revise(IReadOnlyList<NodeEdits> edits) => new VersionedSubject(version + 1);
    }

    private sealed class MemoryJournal : ISessionJournal
    {
        public List<SessionState> Saved { get; } = [];
        public List<SessionState> Checkpoints { get; } = [];
        public List<SessionEvent> Events { get; } = [];
        public void Save(SessionState state) { lock (Saved) Saved.Add(state); }
        public void Checkpoint(SessionState state) => Checkpoints.Add(state);
        public void Append(SessionEvent e) { lock (Events) Events.Add(e); }
    }

    private static readonly TextEdit AnEdit = new(0, 0, "x", "test");

    /// <summary>An analysis node scored by iteration, and a reviser that always proposes an edit (so the text changes each time).</summary>
    private static ScriptedPipeline Revising(Func<int, double> score, ConcurrentBag<string>? runs = null) => new ScriptedPipeline()
        .Node("analyse", (c, _) =>
        {
            runs?.Add($"analyse@{c.Iteration}");
            return Task.FromResult(new NodeResult { Score = score(c.Iteration) });
        })
        .Node("revise", (c, _) =>
        {
            runs?.Add($"revise@{c.Iteration}");
            return Task.FromResult(new NodeResult { Score = score(c.Iteration), Edits = [AnEdit] });
        });

    private static async Task<SessionResult> Run(ScriptedPipeline p, PipelineSettings settings, SessionSubject? subject = null,
        ISessionJournal? journal = null, PipelineRules? rules = null, SessionState? state = null, CancellationToken ct = default)
    {
        p.Settings = settings;
        var definition = p.Definition;
        await using var network = DataflowNetwork.Compile(definition, p.Registry);
        var loop = new SessionLoop(network, p.Registry);
        subject ??= new VersionedSubject(1);
        state ??= SessionState.Start("test_20261126_000000_abcd", definition.Name, "sha256:pipeline", "/in.txt", subject.Hash, null,
            definition.Nodes.Select(n => n.Id), DateTimeOffset.UtcNow);
        return await loop.RunAsync(new SessionRun { State = state, Subject = subject, Journal = journal, Rules = rules ?? PipelineRules.None }, ct);
    }

    private static PipelineSettings Settings(double threshold = 0.8, int maxIterations = 5, TimeSpan? sessionTimeout = null) => new()
    {
        RetryBackoff = TimeSpan.FromMilliseconds(5),
        MaxConcurrentActions = 4,
        QualityThreshold = threshold,
        MaxIterations = maxIterations,
        SessionTimeout = sessionTimeout ?? TimeSpan.FromMinutes(5),
    };

    [Test]
    public async Task Without_changes_one_iteration_runs_everything_once_and_nothing_is_left()
    {
        var p = new ScriptedPipeline().Ok("a", 0.5).Ok("b", 0.7, "a");
        var journal = new MemoryJournal();

        var result = await Run(p, Settings(), new FixedSubject("text", "sha256:fixed"), journal);

        Assert.That(result.Status, Is.EqualTo(SessionStatus.Completed));
        Assert.That(result.StopCode, Is.EqualTo(StopReason.NothingToRun));
        Assert.That(result.Iterations, Is.EqualTo(1));
        Assert.That(result.Quality.Overall, Is.EqualTo(0.6).Within(1e-9));
        Assert.That(result.Outcomes.Select(o => o.NodeId), Is.EqualTo(new[] { "a", "b" }));
        // Saved after every outcome (2), when the iteration started, when it ended, and at the stop.
        Assert.That(journal.Saved.Count(s => s.Nodes.Any(n => n.Status == NodeRunStatus.Succeeded)), Is.GreaterThanOrEqualTo(2));
        Assert.That(journal.Saved[^1].Status, Is.EqualTo(SessionStateStatus.Completed));
        Assert.That(journal.Saved[^1].StopCode, Is.EqualTo("NothingToRun"));
        Assert.That(journal.Checkpoints, Has.Count.EqualTo(2), "one snapshot after the iteration, one at the stop");
        Assert.That(journal.Events.Select(e => e.Kind), Does.Contain(SessionEventKind.Decision).And.Contain(SessionEventKind.Stop));
        Assert.That(journal.Events.Count(e => e.Kind == SessionEventKind.Outcome), Is.EqualTo(2));
    }

    [Test]
    public async Task A_revised_subject_reruns_its_readers_until_the_quality_threshold()
    {
        var runs = new ConcurrentBag<string>();
        var result = await Run(Revising(i => Math.Min(1, 0.3 * i), runs), Settings(threshold: 0.8, maxIterations: 10));

        Assert.That(result.StopCode, Is.EqualTo(StopReason.QualityThreshold));
        Assert.That(result.Iterations, Is.EqualTo(3));
        Assert.That(result.History.Select(h => h.Quality), Is.EqualTo(new[] { 0.3, 0.6, 0.9 }).Within(1e-9));
        Assert.That(result.StopReason, Does.Contain("qualityThreshold 0.8").And.Contain("after iteration 3"));
        Assert.That(runs.Count(r => r.StartsWith("analyse", StringComparison.Ordinal)), Is.EqualTo(3), "re-run each time the text changed");
        Assert.That(result.Revisions, Has.Count.EqualTo(3));
        Assert.That(result.State.SubjectHash, Is.EqualTo("sha256:v4"));
    }

    [Test]
    public async Task Quality_that_stops_improving_is_a_plateau()
    {
        var result = await Run(Revising(_ => 0.5), Settings(maxIterations: 10));

        Assert.That(result.StopCode, Is.EqualTo(StopReason.Plateau));
        Assert.That(result.Iterations, Is.EqualTo(3), "two iterations without gain after the first");
        Assert.That(result.StopReason, Does.StartWith("plateau"));
        Assert.That(result.Status, Is.EqualTo(SessionStatus.Completed));
    }

    [Test]
    public async Task The_loop_cap_stops_a_session_that_keeps_improving()
    {
        var result = await Run(Revising(i => 0.1 * i), Settings(threshold: 0.99, maxIterations: 4));

        Assert.That(result.StopCode, Is.EqualTo(StopReason.MaxIterations));
        Assert.That(result.Iterations, Is.EqualTo(4));
    }

    [Test]
    public async Task The_session_timeout_stops_between_iterations_with_the_timestamps()
    {
        var p = new ScriptedPipeline()
            .Node("slow", async (c, ct) =>
            {
                await Task.Delay(80, ct);
                return new NodeResult { Score = 0.1 * c.Iteration, Edits = [AnEdit] };
            });

        var result = await Run(p, Settings(threshold: 0.99, maxIterations: 50, sessionTimeout: TimeSpan.FromMilliseconds(150)));

        Assert.That(result.StopCode, Is.EqualTo(StopReason.SessionTimeout));
        Assert.That(result.Iterations, Is.InRange(2, 3));
        Assert.That(result.StopReason, Does.Contain("started").And.Contain("now").And.Contain("sessionTimeout"));
    }

    [Test]
    public async Task A_failing_node_is_retried_in_the_next_iteration_then_runs_out_of_retries()
    {
        var calls = 0;
        var p = new ScriptedPipeline()
            .Ok("fine", 0.9)
            .Node("broken", (_, _) => { Interlocked.Increment(ref calls); throw new InvalidOperationException("always"); }, retries: 0);

        var result = await Run(p, Settings(threshold: 0.99) with { MaxActionFailures = 2 }, new FixedSubject("t", "sha256:t"));

        Assert.That(result.StopCode, Is.EqualTo(StopReason.OutOfRetries));
        Assert.That(result.Status, Is.EqualTo(SessionStatus.CompletedWithErrors));
        Assert.That(calls, Is.EqualTo(2), "iteration 1, then one more try in iteration 2");
        Assert.That(result.Iterations, Is.EqualTo(2));
        Assert.That(result.State.FindNode("broken")!.Failures, Is.EqualTo(2));
        Assert.That(result.State.FindNode("fine")!.Actions, Is.EqualTo(1), "a succeeded node with unchanged input does not re-run");
    }

    [Test]
    public async Task A_cancelled_session_resumes_from_its_saved_state_without_rerunning_what_finished()
    {
        using var cts = new CancellationTokenSource();
        var runs = new ConcurrentBag<string>();
        var p = new ScriptedPipeline()
            .Node("first", (c, _) => { runs.Add("first"); return Task.FromResult(new NodeResult { Score = 0.8 }); })
            .Node("second", async (c, ct) =>
            {
                runs.Add("second");
                if (!cts.IsCancellationRequested) { cts.Cancel(); await Task.Delay(Timeout.Infinite, ct); }
                return new NodeResult { Score = 0.6 };
            }, dependsOn: ["first"]);
        var journal = new MemoryJournal();

        var interrupted = await Run(p, Settings(threshold: 0.99), new FixedSubject("t", "sha256:t"), journal, ct: cts.Token);
        Assert.That(interrupted.Status, Is.EqualTo(SessionStatus.Cancelled));
        var saved = journal.Saved[^1];
        Assert.That(saved.Status, Is.EqualTo(SessionStateStatus.Cancelled));
        Assert.That(saved.FindNode("first")!.Status, Is.EqualTo(NodeRunStatus.Succeeded));
        Assert.That(saved.FindNode("second")!.Status, Is.EqualTo(NodeRunStatus.Cancelled));

        var resumed = await Run(p, Settings(threshold: 0.99), new FixedSubject("t", "sha256:t"), journal, state: saved);

        Assert.That(resumed.Status, Is.EqualTo(SessionStatus.Completed));
        Assert.That(runs.Count(r => r == "first"), Is.EqualTo(1), "its result was kept");
        Assert.That(runs.Count(r => r == "second"), Is.EqualTo(2));
        Assert.That(resumed.Quality.Overall, Is.EqualTo(0.7).Within(1e-9));
        Assert.That(resumed.Iterations, Is.EqualTo(1), "the interrupted iteration was finished, not a new one started");
        Assert.That(journal.Events.Any(e => e.Kind == SessionEventKind.Resume), Is.True);
    }

    [Test]
    public async Task A_select_rule_runs_only_the_nodes_it_names()
    {
        var p = new ScriptedPipeline().Ok("structure", 0.9).Ok("style", 0.2).Ok("themes", 0.3);
        var rules = new PipelineRules(
            new RuleCompiler(null).CompileSelect<RuleGlobals>(RuleSource.Inline(RuleKind.Select, "Candidates.Where(c => c.Node == \"structure\").Select(c => c.Node)")),
            null);

        var result = await Run(p, Settings(threshold: 0.99), new FixedSubject("t", "sha256:t"), rules: rules);

        Assert.That(result.Outcomes.Select(o => o.NodeId), Is.EqualTo(new[] { "structure" }));
        Assert.That(result.StopCode, Is.EqualTo(StopReason.NothingToRun));
        Assert.That(result.StopReason, Does.Contain("rules.select chose none"));
        Assert.That(result.Decisions[0].SelectionApplied, Is.True);
        Assert.That(result.Decisions[0].Filtered.Select(f => f.Node), Is.EquivalentTo(new[] { "style", "themes" }));
    }

    [Test]
    public async Task A_stop_rule_stops_at_iteration_two_and_the_result_says_why()
    {
        var rules = new PipelineRules(null,
            new RuleCompiler(null).CompileStop<RuleGlobals>(RuleSource.Inline(RuleKind.Stop, "Iteration >= 2")));

        var result = await Run(Revising(i => 0.1 * i), Settings(threshold: 0.99, maxIterations: 10), rules: rules);

        Assert.That(result.StopCode, Is.EqualTo(StopReason.RuleStop));
        Assert.That(result.Iterations, Is.EqualTo(2));
        Assert.That(result.StopReason, Is.EqualTo("rules.stop said stop after iteration 2"));
    }

    [TestCase("while (true) { }", "timed out")]
    [TestCase("int Deeper(int n) => Deeper(n + 1) + 1; return Deeper(0) > 0;", "recursion")]
    public async Task A_rule_that_never_returns_ends_the_session_within_its_timeout_naming_the_rule(string body, string reason)
    {
        var rules = new PipelineRules(null,
            new RuleCompiler(null).CompileStop<RuleGlobals>(RuleSource.Inline(RuleKind.Stop, body), TimeSpan.FromMilliseconds(300)));
        var journal = new MemoryJournal();
        var clock = Stopwatch.StartNew();

        var result = await Run(Revising(_ => 0.5), Settings(maxIterations: 10), journal: journal, rules: rules);

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(result.Status, Is.EqualTo(SessionStatus.Failed));
        Assert.That(result.Failure, Is.TypeOf<RuleEvaluationException>());
        Assert.That(result.StopReason, Does.Contain("rules.stop").And.Contain(reason).IgnoreCase);
        Assert.That(journal.Saved[^1].Status, Is.EqualTo(SessionStateStatus.Failed));
        Assert.That(journal.Saved[^1].FindNode("analyse")!.Status, Is.EqualTo(NodeRunStatus.Succeeded), "finished work is kept");
    }
}
