namespace Orchestrator.Cli.Tests;

/// <summary><c>orchestrator validate</c> compiles the pipeline's rules: errors as <c>file:line:column: message</c>, exit 2.</summary>
[TestFixture]
public sealed class ValidateRulesTests
{
    private const string Nodes = """
        "nodes": [
          { "id": "structure", "type": "structure" },
          { "id": "style", "type": "style", "dependsOn": ["structure"] } ]
        """;

    private CliProcess _cli = null!;

    [SetUp] public void SetUp() => _cli = new CliProcess();
    [TearDown] public void TearDown() => _cli.Dispose();

    [Test]
    public async Task A_stop_rule_with_a_compile_error_is_reported_at_its_line_and_column_with_exit_2()
    {
        Directory.CreateDirectory(Path.Combine(_cli.WorkDir, "rules"));
        var rule = _cli.Write(Path.Combine("rules", "stop.csx"), """
            // stop when good enough
            var threshold = Settings.QualityThreshold;
            var best = QualityHistory.Count == 0 ? 0 : QualityHistory.Max();
            return best >= threshold && Qualty > 0;
            """);
        var pipeline = _cli.Write("with-rules.json", $$"""
            { "name": "with-rules", {{Nodes}}, "rules": { "select": "Candidates.Select(c => c.Node)", "stop": "rules/stop.csx" } }
            """);

        var result = await _cli.RunAsync("validate", pipeline);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr.Trim(), Is.EqualTo($"{rule}:4:29: CS0103: The name 'Qualty' does not exist in the current context"));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public async Task A_rule_that_touches_System_IO_File_is_refused_with_exit_2_naming_the_rule_and_the_reason()
    {
        var pipeline = _cli.Write("reads-files.json", $$"""
            { "name": "reads-files", {{Nodes}},
              "rules": { "stop": "Quality >= 0.9 || System.IO.File.Exists(\"stop-now\")" } }
            """);

        var result = await _cli.RunAsync("validate", pipeline);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr.Trim(), Is.EqualTo(
            "rules.stop:1:19: 'System.IO.File.Exists' is not allowed in a rule: files and streams (System.IO) (rules decide from their globals, they do not act)"));
    }

    [Test]
    public async Task A_pipeline_with_the_shipped_example_rules_is_valid_and_leaves_them_compiled_in_the_data_folder()
    {
        var rules = Path.Combine(_cli.WorkDir, "rules");
        Directory.CreateDirectory(rules);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(CliProcess.RepoRoot, "pipelines", "rules"), "*.csx"))
            File.Copy(file, Path.Combine(rules, Path.GetFileName(file)));
        var pipeline = _cli.Write("examples.json", $$"""
            { "name": "examples", {{Nodes}},
              "rules": { "select": "rules/skip-slow-when-late.csx", "stop": "rules/one-pass-for-samples.csx", "timeout": "00:00:00.5" } }
            """);

        var result = await _cli.RunAsync("validate", pipeline);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stdout.Trim(), Is.EqualTo(
            $"{pipeline}: valid pipeline 'examples' v1, 2 nodes; rules compiled: select {Path.Combine(rules, "skip-slow-when-late.csx")}, stop {Path.Combine(rules, "one-pass-for-samples.csx")}"));
        Assert.That(Directory.EnumerateFiles(Path.Combine(_cli.DataDir, "rules-cache"), "*.dll").Count(), Is.EqualTo(2));
    }
}
