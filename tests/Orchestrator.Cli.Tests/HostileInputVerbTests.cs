using System.Diagnostics;

namespace Orchestrator.Cli.Tests;

/// <summary>Hostile rules, inputs and settings through the real command: each ends with its documented exit code and one clear line.</summary>
[TestFixture]
public sealed class HostileInputVerbTests
{
    private CliProcess _cli = null!;

    [SetUp] public void SetUp() => _cli = new CliProcess();
    [TearDown] public void TearDown() => _cli.Dispose();

    private string Pipeline(string rules) => _cli.Write("pipeline.json", $$"""
        { "name": "hostile", "rules": { {{rules}} },
          "nodes": [ { "id": "structure", "type": "structure" } ] }
        """);

    [Test]
    public async Task A_rule_stuck_inside_one_library_call_ends_the_run_with_exit_4_and_the_session_is_saved()
    {
        // The regex alone would backtrack for 60 s; the rule's budget is 0.3 s.
        var pipeline = Pipeline("""
            "select": "new Regex(\"(a+)+$\", RegexOptions.None, TimeSpan.FromSeconds(60)).IsMatch(new string('a', 40) + \"b\") ? Array.Empty<string>() : Candidates.Select(c => c.Node)",
            "timeout": "00:00:00.3"
            """);
        var clock = Stopwatch.StartNew();

        var result = await _cli.RunAsync("run", CliProcess.Sample, "--pipeline", pipeline);

        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.Stderr, Does.Contain("rules.select: timed out after 300 ms"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(45)), "the engine did not wait for the regex");
        var sessions = Directory.GetDirectories(Path.Combine(_cli.DataDir, "sessions"));
        Assert.That(sessions, Has.Length.EqualTo(1));
        Assert.That(File.ReadAllText(Path.Combine(sessions[0], "session.json")), Does.Contain("\"Failed\""));
    }

    [Test]
    public async Task A_sigterm_before_the_session_begins_still_says_how_to_resume()
    {
        var book = Manuscripts.Tests.Corpus.PathOf(Manuscripts.Tests.Corpus.MobyDick);
        using var run = _cli.Start("run", book, "--out", "reports");
        // The data folder appears when the verb checks it can write there: signals are handled by then, and the
        // manuscript (210k words) is not loaded yet.
        var waited = Stopwatch.StartNew();
        while (!Directory.Exists(_cli.DataDir) && !run.Process.HasExited && waited.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(5);
        using (var kill = Process.Start("kill", ["-TERM", run.Process.Id.ToString()])!) await kill.WaitForExitAsync();
        var stopped = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(stopped.ExitCode, Is.EqualTo(130), stopped.ToString());
        var sessions = Path.Combine(_cli.DataDir, "sessions");
        var id = Directory.Exists(sessions) ? Directory.GetDirectories(sessions).Select(Path.GetFileName).SingleOrDefault() : null;
        // Stopped before a session existed, the same command line is how to go on; after, the session's id.
        Assert.That(stopped.Stderr, Does.Contain(id is null ? $"Resume with: orchestrator run {book} --out reports" : $"Resume with: orchestrator resume {id}"),
            stopped.ToString());
        Assert.That(stopped.Stderr, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task The_first_sigterm_ends_a_run_whose_rule_is_stuck_in_a_library_call()
    {
        var pipeline = Pipeline("""
            "select": "new Regex(\"(a+)+$\", RegexOptions.None, TimeSpan.FromSeconds(120)).IsMatch(new string('a', 40) + \"b\") ? Array.Empty<string>() : Candidates.Select(c => c.Node)",
            "timeout": "00:02:00"
            """);
        using var run = _cli.Start("run", CliProcess.Sample, "--pipeline", pipeline);
        var sessions = Path.Combine(_cli.DataDir, "sessions");
        var wait = Stopwatch.StartNew();
        while (!(Directory.Exists(sessions) && Directory.EnumerateFiles(sessions, "events.jsonl", SearchOption.AllDirectories).Any())
               && wait.Elapsed < TimeSpan.FromSeconds(60) && !run.Process.HasExited)
            await Task.Delay(100);
        await Task.Delay(500);
        using (var kill = Process.Start("kill", ["-TERM", run.Process.Id.ToString()])) await kill.WaitForExitAsync();
        var clock = Stopwatch.StartNew();

        var stopped = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(stopped.ExitCode, Is.EqualTo(130), stopped.ToString());
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task A_data_folder_that_is_a_file_or_cannot_be_created_is_refused_with_exit_2()
    {
        File.WriteAllText(_cli.DataDir, "not a folder");

        var asFile = await _cli.RunAsync("run", CliProcess.Sample);

        Assert.That(asFile.ExitCode, Is.EqualTo(2), asFile.ToString());
        Assert.That(asFile.Stderr, Does.Contain($"data folder {_cli.DataDir}: is not a folder").And.Not.Contain("   at "));

        // A link to a folder that cannot exist (under a file): it can be neither created nor written.
        File.Delete(_cli.DataDir);
        var file = _cli.Write("plain-file", "x");
        File.CreateSymbolicLink(_cli.DataDir, Path.Combine(file, "data"));

        var unusable = await _cli.RunAsync("run", CliProcess.Sample);

        Assert.That(unusable.ExitCode, Is.EqualTo(2), unusable.ToString());
        Assert.That(unusable.Stderr, Does.Contain($"data folder {_cli.DataDir}: cannot be written").And.Not.Contain("   at "));
    }

    [Test]
    public async Task A_fifo_as_manuscript_is_refused_at_once_with_exit_3()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False);
        var fifo = Path.Combine(_cli.WorkDir, "pipe.txt");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) await mkfifo.WaitForExitAsync();

        var result = await _cli.RunAsync("run", fifo);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.Contain("is a FIFO (named pipe), not a regular file"));
    }

    [Test]
    public async Task Durations_the_runtime_refuses_fail_validate_with_exit_2()
    {
        var pipeline = _cli.Write("pipeline.json", """
            { "name": "durations", "settings": { "actionTimeout": "2.00:00:00" },
              "nodes": [ { "id": "structure", "type": "structure", "timeout": "00:00:00.0000001" } ] }
            """);

        var result = await _cli.RunAsync("validate", pipeline);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr + result.Stdout, Does.Contain("must be from 00:00:00.0100000 to 1.00:00:00 (got 00:00:00.0000001)"));
    }
}
