using System.Text.Json;

namespace Orchestrator.Cli.Tests;

[TestFixture]
public sealed class RunVerbTests
{
    private CliProcess _cli = null!;

    [SetUp] public void SetUp() => _cli = new CliProcess();
    [TearDown] public void TearDown() => _cli.Dispose();

    [Test]
    public async Task Run_on_the_sample_writes_reports_and_exits_0()
    {
        var outDir = Path.Combine(_cli.WorkDir, "out");
        var result = await _cli.RunAsync("run", CliProcess.Sample, "--genre", "literary", "--target-length", "80000", "--out", outDir);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Does.Contain("structure started").And.Contain("structure succeeded"));
        Assert.That(result.Stdout, Does.Contain("The Lighthouse Keeper's Daughter: quality"));

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")));
        var root = report.RootElement;
        Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("Completed"));
        Assert.That(root.GetProperty("manuscript").GetProperty("chapters").GetInt32(), Is.EqualTo(5), "prologue + 4 chapters");
        Assert.That(root.GetProperty("requirements").GetProperty("targetLength").GetInt32(), Is.EqualTo(80000));
        var structure = root.GetProperty("nodes")[0];
        Assert.That(structure.GetProperty("id").GetString(), Is.EqualTo("structure"));
        Assert.That(structure.GetProperty("score").GetDouble(), Is.InRange(0.0, 1.0));
        var findings = structure.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToArray();
        Assert.That(findings, Has.Some.StartsWith("structure.length"), "1,000 words against an 80,000-word target is flagged");

        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.That(html, Does.StartWith("<!DOCTYPE html>").And.Contain("<svg").And.Contain("The Lighthouse Keeper&#39;s Daughter"));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(html, "(src|href)=\"https?:").Count, Is.Zero, "self-contained: no external assets");

        var md = File.ReadAllText(Path.Combine(outDir, "report.md"));
        Assert.That(md, Does.StartWith("# The Lighthouse Keeper's Daughter: analysis report"));
        Assert.That(Directory.GetFiles(Path.Combine(_cli.DataDir, "logs")), Is.Not.Empty, "the rolling log file is written under --data");
    }

    [Test]
    public async Task Markdown_front_matter_is_reported_as_metadata_and_comments_are_not_analysed()
    {
        var path = _cli.Write("voyage.md",
            "---\ntitle: The Long Voyage\nauthor: Ada Marsh\n---\n\n# Chapter 1\n\n<!-- note to self: cut this -->\n\n" +
            "The *Meridian* left the harbour at dawn. Nobody on the quay waved.\n\n# Chapter 2\n\nThe storm came at night.\n");
        var outDir = Path.Combine(_cli.WorkDir, "out");
        var result = await _cli.RunAsync("run", path, "--pipeline", "quick", "--out", outDir);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")));
        var manuscript = report.RootElement.GetProperty("manuscript");
        Assert.Multiple(() =>
        {
            Assert.That(manuscript.GetProperty("title").GetString(), Is.EqualTo("The Long Voyage"));
            Assert.That(manuscript.GetProperty("metadata").GetProperty("author").GetString(), Is.EqualTo("Ada Marsh"));
            Assert.That(manuscript.GetProperty("words").GetInt32(), Is.EqualTo(17), "the comment's five words are not prose");
            Assert.That(File.ReadAllText(Path.Combine(outDir, "report.md")), Does.Contain("- **Author:** Ada Marsh"));
        });
    }

    [Test]
    public async Task Run_without_out_writes_into_the_session_folder()
    {
        var result = await _cli.RunAsync("run", CliProcess.Sample, "--pipeline", "quick");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var sessions = Directory.GetDirectories(Path.Combine(_cli.DataDir, "sessions"));
        Assert.That(sessions, Has.Length.EqualTo(1));
        Assert.That(Path.GetFileName(sessions[0]), Does.Match(@"^quick_\d{8}_\d{6}_[0-9a-f]{4}$"));
        Assert.That(File.Exists(Path.Combine(sessions[0], "report.json")), Is.True);
    }

    [Test]
    public async Task Missing_manuscript_exits_3_naming_the_file()
    {
        var result = await _cli.RunAsync("run", "no-such-novel.txt");
        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.Contain("no-such-novel.txt"));
        Assert.That(result.Stderr, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task Empty_manuscript_exits_3()
    {
        var path = _cli.Write("empty.txt", "  \n\n ");
        var result = await _cli.RunAsync("run", path);
        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.Contain("empty.txt").And.Contain("empty"));
    }

    [Test]
    public async Task Binary_manuscript_exits_3()
    {
        var path = _cli.Write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x0D, 0x0A, 0x1A, 0x00, 0x01]);
        var result = await _cli.RunAsync("run", path);
        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.Contain("image.txt").And.Contain("binary"));
    }

    [Test]
    public async Task Invalid_utf8_exits_3_with_the_offset()
    {
        var bytes = "Chapter 1\n\nShe said caf"u8.ToArray().Concat(new byte[] { 0xE9, 0x20, 0x6F, 0x6B }).ToArray();
        var path = _cli.Write("latin1.txt", bytes);
        var result = await _cli.RunAsync("run", path);
        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.Contain("latin1.txt").And.Contain("UTF-8").And.Contain("offset 23"));
    }

    [Test]
    public async Task Pipeline_with_a_cycle_exits_2_and_prints_the_cycle()
    {
        var pipeline = _cli.Write("cyclic.json", """
            { "name": "cyclic", "nodes": [
                { "id": "a", "type": "structure", "dependsOn": ["b"] },
                { "id": "b", "type": "structure", "dependsOn": ["a"] } ] }
            """);
        var result = await _cli.RunAsync("run", CliProcess.Sample, "--pipeline", pipeline);
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("cyclic.json").And.Contain("a -> b -> a"));
    }

    [Test]
    public async Task Unknown_pipeline_name_exits_2()
    {
        var result = await _cli.RunAsync("run", CliProcess.Sample, "--pipeline", "no-such-pipeline");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("no-such-pipeline"));
    }

    [Test]
    public async Task Unknown_genre_exits_2_listing_known_ones()
    {
        var result = await _cli.RunAsync("run", CliProcess.Sample, "--genre", "cookbook");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("cookbook").And.Contain("fantasy"));
    }

    [Test]
    public async Task Bad_command_line_exits_2()
    {
        var result = await _cli.RunAsync("run", CliProcess.Sample, "--target-length", "lots");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        var negative = await _cli.RunAsync("run", CliProcess.Sample, "--target-length", "-5");
        Assert.That(negative.ExitCode, Is.EqualTo(2), negative.ToString());
        Assert.That(negative.Stderr, Does.Contain("--target-length"));
        var noVerb = await _cli.RunAsync("frobnicate");
        Assert.That(noVerb.ExitCode, Is.EqualTo(2), noVerb.ToString());
    }
}

[TestFixture]
public sealed class CheckVerbTests
{
    private CliProcess _cli = null!;

    [SetUp] public void SetUp() => _cli = new CliProcess();
    [TearDown] public void TearDown() => _cli.Dispose();

    [Test]
    public async Task Unknown_node_type_is_a_usage_error()
    {
        var result = await _cli.RunAsync("check", CliProcess.Sample, "--nodes", "style,poetry");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("poetry"));
    }

    [Test]
    public async Task Structure_findings_print_one_per_line_with_line_and_column()
    {
        var text = "Prologue\n\n" + string.Join(" ", Enumerable.Repeat("word", 3000)) + ".\n\n" +
                   string.Join("\n\n", Enumerable.Range(1, 4).Select(n => $"Chapter {n}\n\n" + string.Join(" ", Enumerable.Repeat("word", 400)) + "."));
        var path = _cli.Write("book.txt", text);
        var result = await _cli.RunAsync("check", path, "--nodes", "structure");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stdout, Does.Contain($"{path}:1:1: warning structure.prologue.long: "));
        Assert.That(result.Stdout, Does.Contain("[offset 0, length 8]"));
    }

    [Test]
    public async Task Set_changes_a_node_option_for_the_check()
    {
        // One 30-word sentence: not long at the default limit (40), long at 25.
        var path = _cli.Write("one.txt", string.Join(" ", Enumerable.Repeat("the dog ran far", 7)) + " and then it stopped.\n");
        var plain = await _cli.RunAsync("check", path, "--nodes", "style");
        var strict = await _cli.RunAsync("check", path, "--nodes", "style", "--set", "style.longSentenceWords=25");

        Assert.That(plain.ExitCode, Is.Zero, plain.ToString());
        Assert.That(plain.Stdout, Does.Not.Contain("style.sentence.long"));
        Assert.That(strict.ExitCode, Is.Zero, strict.ToString());
        Assert.That(strict.Stdout, Does.Contain("style.sentence.long: A 32-word sentence (more than 25)."));
    }

    [TestCase("style.longSentenceWords=2", "longSentenceWords")]
    [TestCase("longSentenceWords=25", "node.option=value")]
    [TestCase("pacing.windowWords=300", "pacing")]
    public async Task A_bad_set_is_a_usage_error_naming_it(string setting, string named)
    {
        var result = await _cli.RunAsync("check", CliProcess.Sample, "--nodes", "style", "--set", setting);
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain(named));
        Assert.That(result.Stderr, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task Json_output_carries_metrics_and_positions()
    {
        var result = await _cli.RunAsync("check", CliProcess.Sample, "--nodes", "structure", "--format", "json");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var node = json.RootElement.GetProperty("nodes")[0];
        Assert.That(node.GetProperty("id").GetString(), Is.EqualTo("structure"));
        Assert.That(node.GetProperty("metrics").GetProperty("chapters").GetDouble(), Is.EqualTo(5));
    }

    [Test]
    public async Task Json_findings_give_each_place_as_offset_and_as_line_and_column()
    {
        var result = await _cli.RunAsync("check", CliProcess.Sample, "--nodes", "style", "--format", "json");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.That(root.GetProperty("file").GetString(), Is.EqualTo(CliProcess.Sample));
        Assert.That(root.GetProperty("words").GetInt32(), Is.GreaterThan(1000));
        var node = root.GetProperty("nodes")[0];
        Assert.That(node.TryGetProperty("error", out _), Is.False, "nulls are left out");
        var located = node.GetProperty("findings").EnumerateArray().First(f => f.TryGetProperty("line", out _));
        Assert.That(located.GetProperty("severity").GetString(), Is.AnyOf("info", "suggestion", "warning", "error"));
        Assert.That(located.GetProperty("strength").GetBoolean(), Is.False);
        // The line and column name the same place as the offset, in the file as written.
        var text = File.ReadAllText(CliProcess.Sample).ReplaceLineEndings("\n");
        var offset = located.GetProperty("offset").GetInt32();
        var before = text[..offset];
        Assert.That(located.GetProperty("line").GetInt32(), Is.EqualTo(before.Count(c => c == '\n') + 1));
        Assert.That(located.GetProperty("column").GetInt32(), Is.EqualTo(offset - before.LastIndexOf('\n')));
    }
}
