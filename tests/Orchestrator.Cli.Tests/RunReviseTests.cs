using System.Diagnostics;
using System.Text.Json;

namespace Orchestrator.Cli.Tests;

/// <summary>pipelines/novel-revise.json end to end: the revise node's edits become the next iteration's text.</summary>
[TestFixture]
public sealed class RunReviseTests
{
    private const string Manuscript = """
        Chapter 1

        The the lighthouse stood -- tall and grey -- over the bay... She said "hello" to the the keeper.  It was grey.

        Chapter 2

        The keeper was was tired. The grey sea rolled on -- and on. The colour of the sky was grey.

        """;

    private const string Revised = """
        Chapter 1

        The lighthouse stood—tall and grey—over the bay… She said "hello" to the keeper. It was grey.

        Chapter 2

        The keeper was tired. The grey sea rolled on—and on. The colour of the sky was grey.

        """;

    private CliProcess _cli = null!;

    [SetUp] public void SetUp() => _cli = new CliProcess();
    [TearDown] public void TearDown() => _cli.Dispose();

    [Test]
    public async Task The_revised_text_is_analysed_next_and_written_beside_the_report_with_a_diff()
    {
        var input = _cli.Write("keeper.txt", Manuscript);
        var output = Path.Combine(_cli.WorkDir, "out");

        var result = await _cli.RunAsync("run", input, "--pipeline", "novel-revise", "--out", output);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(File.ReadAllText(input), Is.EqualTo(Manuscript), "the input is never touched");
        Assert.That(File.ReadAllText(Path.Combine(output, "keeper.revised.txt")), Is.EqualTo(Revised));

        var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json"))).RootElement;
        var run = report.GetProperty("run");
        var qualities = run.GetProperty("iterations").EnumerateArray().Select(i => i.GetProperty("quality").GetDouble()).ToArray();
        Assert.That(qualities, Has.Length.EqualTo(2), "revise, re-analyse the revised text, then nothing is left to change");
        Assert.That(qualities[1], Is.GreaterThan(qualities[0]), "the cleaner text scores higher");
        Assert.That(run.GetProperty("stopCode").GetString(), Is.EqualTo("NothingToRun"));
        var edits = run.GetProperty("revision").GetProperty("edits");
        Assert.That(edits.GetProperty("lexical-illusion").GetInt32(), Is.EqualTo(3));
        Assert.That(edits.GetProperty("dash").GetInt32(), Is.EqualTo(3));
        Assert.That(edits.GetProperty("ellipsis").GetInt32(), Is.EqualTo(1));
        // The last iteration analysed the revised text: no lexical illusion is left for the style node to find.
        var style = report.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == "style");
        Assert.That(style.GetProperty("findings").EnumerateArray().Any(f => f.GetProperty("rule").GetString() == "style.lexical-illusion"), Is.False);
        // The report describes the text last analysed: 39 words less the 3 repeated ones.
        Assert.That(report.GetProperty("manuscript").GetProperty("words").GetInt32(), Is.EqualTo(36));

        var diff = File.ReadAllText(Path.Combine(output, "keeper.revisions.diff"));
        Assert.That(diff, Does.StartWith("--- a/keeper.txt\n+++ b/keeper.revised.txt\n@@ -1,7 +1,7 @@\n"));
        Assert.That(diff, Does.Contain("-The keeper was was tired.").And.Contain("+The keeper was tired."));
        await AssertPatchGives(input, diff, Revised);
    }

    /// <summary>The diff is a real patch: applying it to the input gives the revised copy.</summary>
    private async Task AssertPatchGives(string input, string diff, string expected)
    {
        var copy = Path.Combine(_cli.WorkDir, "patched.txt");
        File.Copy(input, copy);
        var diffPath = _cli.Write("change.diff", diff);
        var start = new ProcessStartInfo("patch", ["--silent", copy, diffPath]) { RedirectStandardError = true, RedirectStandardOutput = true };
        Process? patch;
        try { patch = Process.Start(start); }
        catch (System.ComponentModel.Win32Exception)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail("patch is not installed (apt install patch)");
            Assert.Ignore("patch is not installed");
            return;
        }
        await patch!.WaitForExitAsync();
        Assert.That(patch.ExitCode, Is.Zero, await patch.StandardError.ReadToEndAsync());
        Assert.That(File.ReadAllText(copy), Is.EqualTo(expected));
    }
}
