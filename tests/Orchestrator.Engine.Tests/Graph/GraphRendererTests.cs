using Orchestrator.Engine.Graph;

namespace Orchestrator.Engine.Tests.Graph;

public sealed class GraphRendererTests
{
    private static WorkflowGraph Diamond() =>
        WorkflowGraph.Create(["top", "left", "right", "bottom"], [(0, 1), (0, 2), (1, 3), (2, 3)]);

    [Test]
    public void Text_shows_order_levels_and_the_critical_path_with_durations()
    {
        var durations = new NodeDurations(new[] { 1, 5, 2, 1.5 }.Select(TimeSpan.FromSeconds).ToArray());

        var text = GraphTextRenderer.Render(Diamond(), durations, "diamond");

        Assert.That(text.ReplaceLineEndings("\n"), Is.EqualTo("""
            diamond: 4 nodes, 4 dependencies

            Topological order:
              1. top
              2. left  (after top)
              3. right  (after top)
              4. bottom  (after left, right)

            Parallel groups (levels; nodes of one level do not depend on each other):
              level 1: top
              level 2: left, right
              level 3: bottom

            Critical path (the longest chain by duration):
              top -> left -> bottom  (00:00:07.5)
              top       00:00:01  given  done at 00:00:01
              left      00:00:05  given  done at 00:00:06
              bottom  00:00:01.5  given  done at 00:00:07.5
              total   00:00:07.5

            """));
    }

    [Test]
    public void Text_without_durations_leaves_out_the_critical_path()
    {
        var text = GraphTextRenderer.Render(WorkflowGraph.Create(["only"], []));

        Assert.That(text.ReplaceLineEndings("\n"), Is.EqualTo("""
            1 node, 0 dependencies

            Topological order:
              1. only

            Parallel groups (levels; nodes of one level do not depend on each other):
              level 1: only

            """));
    }

    [Test]
    public void Text_of_a_cyclic_graph_shows_the_cycle()
    {
        var text = GraphTextRenderer.Render(WorkflowGraph.Create(["a", "b"], [(0, 1), (1, 0)]));

        Assert.That(text.ReplaceLineEndings("\n"), Is.EqualTo("2 nodes, 2 dependencies\n\ncycle: a -> b -> a\n"));
    }

    [TestCase(0, 0, 0, 1, 0, "00:00:01")]
    [TestCase(0, 0, 1, 30, 0, "00:01:30")]
    [TestCase(0, 13, 0, 0, 0, "13:00:00")]
    [TestCase(1, 2, 0, 0, 0, "1.02:00:00")]
    [TestCase(0, 0, 0, 0, 250, "00:00:00.25")]
    public void Durations_are_written_like_pipeline_files_write_them(int days, int hours, int minutes, int seconds, int milliseconds, string expected)
    {
        Assert.That(GraphTextRenderer.Format(new TimeSpan(days, hours, minutes, seconds, milliseconds)), Is.EqualTo(expected));
    }

    [Test]
    public void Mermaid_is_a_top_down_flowchart_with_one_arrow_per_dependency()
    {
        var graph = Diamond();
        var critical = graph.FindCriticalPath(new[] { 1.0, 5, 2, 1 }.Select(TimeSpan.FromSeconds).ToArray());

        Assert.That(MermaidRenderer.Render(graph, critical), Is.EqualTo("""
            flowchart TD
                top["top"]
                left["left"]
                right["right"]
                bottom["bottom"]
                top --> left
                top --> right
                left --> bottom
                right --> bottom
                classDef critical stroke:#c0392b,stroke-width:3px
                class top,left,bottom critical

            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Mermaid_gives_ids_it_would_misread_a_generated_name_and_keeps_the_label()
    {
        // "style" and "end" are Mermaid keywords; '-' is not allowed in a plain Mermaid id; "n2" is taken.
        var graph = WorkflowGraph.Create(["style", "end", "n2", "first-pass"], [(0, 1), (2, 3)]);

        Assert.That(MermaidRenderer.Render(graph), Is.EqualTo("""
            flowchart TD
                n0["style"]
                n1["end"]
                n2["n2"]
                n3["first-pass"]
                n0 --> n1
                n2 --> n3

            """.ReplaceLineEndings("\n")));
    }

    [TestCase("structure", true)]
    [TestCase("style_2", true)]
    [TestCase("End", false)]
    [TestCase("graph", false)]
    [TestCase("open_blank", false)]
    [TestCase("a-b", false)]
    public void Mermaid_safe_ids(string id, bool safe) => Assert.That(MermaidRenderer.IsSafeId(id), Is.EqualTo(safe));
}
