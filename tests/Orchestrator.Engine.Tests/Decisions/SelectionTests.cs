using System.Text.Json;
using Orchestrator.Engine.Decisions;
using static Orchestrator.Engine.Tests.Decisions.PlanningSamples;

namespace Orchestrator.Engine.Tests.Decisions;

public sealed class SelectionTests
{
    [Test]
    public void A_selection_keeps_the_rules_order_and_records_what_it_dropped()
    {
        var plan = Plan(Diamond()).WithSelection(["right", "top"]);

        Assert.That(plan.ChosenIds, Is.EqualTo(new[] { "right", "top" }));
        Assert.That(plan.Chosen.Select(c => c.NeededBy), Is.All.Null);
        Assert.That(plan.SelectionApplied, Is.True);
        Assert.That(Ids(plan.Candidates), Is.EqualTo(new[] { "top", "left", "right", "bottom" }), "the candidates stay as planned");
        Assert.That(plan.Filtered, Is.EqualTo(new[]
        {
            new FilteredNode("left", FilterKind.NotSelected, "not selected by rules.select"),
            new FilteredNode("bottom", FilterKind.NotSelected, "not selected by rules.select"),
        }));
    }

    [Test]
    public void A_selected_nodes_candidate_dependencies_are_added_before_it()
    {
        var plan = Plan(Diamond()).WithSelection(["bottom"]);

        Assert.That(plan.Chosen.Select(c => (c.NodeId, c.NeededBy)), Is.EqualTo(new[]
        {
            ("top", "bottom"), ("left", "bottom"), ("right", "bottom"), ("bottom", (string?)null),
        }));
        Assert.That(plan.Filtered, Is.Empty);
    }

    [Test]
    public void Only_dependencies_that_are_candidates_are_added()
    {
        var plan = Plan(Diamond(), Succeeded("top"), Succeeded("left"), Succeeded("right", "changed"), Succeeded("bottom"))
            .WithSelection(["bottom"]);

        Assert.That(plan.Chosen.Select(c => (c.NodeId, c.NeededBy)), Is.EqualTo(new[] { ("right", "bottom"), ("bottom", (string?)null) }));
    }

    [Test]
    public void Repeats_are_ignored_and_an_empty_selection_runs_nothing()
    {
        var plan = Plan(Diamond());

        Assert.That(plan.WithSelection(["top", "left", "top"]).ChosenIds, Is.EqualTo(new[] { "top", "left" }));
        var none = plan.WithSelection([]);
        Assert.That(none.IsEmpty, Is.True);
        Assert.That(none.Filtered.Select(f => f.Kind), Is.All.EqualTo(FilterKind.NotSelected));
        Assert.That(none.Filtered, Has.Count.EqualTo(4));
    }

    [Test]
    public void A_new_selection_replaces_the_previous_one()
    {
        var plan = Plan(Diamond()).WithSelection(["top"]).WithSelection(["top", "right"]);

        Assert.That(plan.ChosenIds, Is.EqualTo(new[] { "top", "right" }));
        Assert.That(plan.Filtered.Select(f => f.NodeId), Is.EqualTo(new[] { "left", "bottom" }));
    }

    [Test]
    public void Unknown_ids_are_an_error_listing_every_one()
    {
        var plan = Plan(Diamond());

        var error = Assert.Throws<PlanSelectionException>(() => plan.WithSelection(["top", "nope", "ghost", "nope"]));

        Assert.That(error!.Message, Is.EqualTo("the selection names 2 nodes that are not candidates of iteration 1: 'nope' (no such node); 'ghost' (no such node)"));
        Assert.That(error.UnknownIds, Is.EqualTo(new[] { "nope", "ghost" }));
        Assert.That(error.NotCandidateIds, Is.Empty);
    }

    [Test]
    public void A_node_that_is_not_a_candidate_is_an_error_saying_why()
    {
        var plan = Plan(Diamond(), 2, null, null, null, Succeeded("top"), Succeeded("left", "changed"), Succeeded("right"), Succeeded("bottom"));

        var error = Assert.Throws<PlanSelectionException>(() => plan.WithSelection(["left", "top"]));

        Assert.That(error!.Message, Is.EqualTo("the selection names a node that is not a candidate of iteration 2: 'top' (succeeded and inputs unchanged)"));
        Assert.That(error.NotCandidateIds, Is.EqualTo(new[] { "top" }));
    }

    [Test]
    public void Analytics_are_plain_data_ready_for_the_event_log()
    {
        var plan = Plan(Diamond(), 2, null, null, null, Succeeded("top"), Succeeded("left", "changed", 2), Succeeded("right", "changed", 10), Succeeded("bottom", null, 1))
            .WithSelection(["bottom", "right"]);

        var analytics = plan.ToAnalytics();

        Assert.That(analytics.Iteration, Is.EqualTo(2));
        Assert.That(analytics.Candidates.Select(c => (c.Node, c.Rank, c.Cause)), Is.EqualTo(new[]
        {
            ("right", 1, "InputsChanged"), ("left", 2, "InputsChanged"), ("bottom", 3, "DependencyRerun"),
        }));
        Assert.That(analytics.Candidates[0].Terms, Is.EqualTo(plan.Candidates[0].Terms));
        Assert.That(analytics.Candidates[0].ChainSeconds, Is.EqualTo(11));
        Assert.That(analytics.Chosen, Is.EqualTo(new[]
        {
            new ChosenAnalytics("left", "needed by bottom"),
            new ChosenAnalytics("bottom", "selected by rules.select"),
            new ChosenAnalytics("right", "selected by rules.select"),
        }));
        Assert.That(analytics.Filtered, Is.EqualTo(new[] { new FilteredAnalytics("top", "UpToDate", "succeeded and inputs unchanged", null) }));
        Assert.That(analytics.CriticalPath, Is.EqualTo(new[] { "right", "bottom" }));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(analytics));
        var first = json.RootElement.GetProperty("Candidates")[0];
        Assert.That(first.GetProperty("Node").GetString(), Is.EqualTo("right"));
        Assert.That(first.GetProperty("Terms").GetProperty("CriticalPath").GetDouble(), Is.EqualTo(2.0));
        Assert.That(json.RootElement.GetProperty("Chosen")[0].GetProperty("Why").GetString(), Is.EqualTo("needed by bottom"));
    }

    [Test]
    public void Without_a_selection_the_chosen_are_the_candidates_by_score()
    {
        var analytics = Plan(Diamond()).ToAnalytics();

        Assert.That(analytics.Chosen.Select(c => c.Why), Is.EqualTo(new[]
        {
            "candidate 1 of 4 by score", "candidate 2 of 4 by score", "candidate 3 of 4 by score", "candidate 4 of 4 by score",
        }));
        Assert.That(analytics.SelectionApplied, Is.False);
    }
}
