using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.Pipelines;
using static Orchestrator.Engine.Tests.Decisions.PlanningSamples;

namespace Orchestrator.Engine.Tests.Decisions;

public sealed class ActionSpacingTests
{
    private static readonly PipelineDefinition RateLimited =
        Pipeline(new PipelineSettings { ActionSpacing = TimeSpan.FromSeconds(10) }, Node("model"), Node("summary", "model"), Node("other"));

    private static IterationPlan PlanAt(DateTimeOffset now) =>
        Plan(RateLimited, 2, null, now, null,
            Succeeded("model", "revised") with { LastLaunchedAt = Now },
            Succeeded("summary", "revised") with { LastLaunchedAt = Now },
            new Orchestrator.Engine.Decisions.NodePlanningState { NodeId = "other", LastLaunchedAt = Now });

    [Test]
    public void A_node_launched_less_than_the_spacing_ago_waits_and_so_does_what_depends_on_it()
    {
        var plan = PlanAt(Now.AddSeconds(3));

        Assert.That(FilteredOf(plan, "model"), Is.EqualTo(new FilteredNode("model", FilterKind.ActionSpacing,
            "action spacing: launched 3 s ago, minimum 10 s", EligibleAt: Now.AddSeconds(10))));
        Assert.That(FilteredOf(plan, "summary"), Is.EqualTo(new FilteredNode("summary", FilterKind.DependencyNotReady,
            "dependency 'model' waits for action spacing until 2025-06-01 10:00:10Z", BlockedBy: "model", EligibleAt: Now.AddSeconds(10))));
        Assert.That(FilteredOf(plan, "other").Kind, Is.EqualTo(FilterKind.ActionSpacing));
        Assert.That(plan.Candidates, Is.Empty);
        Assert.That(plan.NextEligibleAt, Is.EqualTo(Now.AddSeconds(10)));
    }

    [Test]
    public void Once_the_spacing_has_passed_the_node_runs()
    {
        var plan = PlanAt(Now.AddSeconds(10));

        // summary becomes ready once model is listed, and wins the tie with other by file order.
        Assert.That(Ids(plan.Candidates), Is.EqualTo(new[] { "model", "summary", "other" }));
        Assert.That(plan.NextEligibleAt, Is.Null);
    }

    [Test]
    public void Without_spacing_the_last_launch_does_not_matter()
    {
        var plan = Plan(Pipeline(Node("model")), 2, null, Now.AddMilliseconds(1), null,
            new NodePlanningState { NodeId = "model", LastLaunchedAt = Now });

        Assert.That(Ids(plan.Candidates), Is.EqualTo(new[] { "model" }));
    }
}
