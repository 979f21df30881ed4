using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.Graph;
using Orchestrator.Engine.Iteration;
using Orchestrator.Engine.Pipelines;
using static Orchestrator.Engine.Tests.Decisions.PlanningSamples;
using static Orchestrator.Engine.Tests.Iteration.EscalationPolicyTests;

namespace Orchestrator.Engine.Tests.Iteration;

public sealed class IterationStrategyTests
{
    private static readonly TimeSpan ThirtySeconds = TimeSpan.FromSeconds(30);

    private static NodePlanningState TimedOut(string id, int failures, double? observedSeconds = null) =>
        Failed(id, failures, ActionStatus.TimedOut, "TimeoutRejectedException") with
        {
            LastError = null,
            ObservedDuration = observedSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
        };

    private static IterationStrategy Strategy(
        PipelineDefinition pipeline, IReadOnlyDictionary<string, NodeOverrides>? overrides = null, int maxFailures = 2,
        SizeHint? size = null, params NodePlanningState[] states) =>
        IterationController.PlanStrategy(new StrategyInput
        {
            Pipeline = pipeline,
            Nodes = states,
            Overrides = overrides ?? new Dictionary<string, NodeOverrides>(),
            Planning = new PlanningOptions { MaxActionFailures = maxFailures },
            Size = size,
        });

    [Test]
    public void A_timed_out_node_that_allows_escalation_gets_a_larger_timeout_within_the_cap()
    {
        var pipeline = Pipeline(NodeWithOptions("style", """{"escalate":{"timeoutFactor":2,"maxTimeout":"00:01:40"}}""", ThirtySeconds));

        var first = Strategy(pipeline, null, 5, null, TimedOut("style", 1));
        var second = Strategy(pipeline, first.Overrides, 5, null, TimedOut("style", 2));
        var third = Strategy(pipeline, second.Overrides, 5, null, TimedOut("style", 3));

        Assert.That(first.Overrides["style"].Timeout, Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(first.Escalations, Is.EqualTo(new[]
        {
            new EscalationDecision("style", EscalationKind.Timeout, "timed out at 30 s: timeout x2 to 60 s for its retry (cap 100 s)"),
        }));
        Assert.That(second.Overrides["style"].Timeout, Is.EqualTo(TimeSpan.FromSeconds(100)), "60 s x 2 is over the 100 s cap");
        Assert.That(second.Escalations.Single().Reason, Is.EqualTo("timed out at 60 s: timeout x2 to 100 s for its retry (cap 100 s)"));
        Assert.That(third.Overrides["style"].Timeout, Is.EqualTo(TimeSpan.FromSeconds(100)), "at the cap it stays");
        Assert.That(third.Escalations, Is.Empty);
        Assert.That(first.Suggestions, Is.Empty);
    }

    [Test]
    public void An_observed_duration_beyond_the_factor_sets_the_escalated_timeout()
    {
        var pipeline = Pipeline(NodeWithOptions("style", """{"escalate":{"maxTimeout":"00:05:00"}}""", ThirtySeconds));

        var strategy = Strategy(pipeline, null, 2, null, TimedOut("style", 1, observedSeconds: 70));

        Assert.That(strategy.Overrides["style"].Timeout, Is.EqualTo(TimeSpan.FromSeconds(90)), "70 s x 1.25 = 87.5 s, rounded up");
        Assert.That(strategy.Escalations.Single().Reason, Is.EqualTo("timed out at 30 s, observed 70 s: timeout to 90 s for its retry (cap 5 min)"));
    }

    [Test]
    public void Without_escalate_a_timeout_is_not_changed()
    {
        var pipeline = Pipeline(Node("style") with { Timeout = ThirtySeconds });

        var strategy = Strategy(pipeline, null, 2, null, TimedOut("style", 1));

        Assert.That(strategy.Overrides, Is.Empty);
        Assert.That(strategy.Escalations, Is.Empty);
    }

    [Test]
    public void Escalate_true_doubles_up_to_four_times_the_nodes_timeout_or_the_action_timeout()
    {
        var pipeline = Pipeline(new PipelineSettings { ActionTimeout = TimeSpan.FromSeconds(20) }, NodeWithOptions("style", """{"escalate":true}"""));

        var strategy = Strategy(pipeline, new Dictionary<string, NodeOverrides> { ["style"] = new() { Timeout = TimeSpan.FromSeconds(60) } },
            5, null, TimedOut("style", 2));

        Assert.That(strategy.Overrides["style"].Timeout, Is.EqualTo(TimeSpan.FromSeconds(80)));
    }

    [Test]
    public void A_low_scoring_node_reruns_once_with_its_escalation_options()
    {
        var style = NodeWithOptions("style",
            """{"longSentenceWords":40,"strict":false,"escalate":{"belowScore":0.6,"options":{"longSentenceWords":30,"extra":[1,2]}}}""");
        var pipeline = Pipeline(Node("structure"), style with { DependsOn = ["structure"] }, Node("pacing", "style"));
        var low = Succeeded("style") with { Score = 0.42 };

        var strategy = Strategy(pipeline, null, 2, null, Succeeded("structure") with { Score = 0.1 }, low, Succeeded("pacing"));

        const string reason = """score 0.42 below escalate.belowScore 0.60: re-runs with escalate.options {"longSentenceWords":30,"extra":[1,2]}""";
        Assert.That(strategy.Escalations, Is.EqualTo(new[] { new EscalationDecision("style", EscalationKind.Options, reason) }));
        Assert.That(strategy.RerunRequests, Is.EqualTo(new Dictionary<string, string> { ["style"] = "escalated: " + reason }));
        var options = strategy.Overrides["style"].Options!;
        Assert.That(options.Names, Is.EqualTo(new[] { "longSentenceWords", "strict", "escalate", "extra" }));
        Assert.That(options.GetInt("longSentenceWords", 0), Is.EqualTo(30));
        Assert.That(options.GetBool("strict", true), Is.False);

        // The planner re-runs it (and what depends on it) with that reason.
        var plan = DecisionEngine.Plan(new PlanningInput
        {
            Pipeline = pipeline, Graph = WorkflowGraph.FromPipeline(pipeline), Iteration = 2, Now = Now,
            Nodes = [Succeeded("structure"), low, Succeeded("pacing")], RerunRequests = strategy.RerunRequests,
        });
        Assert.That(plan.Candidates.Select(c => (c.NodeId, c.CauseText)), Is.EqualTo(new[]
        {
            ("style", "escalated: " + reason), ("pacing", "dependency 'style' re-runs in this plan"),
        }));

        // Escalated once: still low with the new options, it is not escalated again, and the options stay.
        var again = Strategy(pipeline, strategy.Overrides, 2, null, low with { Score = 0.45 });
        Assert.That(again.Escalations, Is.Empty);
        Assert.That(again.RerunRequests, Is.Empty);
        Assert.That(again.Overrides["style"].Options, Is.SameAs(options));
    }

    [Test]
    public void A_timeout_that_will_not_be_retried_gets_a_suggestion_with_numbers()
    {
        var pipeline = Pipeline(Node("style") with { Timeout = ThirtySeconds });

        var strategy = Strategy(pipeline, null, 2, new SizeHint(180_000, "words"), TimedOut("style", 2, observedSeconds: 41));

        Assert.That(strategy.Suggestions, Is.EqualTo(new[]
        {
            new RetrySuggestion("style", "style timed out at 30 s on 180k words, observed 41 s: set its timeout to at least 60 s"),
        }));
    }

    [Test]
    public void A_suggestion_allows_for_a_long_observation_and_a_reached_cap()
    {
        var pipeline = Pipeline(NodeWithOptions("style", """{"escalate":{"maxTimeout":"00:01:00"}}""", ThirtySeconds));
        var overrides = new Dictionary<string, NodeOverrides> { ["style"] = new() { Timeout = TimeSpan.FromSeconds(60) } };

        var strategy = Strategy(pipeline, overrides, 2, null, TimedOut("style", 2, observedSeconds: 130));

        Assert.That(strategy.Suggestions.Single().Text, Is.EqualTo(
            "style timed out at 60 s, observed 2 min 10 s: set its timeout to at least 3 min (its escalate.maxTimeout, 60 s, was reached)"));
    }

    [Test]
    public void Failures_and_invalid_input_that_will_not_be_retried_get_suggestions()
    {
        var pipeline = Pipeline(Node("pacing"), Node("themes"), Node("retrying"));
        var invalid = new NodePlanningState
        {
            NodeId = "themes", Status = ActionStatus.Invalid, Actions = 1,
            LastError = new ActionError("InvalidNodeInputException", "no chapters found"),
        };

        var strategy = Strategy(pipeline, null, 2, null, Failed("pacing", 2), invalid, Failed("retrying", 1));

        Assert.That(strategy.Suggestions, Is.EqualTo(new[]
        {
            new RetrySuggestion("pacing",
                "pacing failed 2 times (limit maxActionFailures 2) (IOException: disk full): fix the cause, or raise maxActionFailures above 2 to retry it"),
            new RetrySuggestion("themes",
                "themes rejected its input as invalid (InvalidNodeInputException: no chapters found): Invalid is never retried; check the input or the node's options"),
        }));
    }

    [Test]
    public void With_retries_disabled_a_failure_suggests_enabling_them()
    {
        var pipeline = Pipeline(new PipelineSettings { EnableRetries = false }, Node("pacing"));

        var strategy = Strategy(pipeline, null, 2, null, Failed("pacing", 1));

        Assert.That(strategy.Suggestions.Single().Text, Is.EqualTo(
            "pacing failed (IOException: disk full) and retries are disabled: set enableRetries to true to retry it (up to maxActionFailures 2 failures)"));
    }

    [Test]
    public void Overrides_apply_to_a_copy_of_the_pipeline()
    {
        var pipeline = Pipeline(NodeWithOptions("style", """{"a":1}""", ThirtySeconds), Node("other"));
        var options = NodeOverrides.Merge(pipeline.Nodes[0].Options, NodeWithOptions("x", """{"a":2,"b":true}""").Options);

        var applied = NodeOverrides.ApplyTo(pipeline,
            new Dictionary<string, NodeOverrides> { ["style"] = new() { Timeout = TimeSpan.FromSeconds(60), Options = options } });

        Assert.That(applied.Nodes[0].Timeout, Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(applied.Nodes[0].Options.ToString(), Is.EqualTo("""{"a":2,"b":true}"""));
        Assert.That(applied.Nodes[1], Is.SameAs(pipeline.Nodes[1]));
        Assert.That(pipeline.Nodes[0].Timeout, Is.EqualTo(ThirtySeconds), "the original is unchanged");
        Assert.Throws<ArgumentException>(() => NodeOverrides.ApplyTo(pipeline, new Dictionary<string, NodeOverrides> { ["ghost"] = new() }));
    }

    [TestCase(0.25, "250 ms")]
    [TestCase(2.5, "2.5 s")]
    [TestCase(41, "41 s")]
    [TestCase(90, "90 s")]
    [TestCase(150, "2 min 30 s")]
    [TestCase(180, "3 min")]
    [TestCase(3900, "65 min")]
    [TestCase(7500, "2 h 5 min")]
    public void Durations_read_naturally(double seconds, string text) =>
        Assert.That(Orchestrator.Engine.Decisions.Readable.Duration(TimeSpan.FromSeconds(seconds)), Is.EqualTo(text));

    [TestCase(41, 45)]
    [TestCase(60, 60)]
    [TestCase(61.5, 90)]
    [TestCase(162.5, 180)]
    [TestCase(601, 660)]
    [TestCase(3700, 3900)]
    public void Suggested_timeouts_round_up_to_a_round_figure(double seconds, double rounded) =>
        Assert.That(IterationController.RoundUp(TimeSpan.FromSeconds(seconds)), Is.EqualTo(TimeSpan.FromSeconds(rounded)));
}
