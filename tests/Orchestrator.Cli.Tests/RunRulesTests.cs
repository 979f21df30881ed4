using System.Diagnostics;
using System.Text.Json;

namespace Orchestrator.Cli.Tests;

/// <summary>Rules at run time, through the real command: what they choose, when they stop, and how a broken one ends the run.</summary>
[TestFixture]
public sealed class RunRulesTests
{
    private CliProcess _cli = null!;

    [SetUp] public void SetUp() => _cli = new CliProcess();
    [TearDown] public void TearDown() => _cli.Dispose();

    private string Pipeline(string rules, string settings = "") => _cli.Write("pipeline.json", $$"""
        { "name": "ruled", "settings": { "qualityThreshold": 0.99 {{settings}} },
          "rules": { {{rules}} },
          "nodes": [
            { "id": "structure", "type": "structure" },
            { "id": "style", "type": "style" },
            { "id": "themes", "type": "themes" } ] }
        """);

    private JsonElement Report(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json"))).RootElement;

    [Test]
    public async Task A_select_rule_that_names_structure_runs_only_structure()
    {
        var pipeline = Pipeline("\"select\": \"Candidates.Where(c => c.Node == \\\"structure\\\").Select(c => c.Node)\"");
        var output = Path.Combine(_cli.WorkDir, "out");

        var result = await _cli.RunAsync("run", CliProcess.Sample, "--pipeline", pipeline, "--out", output);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var report = Report(output);
        Assert.That(report.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()), Is.EqualTo(new[] { "structure" }));
        Assert.That(report.GetProperty("stopReason").GetString(), Does.Contain("rules.select chose none"));
    }

    [Test]
    public async Task A_rule_that_loops_forever_ends_the_run_with_exit_4_naming_the_rule_and_keeps_the_work()
    {
        Directory.CreateDirectory(Path.Combine(_cli.WorkDir, "rules"));
        _cli.Write("rules/forever.csx", "// Stop rule: never returns\nwhile (true) { }\nreturn false;\n");
        var pipeline = Pipeline("\"stop\": \"rules/forever.csx\", \"timeout\": \"00:00:00.3\"");
        var output = Path.Combine(_cli.WorkDir, "out");
        var clock = Stopwatch.StartNew();

        var result = await _cli.RunAsync("run", CliProcess.Sample, "--pipeline", pipeline, "--out", output);

        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.Stderr, Does.Contain("forever.csx").And.Contain("timed out"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)));
        var report = Report(output);
        Assert.That(report.GetProperty("status").GetString(), Is.EqualTo("Failed"));
        Assert.That(report.GetProperty("nodes").EnumerateArray().All(n => n.GetProperty("status").GetString() == "Succeeded"), Is.True,
            "the nodes that finished before the rule ran keep their results");
    }

    [Test]
    public async Task A_rule_that_recurses_without_end_ends_the_run_and_the_process_survives()
    {
        var pipeline = Pipeline("\"stop\": \"int Deeper(int n) => Deeper(n + 1) + 1; return Deeper(0) > 0;\"");
        var output = Path.Combine(_cli.WorkDir, "out");

        var result = await _cli.RunAsync("run", CliProcess.Sample, "--pipeline", pipeline, "--out", output);

        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.Stderr, Does.Contain("rules.stop").And.Contain("recursion").IgnoreCase);
        Assert.That(File.Exists(Path.Combine(output, "report.json")), Is.True);
    }
}
