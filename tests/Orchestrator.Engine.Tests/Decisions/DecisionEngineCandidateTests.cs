using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.Graph;
using Orchestrator.Engine.Pipelines;
using static Orchestrator.Engine.Tests.Decisions.PlanningSamples;

namespace Orchestrator.Engine.Tests.Decisions;

public sealed class DecisionEngineCandidateTests
{
    [Test]
    public void First_iteration_runs_every_node_roots_first()
    {
        var plan = Plan(Diamond());

        Assert.That(Ids(plan.Candidates), Is.EqualTo(new[] { "top", "left", "right", "bottom" }));
        Assert.That(plan.Candidates.Select(c => c.Cause), Is.All.EqualTo(CandidateCause.NotRunYet));
        Assert.That(plan.Candidates.Select(c => c.CauseText), Is.All.EqualTo("not run yet"));
        Assert.That(plan.Candidates.Select(c => c.Attempt), Is.All.EqualTo(1));
        Assert.That(plan.ChosenIds, Is.EqualTo(new[] { "top", "left", "right", "bottom" }));
        Assert.That(plan.Filtered, Is.Empty);
        Assert.That(plan.Cycles, Is.Empty);
        Assert.That(plan.NextEligibleAt, Is.Null);
        // No durations known: every node counts its actionTimeout (5 min); the left branch wins the tie by file order.
        Assert.That(plan.CriticalPath, Is.EqualTo(new[] { "top", "left", "bottom" }));
        Assert.That(plan.CriticalPathDuration, Is.EqualTo(TimeSpan.FromMinutes(15)));
    }

    [Test]
    public void Nothing_runs_when_every_node_succeeded_and_its_inputs_are_unchanged()
    {
        var plan = Plan(Diamond(), Succeeded("top"), Succeeded("left"), Succeeded("right"), Succeeded("bottom"));

        Assert.That(plan.Candidates, Is.Empty);
        Assert.That(plan.IsEmpty, Is.True);
        Assert.That(plan.Filtered.Select(f => (f.NodeId, f.Kind, f.Reason)), Is.EqualTo(new[]
        {
            ("top", FilterKind.UpToDate, "succeeded and inputs unchanged"),
            ("left", FilterKind.UpToDate, "succeeded and inputs unchanged"),
            ("right", FilterKind.UpToDate, "succeeded and inputs unchanged"),
            ("bottom", FilterKind.UpToDate, "succeeded and inputs unchanged"),
        }));
        Assert.That(plan.CriticalPath, Is.Empty);
    }

    [Test]
    public void A_changed_input_hash_reruns_the_node_and_in_the_same_pass_what_depends_on_it()
    {
        var plan = Plan(Diamond(), Succeeded("top"), Succeeded("left"), Succeeded("right", currentHash: "h-right-2"), Succeeded("bottom"));

        Assert.That(plan.Candidates.Select(c => (c.NodeId, c.Cause, c.CauseText, c.Attempt)), Is.EqualTo(new[]
        {
            ("right", CandidateCause.InputsChanged, "inputs changed since its last success", 2),
            ("bottom", CandidateCause.DependencyRerun, "dependency 'right' re-runs in this plan", 2),
        }));
        Assert.That(plan.Filtered.Select(f => f.NodeId), Is.EqualTo(new[] { "top", "left" }));
    }

    [Test]
    public void Without_cascade_a_dependant_waits_for_its_own_hash_to_change()
    {
        var plan = Plan(Diamond(), 2, new PlanningOptions { CascadeReruns = false }, null, null,
            Succeeded("top"), Succeeded("left"), Succeeded("right", currentHash: "h-right-2"), Succeeded("bottom"));

        Assert.That(Ids(plan.Candidates), Is.EqualTo(new[] { "right" }));
        Assert.That(FilteredOf(plan, "bottom").Reason, Is.EqualTo("succeeded and inputs unchanged"));
    }

    [Test]
    public void A_null_current_hash_means_inputs_are_not_tracked_so_no_rerun()
    {
        var plan = Plan(Diamond(), Succeeded("top") with { CurrentInputHash = null }, Succeeded("left"), Succeeded("right"), Succeeded("bottom"));

        Assert.That(plan.Candidates, Is.Empty);
    }

    [Test]
    public void A_failure_with_budget_left_is_planned_again_with_its_dependants()
    {
        var plan = Plan(Diamond(), Succeeded("top"), Failed("left", 1), Succeeded("right"), WithStatus("bottom", ActionStatus.Skipped));

        Assert.That(plan.Candidates.Select(c => (c.NodeId, c.Cause, c.CauseText)), Is.EqualTo(new[]
        {
            ("left", CandidateCause.Retry, "retry after Failed: IOException (1 failure of 2 allowed)"),
            ("bottom", CandidateCause.Skipped, "skipped last time (a dependency had not succeeded)"),
        }));
        Assert.That(CandidateOf(plan, "left").Attempt, Is.EqualTo(2));
    }

    [Test]
    public void A_failure_out_of_budget_is_filtered_and_so_are_its_dependants()
    {
        var plan = Plan(Diamond(), Succeeded("top"), Failed("left", 2), Succeeded("right"), WithStatus("bottom", ActionStatus.Skipped));

        Assert.That(plan.Candidates, Is.Empty);
        Assert.That(FilteredOf(plan, "left"), Is.EqualTo(new FilteredNode("left", FilterKind.OutOfRetries,
            "out of retries (2 failures, limit 2; last Failed: IOException)")));
        Assert.That(FilteredOf(plan, "bottom"), Is.EqualTo(new FilteredNode("bottom", FilterKind.DependencyNotReady,
            "dependency 'left' failed and is out of retries", BlockedBy: "left")));
    }

    [Test]
    public void A_block_names_the_node_at_its_root_through_a_chain()
    {
        var pipeline = Pipeline(Node("a"), Node("b", "a"), Node("c", "b"));

        var plan = Plan(pipeline, Failed("a", 2, ActionStatus.TimedOut, "TimeoutRejectedException"));

        Assert.That(plan.Filtered.Select(f => (f.NodeId, f.Reason, f.BlockedBy)), Is.EqualTo(new[]
        {
            ("a", "out of retries (2 failures, limit 2; last TimedOut: TimeoutRejectedException)", (string?)null),
            ("b", "dependency 'a' failed and is out of retries", "a"),
            ("c", "dependency 'b' cannot run: 'a' failed and is out of retries", "a"),
        }));
    }

    [Test]
    public void The_failure_limit_is_configurable()
    {
        var zero = Plan(Diamond(), 2, new PlanningOptions { MaxActionFailures = 0 }, null, null, Failed("top", 1));
        var three = Plan(Diamond(), 2, new PlanningOptions { MaxActionFailures = 3 }, null, null, Failed("top", 2));

        Assert.That(FilteredOf(zero, "top").Reason, Is.EqualTo("out of retries (1 failure, limit 0; last Failed: IOException)"));
        Assert.That(CandidateOf(three, "top").CauseText, Is.EqualTo("retry after Failed: IOException (2 failures of 3 allowed)"));
    }

    [Test]
    public void Invalid_input_is_never_retried()
    {
        var invalid = new NodePlanningState
        {
            NodeId = "top", Status = ActionStatus.Invalid, Actions = 1,
            LastError = new ActionError("InvalidNodeInputException", "no chapters found"),
        };

        var plan = Plan(Diamond(), invalid);

        Assert.That(plan.Candidates, Is.Empty);
        Assert.That(FilteredOf(plan, "top").Reason, Is.EqualTo("Invalid input is never retried (InvalidNodeInputException: no chapters found)"));
        Assert.That(FilteredOf(plan, "left").Reason, Is.EqualTo("dependency 'top' had Invalid input, which is never retried"));
        Assert.That(FilteredOf(plan, "bottom").Reason, Is.EqualTo("dependency 'left' cannot run: 'top' had Invalid input, which is never retried"));
    }

    [Test]
    public void Disabled_retries_leave_a_failure_alone()
    {
        var plan = Plan(Pipeline(new PipelineSettings { EnableRetries = false }, Node("a")), Failed("a", 1, ActionStatus.TimedOut));

        Assert.That(FilteredOf(plan, "a"), Is.EqualTo(new FilteredNode("a", FilterKind.RetriesDisabled,
            "TimedOut and retries are disabled (settings.enableRetries is false)")));
    }

    [Test]
    public void Cancelled_and_skipped_nodes_run_again_and_unknown_states_are_ignored()
    {
        var plan = Plan(Diamond(), Succeeded("top"), WithStatus("left", ActionStatus.Cancelled),
            Succeeded("right"), WithStatus("bottom", ActionStatus.Skipped), Succeeded("removed-since"));

        Assert.That(plan.Candidates.Select(c => (c.NodeId, c.Cause)), Is.EqualTo(new[]
        {
            ("left", CandidateCause.Cancelled), ("bottom", CandidateCause.Skipped),
        }));
    }

    [Test]
    public void A_requested_rerun_of_a_succeeded_node_gives_the_requests_reason()
    {
        var plan = Plan(Diamond(), 3, null, null, new Dictionary<string, string> { ["left"] = "escalated: score 0.42 below 0.60" },
            Succeeded("top"), Succeeded("left"), Succeeded("right"), Succeeded("bottom"));

        Assert.That(plan.Candidates.Select(c => (c.NodeId, c.Cause, c.CauseText)), Is.EqualTo(new[]
        {
            ("left", CandidateCause.Requested, "escalated: score 0.42 below 0.60"),
            ("bottom", CandidateCause.DependencyRerun, "dependency 'left' re-runs in this plan"),
        }));
    }

    [Test]
    public void A_graph_that_is_not_the_pipelines_is_refused()
    {
        var other = Pipeline(Node("x"), Node("y"), Node("z"), Node("w"));

        var error = Assert.Throws<ArgumentException>(() => DecisionEngine.Plan(new PlanningInput
        {
            Pipeline = Diamond(), Graph = WorkflowGraph.FromPipeline(other), Iteration = 1, Now = Now,
        }));

        Assert.That(error!.Message, Does.StartWith("node 0 is 'x' in the graph but 'top' in the pipeline"));
    }

    [Test]
    public void Bad_state_or_iteration_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Plan(Diamond(), Succeeded("top"), Succeeded("top")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Plan(Diamond(), Failed("top", -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Plan(Diamond(), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Plan(Diamond(), 1, new PlanningOptions { MaxActionFailures = -1 }));
    }
}
