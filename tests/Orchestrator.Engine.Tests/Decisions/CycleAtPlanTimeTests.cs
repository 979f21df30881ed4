using Orchestrator.Engine.Decisions;
using static Orchestrator.Engine.Tests.Decisions.PlanningSamples;

namespace Orchestrator.Engine.Tests.Decisions;

public sealed class CycleAtPlanTimeTests
{
    [Test]
    public void A_cycle_is_reported_with_its_path_and_the_rest_still_plans()
    {
        // a -> b -> c -> a (each depends on the one before), e behind the cycle, d independent.
        var pipeline = Pipeline(Node("a", "c"), Node("b", "a"), Node("c", "b"), Node("d"), Node("e", "c"));

        var plan = Plan(pipeline);

        Assert.That(plan.Cycles, Is.EqualTo(new[] { "a -> b -> c -> a" }));
        Assert.That(Ids(plan.Candidates), Is.EqualTo(new[] { "d" }));
        Assert.That(plan.Filtered.Select(f => (f.NodeId, f.Kind, f.Reason)), Is.EqualTo(new[]
        {
            ("a", FilterKind.CircularDependency, "circular dependency: a -> b -> c -> a"),
            ("b", FilterKind.CircularDependency, "circular dependency: a -> b -> c -> a"),
            ("c", FilterKind.CircularDependency, "circular dependency: a -> b -> c -> a"),
            ("e", FilterKind.CircularDependency, "depends on circular dependency a -> b -> c -> a"),
        }));
    }

    [Test]
    public void Independent_cycles_are_each_named()
    {
        var pipeline = Pipeline(Node("a", "b"), Node("b", "a"), Node("c", "c"), Node("d", "a", "c"));

        var plan = Plan(pipeline);

        Assert.That(plan.Cycles, Is.EqualTo(new[] { "a -> b -> a", "c -> c" }));
        Assert.That(plan.Candidates, Is.Empty);
        Assert.That(FilteredOf(plan, "d").Reason, Is.EqualTo("depends on circular dependency a -> b -> a"));
    }
}
