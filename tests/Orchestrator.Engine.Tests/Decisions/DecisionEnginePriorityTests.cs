using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.Graph;
using Orchestrator.Engine.Pipelines;
using static Orchestrator.Engine.Tests.Decisions.PlanningSamples;

namespace Orchestrator.Engine.Tests.Decisions;

public sealed class DecisionEnginePriorityTests
{
    /// <summary>The diamond after a revision changed every input, with the durations observed last time.</summary>
    private static IterationPlan Revised(double top, double left, double right, double bottom) =>
        Plan(Diamond(),
            Succeeded("top", "new", top), Succeeded("left", "new", left),
            Succeeded("right", "new", right), Succeeded("bottom", "new", bottom));

    [Test]
    public void With_observed_durations_the_critical_path_launches_first()
    {
        var plan = Revised(top: 1, left: 2, right: 10, bottom: 1);

        // Chains: top 1+10+1 = 12 s, right 10+1 = 11 s, left 2+1 = 3 s, bottom 1 s.
        Assert.That(Ids(plan.Candidates), Is.EqualTo(new[] { "top", "right", "left", "bottom" }));
        Assert.That(plan.Candidates.Select(c => c.Score), Is.EqualTo(new[] { 3.05, 2.6666, 0.9333, 0.2167 }));
        Assert.That(plan.CriticalPath, Is.EqualTo(new[] { "top", "right", "bottom" }));
        Assert.That(plan.CriticalPathDuration, Is.EqualTo(TimeSpan.FromSeconds(12)));
        Assert.That(plan.Candidates.Select(c => c.OnCriticalPath), Is.EqualTo(new[] { true, true, false, true }));

        var right = CandidateOf(plan, "right");
        Assert.That(right.Terms, Is.EqualTo(new ScoreTerms(0, 1.8333, 0.3333, 0.5, 0, 0)));
        Assert.That(right.Chain, Is.EqualTo(TimeSpan.FromSeconds(11)));
        Assert.That(right.DurationSource, Is.EqualTo(DurationSource.Observed));
        Assert.That(right.Reason, Is.EqualTo(
            "inputs changed since its last success; score 2.67 = priority +0.00 (none set)"
            + " + critical path +1.83 (chain 11 s of 12 s; own 10 s observed; on the critical path)"
            + " + dependants +0.33 (1 transitive of max 3)"
            + " + duration +0.50 (observed 10 s, longest 10 s)"
            + " - failures 0.00 (0 of 2 allowed) - load 0.00 (0 running, parallelism 1)"));
        Assert.That(CandidateOf(plan, "left").Reason, Does.Contain("critical path +0.50 (chain 3 s of 12 s; own 2 s observed)"));
    }

    [Test]
    public void The_order_follows_the_observed_durations_not_the_file()
    {
        var plan = Revised(top: 1, left: 10, right: 2, bottom: 1);

        Assert.That(Ids(plan.Candidates), Is.EqualTo(new[] { "top", "left", "right", "bottom" }));
        Assert.That(plan.CriticalPath, Is.EqualTo(new[] { "top", "left", "bottom" }));
    }

    [Test]
    public void Without_observations_estimates_drive_the_chain_and_say_so()
    {
        var pipeline = Pipeline(
            Node("a") with { EstimatedDuration = TimeSpan.FromSeconds(5) },
            Node("b") with { EstimatedDuration = TimeSpan.FromSeconds(50) },
            Node("c") with { Timeout = TimeSpan.FromSeconds(20) });

        var plan = Plan(pipeline);

        Assert.That(Ids(plan.Candidates), Is.EqualTo(new[] { "b", "c", "a" }));
        Assert.That(CandidateOf(plan, "a").Reason, Does.Contain(
            "critical path +0.20 (chain 5 s of 50 s; own 5 s estimated) + dependants +0.00 (0 transitive of max 0) + duration +0.00 (not observed yet)"));
        Assert.That(CandidateOf(plan, "c").Reason, Does.Contain("own 20 s from its timeout"));
        Assert.That(CandidateOf(plan, "c").DurationSource, Is.EqualTo(DurationSource.Timeout));
    }

    [Test]
    public void Configured_priority_is_normalised_by_the_largest_and_outweighs_the_heuristics()
    {
        var pipeline = Pipeline(Node("x"), Node("y") with { Priority = 5 }, Node("z") with { Priority = -5 });

        var plan = Plan(pipeline);

        Assert.That(Ids(plan.Candidates), Is.EqualTo(new[] { "y", "x", "z" }));
        Assert.That(plan.Candidates.Select(c => c.Score), Is.EqualTo(new[] { 5.0, 2.0, -1.0 }));
        Assert.That(CandidateOf(plan, "y").Reason, Is.EqualTo(
            "not run yet; score 5.00 = priority +3.00 (5 of max 5)"
            + " + critical path +2.00 (chain 5 min of 5 min; own 5 min from actionTimeout; on the critical path)"
            + " + dependants +0.00 (0 transitive of max 0) + duration +0.00 (not observed yet)"
            + " - failures 0.00 (0 of 2 allowed) - load 0.00 (0 running, parallelism 1)"));
        Assert.That(CandidateOf(plan, "z").Reason, Does.Contain("priority -3.00 (-5 of max 5)"));
    }

    [Test]
    public void A_high_priority_dependant_still_launches_after_its_dependencies()
    {
        var pipeline = Pipeline(Node("top"), Node("left", "top"), Node("right", "top"), Node("bottom", "left", "right") with { Priority = 100 });

        var plan = Plan(pipeline);

        Assert.That(CandidateOf(plan, "bottom").Score, Is.GreaterThan(CandidateOf(plan, "top").Score));
        Assert.That(Ids(plan.Candidates), Is.EqualTo(new[] { "top", "left", "right", "bottom" }));
    }

    [Test]
    public void Failure_history_is_penalised()
    {
        var plan = Plan(Pipeline(Node("x"), Node("y")), Failed("x", 1));

        Assert.That(Ids(plan.Candidates), Is.EqualTo(new[] { "y", "x" }));
        var x = CandidateOf(plan, "x");
        Assert.That(x.Terms.FailurePenalty, Is.EqualTo(0.75));
        Assert.That(x.Score, Is.EqualTo(1.25));
        Assert.That(x.Reason, Does.StartWith("retry after Failed: IOException (1 failure of 2 allowed); score 1.25 = "));
        Assert.That(x.Reason, Does.Contain(" - failures 0.75 (1 of 2 allowed)"));
    }

    [Test]
    public void Current_load_is_penalised()
    {
        var pipeline = Pipeline(Node("x") with { Parallelism = 4 }, Node("y"));

        var plan = Plan(pipeline, new NodePlanningState { NodeId = "x", Running = 2 });

        Assert.That(Ids(plan.Candidates), Is.EqualTo(new[] { "y", "x" }));
        Assert.That(CandidateOf(plan, "x").Terms.LoadPenalty, Is.EqualTo(0.5));
        Assert.That(CandidateOf(plan, "x").Reason, Does.EndWith(" - load 0.50 (2 running, parallelism 4)"));
    }

    [Test]
    public void Equal_scores_keep_file_order_and_weights_are_configurable()
    {
        var pipeline = Pipeline(Node("b"), Node("a"), Node("c") with { Priority = 1 });
        var heuristicsOnly = new PlanningOptions { Weights = new PriorityWeights(Priority: 0) };

        Assert.That(Ids(Plan(pipeline).Candidates), Is.EqualTo(new[] { "c", "b", "a" }));
        Assert.That(Ids(Plan(pipeline, 1, heuristicsOnly).Candidates), Is.EqualTo(new[] { "b", "a", "c" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Plan(pipeline, 1, new PlanningOptions { Weights = new PriorityWeights(LoadPenalty: -1) }));
    }

    [Test]
    public void The_same_input_gives_the_same_plan()
    {
        var first = Revised(3, 1, 4, 1);
        var second = Revised(3, 1, 4, 1);

        Assert.That(second.Candidates, Is.EqualTo(first.Candidates));
        Assert.That(second.Filtered, Is.EqualTo(first.Filtered));
    }
}
