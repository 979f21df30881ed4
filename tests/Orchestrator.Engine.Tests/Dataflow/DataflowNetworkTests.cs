using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Nodes;

namespace Orchestrator.Engine.Tests.Dataflow;

[TestFixture]
public sealed class DataflowNetworkTests
{
    private static readonly NodeResult Half = new() { Score = 0.5 };

    [Test]
    public async Task Dependencies_run_before_dependants_and_pass_their_results()
    {
        var order = new List<string>();
        IReadOnlyDictionary<string, NodeResult>? seenByC = null;
        var p = new ScriptedPipeline()
            .Node("a", (_, _) => { lock (order) order.Add("a"); return Task.FromResult(new NodeResult { Score = 0.1 }); })
            .Node("b", (_, _) => { lock (order) order.Add("b"); return Task.FromResult(new NodeResult { Score = 0.2 }); }, ["a"])
            .Node("c", (ctx, _) => { lock (order) order.Add("c"); seenByC = ctx.Upstream; return Task.FromResult(Half); }, ["a", "b"]);

        await using var network = DataflowNetwork.Compile(p.Definition, p.Registry);
        var report = await network.ExecuteAsync(ScriptedPipeline.Request().Build());

        Assert.That(order, Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(report.Outcomes.Select(o => o.Status), Is.All.EqualTo(ActionStatus.Succeeded));
        Assert.That(seenByC!.Keys, Is.EquivalentTo(new[] { "a", "b" }));
        Assert.That(seenByC["b"].Score, Is.EqualTo(0.2));
    }

    [Test]
    public async Task Node_parallelism_bounds_concurrent_executions_across_sessions()
    {
        var probe = new ConcurrencyProbe();
        var p = new ScriptedPipeline()
            .Node("work", async (_, ct) => { using (probe.Enter()) await Task.Delay(30, ct); return Half; }, parallelism: 2);

        await using var network = DataflowNetwork.Compile(p.Definition, p.Registry);
        var runs = Enumerable.Range(0, 8).Select(i => network.ExecuteAsync(ScriptedPipeline.Request($"s{i}").Build()));
        var reports = await Task.WhenAll(runs);

        Assert.That(reports.SelectMany(r => r.Outcomes).Count(o => o.Status == ActionStatus.Succeeded), Is.EqualTo(8));
        Assert.That(probe.Peak, Is.EqualTo(2), "two at once, never more");
    }

    [Test]
    public async Task Global_limit_holds_across_all_blocks()
    {
        var probe = new ConcurrencyProbe();
        var p = new ScriptedPipeline { Settings = new() { MaxConcurrentActions = 3 } };
        for (var i = 0; i < 8; i++)
            p.Node($"n{i}", async (_, ct) => { using (probe.Enter()) await Task.Delay(30, ct); return Half; }, parallelism: 4);

        await using var network = DataflowNetwork.Compile(p.Definition, p.Registry);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => network.ExecuteAsync(ScriptedPipeline.Request($"s{i}").Build())));

        Assert.That(probe.Peak, Is.EqualTo(3));
    }

    [Test]
    public async Task Timeout_cancels_the_action_and_records_TimedOut()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var p = new ScriptedPipeline()
            .Node("slow", async (_, ct) =>
            {
                try { await Task.Delay(TimeSpan.FromSeconds(30), ct); }
                catch (OperationCanceledException) { cancelled.TrySetResult(); throw; }
                return Half;
            }, timeout: TimeSpan.FromMilliseconds(50), retries: 0);

        await using var network = DataflowNetwork.Compile(p.Definition, p.Registry);
        var outcome = (await network.ExecuteAsync(ScriptedPipeline.Request().Build())).Outcomes.Single();

        Assert.That(outcome.Status, Is.EqualTo(ActionStatus.TimedOut));
        Assert.That(outcome.Error!.Message, Does.Contain("0.05 s"));
        // The outcome does not wait for the node; the node sees its token cancelled all the same.
        Assert.That(async () => await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10)), Throws.Nothing, "the node's token was cancelled");
        Assert.That(network.NodeStatistics[0].Timeouts, Is.EqualTo(1));
    }

    [Test]
    public async Task A_chain_that_becomes_ready_after_cancellation_is_cancelled_to_its_end()
    {
        using var cts = new CancellationTokenSource();
        // "first" finishes despite the cancellation (it ignores its token), so "second" becomes ready only after it:
        // it and everything waiting on it must still get an outcome, or the execution never completes.
        var p = new ScriptedPipeline()
            .Node("first", (_, _) => { cts.Cancel(); return Task.FromResult(new NodeResult { Score = 0.5 }); })
            .Ok("second", 0.5, "first")
            .Ok("third", 0.5, "second");

        await using var network = DataflowNetwork.Compile(p.Definition, p.Registry);
        var report = await network.ExecuteAsync(ScriptedPipeline.Request().Build(), cts.Token).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(report.Outcomes.Select(o => (o.NodeId, o.Status)), Is.EqualTo(new[]
        {
            ("first", ActionStatus.Succeeded), ("second", ActionStatus.Cancelled), ("third", ActionStatus.Cancelled),
        }));
    }

    [Test]
    public async Task A_node_that_ignores_its_token_still_times_out()
    {
        var p = new ScriptedPipeline()
            .Node("stubborn", (_, _) => Task.Run(() => { Thread.Sleep(3000); return Half; }), timeout: TimeSpan.FromMilliseconds(50), retries: 0);

        await using var network = DataflowNetwork.Compile(p.Definition, p.Registry);
        var outcome = (await network.ExecuteAsync(ScriptedPipeline.Request().Build())).Outcomes.Single();

        Assert.That(outcome.Status, Is.EqualTo(ActionStatus.TimedOut));
        // Far below the node's 3 s: the margin absorbs a loaded 2-core machine.
        Assert.That(outcome.Duration, Is.LessThan(TimeSpan.FromMilliseconds(2000)));
    }

    [Test]
    public async Task A_node_that_computes_before_its_first_await_still_times_out()
    {
        // The 100 MB line: style ran 25 s on the caller's thread against a 20 s timeout, never handing back a task.
        var p = new ScriptedPipeline()
            .Node("synchronous", (_, _) => { Thread.Sleep(3000); return Task.FromResult(Half); }, timeout: TimeSpan.FromMilliseconds(50), retries: 0);

        await using var network = DataflowNetwork.Compile(p.Definition, p.Registry);
        var outcome = (await network.ExecuteAsync(ScriptedPipeline.Request().Build())).Outcomes.Single();

        Assert.That(outcome.Status, Is.EqualTo(ActionStatus.TimedOut));
        Assert.That(outcome.Duration, Is.LessThan(TimeSpan.FromMilliseconds(2000)));
    }

    [Test]
    public async Task Retry_then_success()
    {
        var calls = 0;
        var p = new ScriptedPipeline()
            .Node("flaky", (_, _) => ++calls < 3 ? throw new IOException("disk hiccup") : Task.FromResult(Half), retries: 3);

        await using var network = DataflowNetwork.Compile(p.Definition, p.Registry);
        var outcome = (await network.ExecuteAsync(ScriptedPipeline.Request().Build())).Outcomes.Single();

        Assert.That(outcome.Status, Is.EqualTo(ActionStatus.Succeeded));
        Assert.That(outcome.Attempts, Is.EqualTo(3));
        Assert.That(network.NodeStatistics[0].Retries, Is.EqualTo(2));
        Assert.That(network.NodeStatistics[0].Successes, Is.EqualTo(1));
    }

    [Test]
    public async Task Retries_exhausted_ends_Failed_with_the_last_error()
    {
        var calls = 0;
        var p = new ScriptedPipeline()
            .Node("broken", (_, _) => throw new InvalidOperationException($"boom {++calls}"), retries: 2);

        await using var network = DataflowNetwork.Compile(p.Definition, p.Registry);
        var outcome = (await network.ExecuteAsync(ScriptedPipeline.Request().Build())).Outcomes.Single();

        Assert.That(outcome.Status, Is.EqualTo(ActionStatus.Failed));
        Assert.That(outcome.Attempts, Is.EqualTo(3));
        Assert.That(outcome.Error, Is.EqualTo(new ActionError("InvalidOperationException", "boom 3")));
    }

    [Test]
    public async Task Retries_disabled_by_settings()
    {
        var calls = 0;
        var p = new ScriptedPipeline { Settings = new() { EnableRetries = false, RetryBackoff = TimeSpan.Zero } }
            .Node("broken", (_, _) => { calls++; throw new IOException("x"); }, retries: 5);

        await using var network = DataflowNetwork.Compile(p.Definition, p.Registry);
        await network.ExecuteAsync(ScriptedPipeline.Request().Build());

        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public async Task Invalid_input_is_not_retried()
    {
        var calls = 0;
        var p = new ScriptedPipeline()
            .Node("picky", (_, _) => { calls++; throw new InvalidNodeInputException("not a manuscript"); }, retries: 3);

        await using var network = DataflowNetwork.Compile(p.Definition, p.Registry);
        var outcome = (await network.ExecuteAsync(ScriptedPipeline.Request().Build())).Outcomes.Single();

        Assert.That(outcome.Status, Is.EqualTo(ActionStatus.Invalid));
        Assert.That(outcome.Error!.Type, Is.EqualTo("InvalidInput"));
        Assert.That(calls, Is.EqualTo(1));
    }

    [TestCase(1.5, "score 1.5 is outside [0, 1]")]
    [TestCase(double.NaN, "score NaN is outside [0, 1]")]
    public async Task Invalid_result_is_an_error_never_kept(double score, string message)
    {
        var calls = 0;
        var p = new ScriptedPipeline()
            .Node("liar", (_, _) => { calls++; return Task.FromResult(new NodeResult { Score = score }); }, retries: 3)
            .Ok("after", 0.5, "liar");

        await using var network = DataflowNetwork.Compile(p.Definition, p.Registry);
        var outcomes = (await network.ExecuteAsync(ScriptedPipeline.Request().Build())).Outcomes;

        Assert.That(outcomes[0].Status, Is.EqualTo(ActionStatus.Invalid));
        Assert.That(outcomes[0].Result, Is.Null);
        Assert.That(outcomes[0].Error, Is.EqualTo(new ActionError("InvalidResult", message)));
        Assert.That(calls, Is.EqualTo(1));
        Assert.That(outcomes[1].Status, Is.EqualTo(ActionStatus.Skipped));
    }

    [Test]
    public async Task Failure_skips_dependants_while_an_independent_branch_completes()
    {
        var p = new ScriptedPipeline()
            .Node("a", (_, _) => throw new InvalidOperationException("a broke"), retries: 0)
            .Ok("b", 0.5, "a")
            .Ok("c", 0.5, "b")
            .Node("d", async (_, ct) => { await Task.Delay(20, ct); return Half; })
            .Ok("e", 0.5, "d");

        await using var network = DataflowNetwork.Compile(p.Definition, p.Registry);
        var byId = (await network.ExecuteAsync(ScriptedPipeline.Request().Build())).Outcomes.ToDictionary(o => o.NodeId);

        Assert.That(byId["a"].Status, Is.EqualTo(ActionStatus.Failed));
        Assert.That(byId["b"].Status, Is.EqualTo(ActionStatus.Skipped));
        Assert.That(byId["c"].Status, Is.EqualTo(ActionStatus.Skipped));
        Assert.That(byId["b"].Error!.Message, Is.EqualTo("dependency 'a' ended Failed"));
        Assert.That(byId["c"].Attempts, Is.Zero);
        Assert.That(byId["d"].Status, Is.EqualTo(ActionStatus.Succeeded));
        Assert.That(byId["e"].Status, Is.EqualTo(ActionStatus.Succeeded));
    }

    [Test]
    public async Task Only_the_requested_nodes_run_and_prior_results_satisfy_dependencies()
    {
        var ran = new List<string>();
        var p = new ScriptedPipeline()
            .Node("a", (_, _) => { ran.Add("a"); return Task.FromResult(Half); })
            .Node("b", (ctx, _) => { ran.Add("b"); return Task.FromResult(new NodeResult { Score = ctx.RequireUpstream("a").Score / 2 }); }, ["a"]);

        await using var network = DataflowNetwork.Compile(p.Definition, p.Registry);
        var report = await network.ExecuteAsync(ScriptedPipeline.Request().Build(["b"]) with
        {
            PriorResults = new Dictionary<string, NodeResult> { ["a"] = new() { Score = 0.8 } },
        });

        Assert.That(ran, Is.EqualTo(new[] { "b" }));
        Assert.That(report.Outcomes.Single().Result!.Score, Is.EqualTo(0.4));
    }

    [Test]
    public async Task Cancellation_ends_running_and_waiting_actions_as_Cancelled()
    {
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var p = new ScriptedPipeline()
            .Node("long", async (_, ct) => { started.SetResult(); await Task.Delay(TimeSpan.FromSeconds(30), ct); return Half; })
            .Ok("next", 0.5, "long");

        await using var network = DataflowNetwork.Compile(p.Definition, p.Registry);
        var run = network.ExecuteAsync(ScriptedPipeline.Request().Build(), cts.Token);
        await started.Task;
        await cts.CancelAsync();
        var outcomes = (await run).Outcomes;

        Assert.That(outcomes[0].Status, Is.EqualTo(ActionStatus.Cancelled));
        Assert.That(outcomes[1].Status, Is.EqualTo(ActionStatus.Skipped).Or.EqualTo(ActionStatus.Cancelled));
    }

    [Test]
    public async Task Statistics_track_runs_and_durations()
    {
        var p = new ScriptedPipeline().Node("n", async (_, ct) => { await Task.Delay(15, ct); return Half; }, parallelism: 4);

        await using var network = DataflowNetwork.Compile(p.Definition, p.Registry);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => network.ExecuteAsync(ScriptedPipeline.Request($"s{i}").Build())));
        var stats = network.NodeStatistics[0];

        Assert.That(stats.Runs, Is.EqualTo(4));
        Assert.That(stats.Successes, Is.EqualTo(4));
        Assert.That(stats.MinDuration, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(10)));
        Assert.That(stats.MaxDuration, Is.GreaterThanOrEqualTo(stats.MeanDuration));
        Assert.That(stats.MeanDuration, Is.GreaterThanOrEqualTo(stats.MinDuration));
    }

    [Test]
    public void Unknown_requested_node_is_refused()
    {
        var p = new ScriptedPipeline().Ok("a");
        var network = DataflowNetwork.Compile(p.Definition, p.Registry);
        Assert.That(async () => await network.ExecuteAsync(ScriptedPipeline.Request().Build(["zzz"])),
            Throws.ArgumentException.With.Message.Contains("'zzz'"));
    }
}

/// <summary>Counts how many callers are inside at once and remembers the peak.</summary>
internal sealed class ConcurrencyProbe
{
    private int _current;
    private int _peak;
    public int Peak => Volatile.Read(ref _peak);

    public IDisposable Enter()
    {
        var now = Interlocked.Increment(ref _current);
        int seen;
        while (now > (seen = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen) { }
        return new Exit(this);
    }

    private sealed class Exit(ConcurrencyProbe probe) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref probe._current);
    }
}

[TestFixture]
public sealed class DataflowCompilationTests
{
    [Test]
    public void Compiling_a_cyclic_pipeline_is_refused_with_the_cycle()
    {
        var p = new ScriptedPipeline().Ok("a", 0.5, "b").Ok("b", 0.5, "a");
        Assert.That(() => DataflowNetwork.Compile(p.Definition, p.Registry),
            Throws.InstanceOf<Orchestrator.Engine.Graph.GraphCycleException>().With.Message.EqualTo("cycle: a -> b -> a"));
    }
}
