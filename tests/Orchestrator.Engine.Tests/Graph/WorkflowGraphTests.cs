using Orchestrator.Engine.Graph;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Tests.Pipelines;

namespace Orchestrator.Engine.Tests.Graph;

public sealed class WorkflowGraphTests
{
    //      top
    //     /   \
    //  left   right
    //     \   /
    //     bottom
    private static WorkflowGraph Diamond() =>
        WorkflowGraph.Create(["top", "left", "right", "bottom"], [(0, 1), (0, 2), (1, 3), (2, 3)]);

    private static TimeSpan[] Seconds(params double[] seconds) => seconds.Select(TimeSpan.FromSeconds).ToArray();

    [Test]
    public void Diamond_order_levels_and_lookups()
    {
        var graph = Diamond();

        Assert.That(graph.Count, Is.EqualTo(4));
        Assert.That(graph.EdgeCount, Is.EqualTo(4));
        Assert.That(graph.TopologicalOrder(), Is.EqualTo(new[] { 0, 1, 2, 3 }));
        Assert.That(graph.Levels(), Is.EqualTo(new[] { 0, 1, 1, 2 }));
        Assert.That(graph.ParallelGroups(), Is.EqualTo(new[] { new[] { 0 }, new[] { 1, 2 }, new[] { 3 } }));
        Assert.That(graph.DependenciesOf("bottom"), Is.EqualTo(new[] { "left", "right" }));
        Assert.That(graph.DependantsOf("top"), Is.EqualTo(new[] { "left", "right" }));
        Assert.That(graph.DependenciesOf("top"), Is.Empty);
        Assert.That(graph.DependantsOf(1).ToArray(), Is.EqualTo(new[] { 3 }));
        Assert.That(graph.IndexOf("right"), Is.EqualTo(2));
        Assert.That(graph.TryGetIndex("nowhere", out _), Is.False);
        Assert.Throws<KeyNotFoundException>(() => graph.IndexOf("nowhere"));
        Assert.That(graph.FindCycle(), Is.Null);
        Assert.That(graph.FindCycles(), Is.Empty);
    }

    [Test]
    public void Diamond_transitive_dependants_are_what_a_failure_skips()
    {
        var graph = Diamond();

        Assert.That(graph.TransitiveDependants("top"), Is.EqualTo(new[] { "left", "right", "bottom" }));
        Assert.That(graph.TransitiveDependants("left"), Is.EqualTo(new[] { "bottom" }));
        Assert.That(graph.TransitiveDependants("bottom"), Is.Empty);
    }

    [TestCase(new[] { 1.0, 5, 2, 1 }, new[] { 0, 1, 3 }, 7.0)]
    [TestCase(new[] { 1.0, 2, 5, 1 }, new[] { 0, 2, 3 }, 7.0)]
    [TestCase(new[] { 1.0, 3, 3, 1 }, new[] { 0, 1, 3 }, 5.0)] // tie: the branch written first
    [TestCase(new[] { 0.0, 0, 0, 0 }, new[] { 0, 1, 3 }, 0.0)]
    [TestCase(new[] { 10.0, 0.5, 0.25, 0 }, new[] { 0, 1, 3 }, 10.5)]
    public void Diamond_critical_path_follows_the_longest_branch(double[] seconds, int[] path, double total)
    {
        var critical = Diamond().FindCriticalPath(Seconds(seconds));

        Assert.That(critical.Nodes, Is.EqualTo(path));
        Assert.That(critical.Total, Is.EqualTo(TimeSpan.FromSeconds(total)));
    }

    [Test]
    public void A_lone_long_node_can_be_the_critical_path()
    {
        // a -> b, and a lone long node c.
        var graph = WorkflowGraph.Create(["a", "b", "c"], [(0, 1)]);

        var critical = graph.FindCriticalPath(Seconds(1, 1, 5));

        Assert.That(critical.Nodes, Is.EqualTo(new[] { 2 }));
        Assert.That(critical.Total, Is.EqualTo(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Critical_path_rejects_a_wrong_number_of_durations_or_a_negative_one()
    {
        Assert.Throws<ArgumentException>(() => Diamond().FindCriticalPath(Seconds(1, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Diamond().FindCriticalPath(Seconds(1, -2, 1, 1)));
    }

    [Test]
    public void Chain_is_one_node_per_level()
    {
        var graph = WorkflowGraph.Create(["a", "b", "c", "d"], [(2, 3), (1, 2), (0, 1)]);

        Assert.That(graph.TopologicalOrder(), Is.EqualTo(new[] { 0, 1, 2, 3 }));
        Assert.That(graph.Levels(), Is.EqualTo(new[] { 0, 1, 2, 3 }));
        Assert.That(graph.FindCriticalPath(Seconds(1, 2, 3, 4)),
            Has.Property(nameof(CriticalPath.Nodes)).EqualTo(new[] { 0, 1, 2, 3 })
               .And.Property(nameof(CriticalPath.Total)).EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(graph.TransitiveDependants("b"), Is.EqualTo(new[] { "c", "d" }));
    }

    [Test]
    public void Two_independent_branches_share_levels_and_each_finishes_in_file_order()
    {
        var graph = WorkflowGraph.Create(["a1", "a2", "b1", "b2"], [(0, 1), (2, 3)]);

        // Among ready nodes the one written first runs first, so a2 comes before b1.
        Assert.That(graph.IdsOf(graph.TopologicalOrder()), Is.EqualTo(new[] { "a1", "a2", "b1", "b2" }));
        Assert.That(graph.ParallelGroups().Select(g => graph.IdsOf(g)), Is.EqualTo(new[]
        {
            new[] { "a1", "b1" },
            new[] { "a2", "b2" },
        }));
        Assert.That(graph.TransitiveDependants("a1"), Is.EqualTo(new[] { "a2" }));
        Assert.That(graph.FindCriticalPath(Seconds(1, 1, 2, 3)).Nodes, Is.EqualTo(new[] { 2, 3 }));
    }

    [Test]
    public void Ties_keep_file_order_not_alphabetical_order()
    {
        Assert.That(WorkflowGraph.Create(["zeta", "alpha", "mu"], []).TopologicalOrder(), Is.EqualTo(new[] { 0, 1, 2 }));

        // "c" is written first but waits for "b"; "a" and "b" are ready at once and keep their order.
        var graph = WorkflowGraph.Create(["c", "a", "b"], [(2, 0)]);
        Assert.That(graph.IdsOf(graph.TopologicalOrder()), Is.EqualTo(new[] { "a", "b", "c" }));

        // Ready-queue order by index, not by when a node became ready.
        var fan = WorkflowGraph.Create(["root", "x", "late", "y"], [(0, 3), (0, 1), (1, 2)]);
        Assert.That(fan.IdsOf(fan.TopologicalOrder()), Is.EqualTo(new[] { "root", "x", "late", "y" }));
    }

    [Test]
    public void A_cycle_is_found_with_its_path_and_stops_ordering()
    {
        // a -> b -> c -> b, c -> d
        var graph = WorkflowGraph.Create(["a", "b", "c", "d"], [(0, 1), (1, 2), (2, 1), (2, 3)]);

        Assert.That(graph.FindCycle(), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(graph.FormatCycle(graph.FindCycle()!), Is.EqualTo("b -> c -> b"));
        Assert.That(graph.TryGetTopologicalOrder(out var order), Is.False);
        Assert.That(order, Is.Empty);
        var error = Assert.Throws<GraphCycleException>(() => graph.TopologicalOrder());
        Assert.That(error.Cycle, Is.EqualTo(new[] { "b", "c" }));
        Assert.That(error.Message, Is.EqualTo("cycle: b -> c -> b"));
        Assert.Throws<GraphCycleException>(() => graph.Levels());
        Assert.Throws<GraphCycleException>(() => graph.FindCriticalPath(Seconds(1, 1, 1, 1)));
    }

    [Test]
    public void A_cycle_starts_at_its_node_written_first()
    {
        // c -> a -> b -> c, entered from c by the search.
        var graph = WorkflowGraph.Create(["start", "c", "a", "b"], [(0, 1), (1, 2), (2, 3), (3, 1)]);

        Assert.That(graph.FormatCycle(graph.FindCycle()!), Is.EqualTo("c -> a -> b -> c"));
    }

    [Test]
    public void Every_independent_cycle_is_found_once()
    {
        // {a, b} form a cycle; {x, y, z} form a cycle with a chord (shortest cycle through x is x -> z -> x);
        // s depends on itself; ok is acyclic.
        var graph = WorkflowGraph.Create(
            ["a", "b", "ok", "x", "y", "z", "s"],
            [(0, 1), (1, 0), (1, 2), (3, 4), (4, 5), (5, 3), (3, 5), (6, 6)]);

        Assert.That(graph.FindCycles().Select(c => graph.FormatCycle(c)), Is.EqualTo(new[]
        {
            "a -> b -> a",
            "x -> z -> x",
            "s -> s",
        }));
    }

    [Test]
    public void Ten_thousand_deep_chains_need_no_recursion()
    {
        const int n = 10_000;
        var ids = Enumerable.Range(0, n).Select(i => $"n{i}").ToArray();
        var edges = Enumerable.Range(0, n - 1).Select(i => (i, i + 1)).ToArray();
        var chain = WorkflowGraph.Create(ids, edges);

        Assert.That(chain.FindCycle(), Is.Null);
        Assert.That(chain.Levels()[n - 1], Is.EqualTo(n - 1));
        Assert.That(chain.TopologicalOrder(), Is.EqualTo(Enumerable.Range(0, n)));
        Assert.That(chain.TransitiveDependants(0), Has.Length.EqualTo(n - 1));
        Assert.That(chain.FindCriticalPath(Enumerable.Repeat(TimeSpan.FromSeconds(1), n).ToArray()).Total,
            Is.EqualTo(TimeSpan.FromSeconds(n)));

        var ring = WorkflowGraph.Create(ids, [.. edges, (n - 1, 0)]);
        Assert.That(ring.FindCycle(), Has.Length.EqualTo(n).And.EqualTo(Enumerable.Range(0, n)));
        Assert.That(ring.FindCycles().Single(), Has.Length.EqualTo(n));
    }

    [Test]
    public void Create_rejects_duplicate_ids_and_edges_to_nowhere()
    {
        Assert.Throws<ArgumentException>(() => WorkflowGraph.Create(["a", "a"], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkflowGraph.Create(["a", "b"], [(0, 2)]));
    }

    [Test]
    public void From_a_pipeline_indices_are_file_positions_and_durations_come_from_the_configuration()
    {
        var pipeline = PipelineLoader.Parse("""
            { "name": "p", "settings": { "actionTimeout": "00:02:00" }, "nodes": [
              { "id": "structure", "type": "structure", "estimatedDuration": "00:00:10", "timeout": "00:01:00" },
              { "id": "style", "type": "style", "dependsOn": ["structure"], "timeout": "00:00:30" },
              { "id": "themes", "type": "themes", "dependsOn": ["structure"] },
              { "id": "pacing", "type": "pacing", "dependsOn": ["style", "structure"] } ] }
            """, TestRegistry.Create());
        var graph = WorkflowGraph.FromPipeline(pipeline);

        Assert.That(graph.Ids, Is.EqualTo(new[] { "structure", "style", "themes", "pacing" }));
        Assert.That(graph.DependenciesOf("pacing"), Is.EqualTo(new[] { "style", "structure" }));
        Assert.That(graph.ParallelGroups().Select(g => graph.IdsOf(g)), Is.EqualTo(new[]
        {
            new[] { "structure" },
            new[] { "style", "themes" },
            new[] { "pacing" },
        }));

        var configured = NodeDurations.ForPipeline(graph, pipeline);
        Assert.That(configured.AsSpan().ToArray(), Is.EqualTo(Seconds(10, 30, 120, 120)));
        Assert.That(Enumerable.Range(0, 4).Select(configured.SourceOf), Is.EqualTo(new[]
            { DurationSource.Estimated, DurationSource.Timeout, DurationSource.ActionTimeout, DurationSource.ActionTimeout }));
        var critical = graph.FindCriticalPath(configured);
        Assert.That(graph.IdsOf(critical.Nodes.ToArray()), Is.EqualTo(new[] { "structure", "style", "pacing" }));
        Assert.That(critical.Total, Is.EqualTo(TimeSpan.FromSeconds(160)));

        var observed = NodeDurations.ForPipeline(graph, pipeline, new Dictionary<string, TimeSpan>
        {
            ["themes"] = TimeSpan.FromSeconds(3),
            ["pacing"] = TimeSpan.FromSeconds(4),
        });
        Assert.That(observed.SourceOf(2), Is.EqualTo(DurationSource.Observed));
        Assert.That(observed[3], Is.EqualTo(TimeSpan.FromSeconds(4)));
        var withThemesSlow = NodeDurations.ForPipeline(graph, pipeline, new Dictionary<string, TimeSpan> { ["themes"] = TimeSpan.FromMinutes(10) });
        Assert.That(graph.IdsOf(graph.FindCriticalPath(withThemesSlow).Nodes.ToArray()), Is.EqualTo(new[] { "structure", "themes" }));
        critical = graph.FindCriticalPath(observed);
        Assert.That(graph.IdsOf(critical.Nodes.ToArray()), Is.EqualTo(new[] { "structure", "style", "pacing" }));
        Assert.That(critical.Total, Is.EqualTo(TimeSpan.FromSeconds(44)));
    }

    [Test]
    public void From_a_pipeline_with_an_unknown_dependency_is_refused()
    {
        var pipeline = new PipelineDefinition
        {
            Name = "built-in-code",
            Nodes = [new NodeDefinition { Id = "a", Type = "style", DependsOn = ["ghost"] }],
        };

        Assert.That(() => WorkflowGraph.FromPipeline(pipeline),
            Throws.ArgumentException.With.Message.Contains("'ghost'"));
    }
}
