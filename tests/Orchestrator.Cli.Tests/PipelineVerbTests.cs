namespace Orchestrator.Cli.Tests;

[TestFixture]
public sealed class PipelineVerbTests
{
    private CliProcess _cli = null!;

    [SetUp] public void SetUp() => _cli = new CliProcess();
    [TearDown] public void TearDown() => _cli.Dispose();

    [TestCase("novel")]
    [TestCase("quick")]
    [TestCase("novel-revise")]
    public async Task Shipped_pipelines_validate(string name)
    {
        var result = await _cli.RunAsync("validate", Path.Combine(CliProcess.RepoRoot, "pipelines", name + ".json"));
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stdout, Does.Contain($"valid pipeline '{name}'"));
    }

    [Test]
    public async Task Validate_reports_every_problem_with_its_path_and_exits_2()
    {
        var path = _cli.Write("broken.json", """
            { "name": "broken", "settings": { "maxConcurrentActions": 0, "actionTimeout": "soon" },
              "nodes": [
                { "id": "a", "type": "structure", "dependsOn": ["ghost"] },
                { "id": "a", "type": "poetry" } ] }
            """);
        var result = await _cli.RunAsync("validate", path);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("$.settings.maxConcurrentActions"));
        Assert.That(result.Stderr, Does.Contain("$.settings.actionTimeout"));
        Assert.That(result.Stderr, Does.Contain("$.nodes[0].dependsOn[0]").And.Contain("ghost"));
        Assert.That(result.Stderr, Does.Contain("$.nodes[1].id"));
        Assert.That(result.Stderr, Does.Contain("$.nodes[1].type").And.Contain("poetry"));
    }

    [Test]
    public async Task Validate_a_json_syntax_error_exits_2()
    {
        var path = _cli.Write("syntax.json", "{ \"name\": \"x\", \"nodes\": [ }");
        var result = await _cli.RunAsync("validate", path);
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("syntax.json"));
    }

    [Test]
    public async Task Validate_a_file_that_is_not_utf8_is_an_encoding_error_naming_the_file()
    {
        // "café" in Latin-1: the é is the lone byte 0xE9.
        var path = _cli.Write("latin1.json", [.. "{ \"name\": \"caf"u8, 0xE9, .. "\", \"nodes\": [ { \"id\": \"a\", \"type\": \"structure\" } ] }"u8]);
        var result = await _cli.RunAsync("validate", path);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("latin1.json").And.Contain("not UTF-8").And.Contain("0xE9 at offset 14"));
        Assert.That(result.Stderr, Does.Not.Contain("pattern"), "not reported as a bad name");
    }

    [Test]
    public async Task Graph_prints_order_levels_and_critical_path()
    {
        var path = _cli.Write("diamond.json", """
            { "name": "diamond", "nodes": [
                { "id": "top", "type": "structure", "estimatedDuration": "00:00:01" },
                { "id": "left", "type": "structure", "dependsOn": ["top"], "estimatedDuration": "00:00:05" },
                { "id": "right", "type": "structure", "dependsOn": ["top"], "estimatedDuration": "00:00:02" },
                { "id": "bottom", "type": "structure", "dependsOn": ["left", "right"], "estimatedDuration": "00:00:01" } ] }
            """);
        var text = await _cli.RunAsync("graph", path);
        Assert.That(text.ExitCode, Is.Zero, text.ToString());
        Assert.That(text.Stdout, Does.Contain("top -> left -> bottom"), "critical path");

        var mermaid = await _cli.RunAsync("graph", path, "--format", "mermaid");
        Assert.That(mermaid.ExitCode, Is.Zero, mermaid.ToString());
        Assert.That(mermaid.Stdout, Does.StartWith("flowchart TD"));
        Assert.That(mermaid.Stdout, Does.Contain("top --> left"));
    }
}
