using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.Iteration;
using Orchestrator.Engine.Pipelines;
using static Orchestrator.Engine.Tests.Decisions.PlanningSamples;

namespace Orchestrator.Engine.Tests.Iteration;

public sealed class IterationControllerStopTests
{
    private static readonly PipelineSettings Settings = new() { QualityThreshold = 0.8, MaxIterations = 5, SessionTimeout = TimeSpan.FromMinutes(30) };

    /// <summary>A next plan with work in it: the diamond, nothing run.</summary>
    private static readonly IterationPlan Work = Plan(Diamond());

    /// <summary>A next plan with nothing to do: every node up to date.</summary>
    private static readonly IterationPlan Done = Plan(Diamond(), Succeeded("top"), Succeeded("left"), Succeeded("right"), Succeeded("bottom"));

    private static List<IterationMetrics> History(params double[] qualities)
    {
        var history = new List<IterationMetrics>();
        for (var i = 0; i < qualities.Length; i++)
            history.Add(new IterationMetrics(i + 1, Now.AddMinutes(i), TimeSpan.FromMinutes(1), 4, 4, 0, 0, 0, 0, qualities[i],
                i == 0 ? null : Math.Round(qualities[i] - qualities[i - 1], 4)));
        return history;
    }

    private static IterationFacts Facts(IterationPlan next, double[] qualities, TimeSpan? elapsed = null, RuleStopVerdict? rule = null) => new()
    {
        Iteration = qualities.Length,
        Settings = Settings,
        SessionStartedAt = Now,
        Now = Now + (elapsed ?? TimeSpan.FromMinutes(qualities.Length)),
        History = History(qualities),
        NextPlan = next,
        Rule = rule,
    };

    [Test]
    public void Nothing_says_stop_so_the_run_continues()
    {
        var decision = IterationController.Evaluate(Facts(Work, [0.5, 0.6]));

        Assert.That(decision, Is.EqualTo(new StopDecision(false, StopReason.None,
            "continue: 4 actions planned for iteration 3; quality 0.6000 (+0.1000)")).Using<StopDecision>(SameDecision));
    }

    [Test]
    public void Quality_at_the_threshold_stops()
    {
        var decision = IterationController.Evaluate(Facts(Work, [0.5, 0.8234]));

        Assert.That(decision.Stop, Is.True);
        Assert.That(decision.Reason, Is.EqualTo(StopReason.QualityThreshold));
        Assert.That(decision.Message, Is.EqualTo("quality 0.8234 reached qualityThreshold 0.80 after iteration 2"));
        Assert.That(IterationController.Evaluate(Facts(Work, [0.8])).Reason, Is.EqualTo(StopReason.QualityThreshold), "at, not only above");
        Assert.That(IterationController.Evaluate(Facts(Work, [0.7999])).Stop, Is.False);
    }

    [Test]
    public void Max_iterations_is_the_loop_cap()
    {
        var decision = IterationController.Evaluate(Facts(Work, [0.1, 0.2, 0.3, 0.4, 0.5]));

        Assert.That((decision.Stop, decision.Reason, decision.Message),
            Is.EqualTo((true, StopReason.MaxIterations, "iteration 5 of maxIterations 5 done")));
    }

    [Test]
    public void The_session_timeout_stops_with_the_timestamps_that_prove_it()
    {
        var decision = IterationController.Evaluate(Facts(Work, [0.5], elapsed: new TimeSpan(0, 0, 31, 2, 500)));

        Assert.That(decision.Reason, Is.EqualTo(StopReason.SessionTimeout));
        Assert.That(decision.Message, Is.EqualTo(
            "session ran 00:31:02.5 (started 2025-06-01 10:00:00Z, now 2025-06-01 10:31:02Z), reaching sessionTimeout 00:30:00"));
        Assert.That(IterationController.Evaluate(Facts(Work, [0.5], elapsed: TimeSpan.FromMinutes(29.9))).Stop, Is.False);
    }

    [Test]
    public void A_plateau_compares_the_best_of_the_last_iterations_with_the_best_before()
    {
        var decision = IterationController.Evaluate(Facts(Work, [0.5, 0.6, 0.602, 0.604]));

        Assert.That(decision.Reason, Is.EqualTo(StopReason.Plateau));
        Assert.That(decision.Message, Is.EqualTo(
            "plateau: the best quality of the last 2 iterations, 0.6040, is +0.0040 over the best before them, 0.6000: not more than plateauEpsilon 0.005"));
    }

    [TestCase(new[] { 0.6, 0.6, 0.605 }, true, TestName = "A gain of exactly epsilon is no progress")]
    [TestCase(new[] { 0.6, 0.7, 0.65, 0.68 }, true, TestName = "Falling back below an earlier best is no progress")]
    [TestCase(new[] { 0.5, 0.6, 0.62 }, false, TestName = "A gain above epsilon is progress")]
    [TestCase(new[] { 0.5, 0.5 }, false, TestName = "Two iterations are too few to judge a plateau of two")]
    public void Plateau_boundaries(double[] qualities, bool plateau)
    {
        var decision = IterationController.Evaluate(Facts(Work, qualities));

        Assert.That(decision.Reason == StopReason.Plateau, Is.EqualTo(plateau), decision.Message);
    }

    [Test]
    public void Plateau_options_are_configurable()
    {
        var facts = Facts(Work, [0.5, 0.55, 0.56]) with { Options = new IterationOptions { PlateauEpsilon = 0.02, PlateauIterations = 1 } };

        var decision = IterationController.Evaluate(facts);

        Assert.That(decision.Message, Is.EqualTo(
            "plateau: the best quality of the last 1 iteration, 0.5600, is +0.0100 over the best before them, 0.5500: not more than plateauEpsilon 0.02"));
    }

    [Test]
    public void Nothing_left_to_run_stops()
    {
        var decision = IterationController.Evaluate(Facts(Done, [0.5]));

        Assert.That((decision.Reason, decision.Message), Is.EqualTo(
            (StopReason.NothingToRun, "nothing left to run: 4 of 4 nodes succeeded and their inputs are unchanged")));
    }

    [Test]
    public void Remaining_work_all_out_of_retries_stops_naming_it()
    {
        var next = Plan(Diamond(), Succeeded("top"), Failed("left", 2), Succeeded("right"), WithStatus("bottom", Orchestrator.Engine.Dataflow.ActionStatus.Skipped));

        var decision = IterationController.Evaluate(Facts(next, [0.5]));

        Assert.That((decision.Reason, decision.Message), Is.EqualTo((StopReason.OutOfRetries,
            "nothing left that will be retried: left: out of retries (2 failures, limit 2; last Failed: IOException); 1 more blocked by them: bottom")));
    }

    [Test]
    public void A_select_rule_that_chooses_nothing_stops_instead_of_spinning()
    {
        var decision = IterationController.Evaluate(Facts(Work.WithSelection([]), [0.5]));

        Assert.That((decision.Reason, decision.Message), Is.EqualTo(
            (StopReason.NothingToRun, "rules.select chose none of the 4 candidates for iteration 2")));
    }

    [Test]
    public void Waiting_for_action_spacing_is_not_the_end()
    {
        var spaced = Plan(Pipeline(new PipelineSettings { ActionSpacing = TimeSpan.FromSeconds(10) }, Node("model")),
            2, null, Now.AddSeconds(4), null, new NodePlanningState { NodeId = "model", LastLaunchedAt = Now });

        var decision = IterationController.Evaluate(Facts(spaced, [0.5]));

        Assert.That((decision.Stop, decision.Message), Is.EqualTo((false,
            "continue: nothing can launch before 2025-06-01 10:00:10Z (action spacing): plan iteration 2 again then; quality 0.5000")));
    }

    [Test]
    public void The_stop_rule_is_recorded_with_its_name()
    {
        var stop = IterationController.Evaluate(Facts(Work, [0.5, 0.6], rule: new RuleStopVerdict("rules/stop.csx", true)));
        var go = IterationController.Evaluate(Facts(Work, [0.5, 0.6], rule: new RuleStopVerdict("rules/stop.csx", false)));

        Assert.That((stop.Stop, stop.Reason, stop.Message), Is.EqualTo((true, StopReason.RuleStop, "rules/stop.csx said stop after iteration 2")));
        Assert.That(go.Stop, Is.False);
    }

    [Test]
    public void A_cycle_in_the_next_plan_stops_first()
    {
        var broken = Plan(Pipeline(Node("a", "b"), Node("b", "a")));

        var decision = IterationController.Evaluate(Facts(broken, [0.9]));

        Assert.That(decision.Reason, Is.EqualTo(StopReason.CircularDependency));
        Assert.That(decision.Message, Does.StartWith("circular dependency at plan time: a -> b -> a; fix dependsOn in the pipeline (also: quality 0.9000 reached"));
    }

    [Test]
    public void When_several_hold_the_first_by_precedence_is_the_reason_and_the_others_are_named()
    {
        var facts = Facts(Work, [0.1, 0.2, 0.85, 0.851, 0.852], elapsed: TimeSpan.FromHours(1), rule: new RuleStopVerdict("rules.stop", true));

        var decision = IterationController.Evaluate(facts);

        Assert.That(decision.Reason, Is.EqualTo(StopReason.QualityThreshold));
        Assert.That(decision.AlsoMet, Is.EqualTo(new[] { StopReason.RuleStop, StopReason.SessionTimeout, StopReason.MaxIterations, StopReason.Plateau }));
        Assert.That(decision.Message, Is.EqualTo(
            "quality 0.8520 reached qualityThreshold 0.80 after iteration 5 (also: rules.stop said stop after iteration 5; "
            + "session ran 01:00:00 (started 2025-06-01 10:00:00Z, now 2025-06-01 11:00:00Z), reaching sessionTimeout 00:30:00; "
            + "iteration 5 of maxIterations 5 done; "
            + "plateau: the best quality of the last 2 iterations, 0.8520, is +0.0020 over the best before them, 0.8500: not more than plateauEpsilon 0.005)"));
    }

    [TestCase(StopReason.RuleStop, StopReason.NothingToRun)]
    [TestCase(StopReason.NothingToRun, StopReason.SessionTimeout)]
    [TestCase(StopReason.OutOfRetries, StopReason.SessionTimeout)]
    [TestCase(StopReason.SessionTimeout, StopReason.MaxIterations)]
    [TestCase(StopReason.MaxIterations, StopReason.Plateau)]
    public void Precedence_pairwise(StopReason first, StopReason second)
    {
        var reasons = new[] { first, second };
        var next = reasons.Contains(StopReason.NothingToRun) ? Done
            : reasons.Contains(StopReason.OutOfRetries) ? Plan(Diamond(), Failed("top", 2))
            : Work;
        double[] qualities = reasons.Contains(StopReason.Plateau) ? [0.1, 0.2, 0.3, 0.3, 0.3]
            : reasons.Contains(StopReason.MaxIterations) ? [0.1, 0.2, 0.3, 0.4, 0.5]
            : [0.3];
        var facts = Facts(next, qualities,
            elapsed: reasons.Contains(StopReason.SessionTimeout) ? TimeSpan.FromHours(2) : TimeSpan.FromMinutes(1),
            rule: reasons.Contains(StopReason.RuleStop) ? new RuleStopVerdict("rules.stop", true) : null);
        if (!reasons.Contains(StopReason.MaxIterations)) facts = facts with { Settings = Settings with { MaxIterations = 100 } };

        var decision = IterationController.Evaluate(facts);

        Assert.That(decision.Reason, Is.EqualTo(first), decision.Message);
        Assert.That(decision.AlsoMet, Is.EqualTo(new[] { second }), decision.Message);
    }

    [Test]
    public void Facts_must_end_with_the_iteration_just_finished()
    {
        Assert.Throws<ArgumentException>(() => IterationController.Evaluate(Facts(Work, [0.5]) with { Iteration = 2 }));
        Assert.Throws<ArgumentException>(() => IterationController.Evaluate(Facts(Work, [0.5]) with { History = [] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => IterationController.Evaluate(Facts(Work, [0.5]) with { Options = new IterationOptions { PlateauIterations = 0 } }));
    }

    private static bool SameDecision(StopDecision a, StopDecision b) =>
        a.Stop == b.Stop && a.Reason == b.Reason && a.Message == b.Message && a.AlsoMet.SequenceEqual(b.AlsoMet);
}
