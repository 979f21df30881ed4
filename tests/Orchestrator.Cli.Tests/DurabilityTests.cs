using System.Diagnostics;
using System.Text.Json.Nodes;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Tests;

namespace Orchestrator.Cli.Tests;

/// <summary>
/// The `orchestrator run` child killed (SIGKILL), stopped (SIGTERM), corrupted, locked and changed under, on Pride and
/// Prejudice with pipelines/novel.json: every state left on disk is whole, and `resume` (or the same `run` command line)
/// ends with the report an uninterrupted run writes, timings apart.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DurabilityTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private string _book = null!;
    private CliProcess _baselineRun = null!;
    private string _baselineReport = null!;
    private string _baselineId = null!;
    private CliProcess _cli = null!;

    private static string Pipeline => Path.Combine(CliProcess.RepoRoot, "pipelines", "novel.json");

    private string[] RunArgs(string outFolder) => ["run", _book, "--pipeline", Pipeline, "--out", outFolder];

    [OneTimeSetUp]
    public async Task RunUninterrupted()
    {
        _book = Corpus.PathOf(Corpus.PrideAndPrejudice);
        _baselineRun = new CliProcess();
        var result = await _baselineRun.RunAsync(RunArgs(Path.Combine(_baselineRun.WorkDir, "out")));
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        _baselineReport = Comparable(Path.Combine(_baselineRun.WorkDir, "out", "report.json"));
        _baselineId = SingleSession(_baselineRun.DataDir);
    }

    [OneTimeTearDown]
    public void RemoveBaseline() => _baselineRun?.Dispose();

    [SetUp]
    public void SetUp() => _cli = new CliProcess();

    [TearDown]
    public void TearDown() => _cli.Dispose();

    private string Out => Path.Combine(_cli.WorkDir, "out");
    private SessionStore Store => SessionStore.ForDataFolder(_cli.DataDir);

    public enum KillPoint
    {
        /// <summary>As soon as the session's first state is on disk.</summary>
        FirstState,
        /// <summary>After the first action outcome is logged.</summary>
        FirstOutcome,
        /// <summary>Mid-iteration: four of the seven nodes have their outcome.</summary>
        MidIteration,
        /// <summary>After the last outcome, while the iteration is being closed and recorded.</summary>
        LastOutcome,
        /// <summary>The session stopped; the reports are being written.</summary>
        ReportWriting,
    }

    [TestCase(KillPoint.FirstState)]
    [TestCase(KillPoint.FirstOutcome)]
    [TestCase(KillPoint.MidIteration)]
    [TestCase(KillPoint.LastOutcome)]
    [TestCase(KillPoint.ReportWriting)]
    public async Task Killed_at_any_moment_resume_writes_the_uninterrupted_report(KillPoint point)
    {
        var id = await KillRunAsync(point);
        AssertWhole(id);
        var leaseLeft = File.Exists(Path.Combine(Store.SessionFolder(id), "lease.json"));

        var resume = await _cli.RunAsync("resume", id);

        Assert.That(resume.ExitCode, Is.Zero, resume.ToString());
        Assert.That(resume.Stdout, Does.Contain($"session {id}"));
        Assert.That(Comparable(Path.Combine(Out, "report.json")), Is.EqualTo(_baselineReport), "resume writes where the run would have");
        if (leaseLeft)
            Assert.That(resume.Stderr, Does.Contain("took over a stale lease: process").And.Contain("is no longer running"), "the dead run's lease is taken over, and the resume says so");
        Assert.That(Store.LoadState(id).State.Status, Is.EqualTo(SessionStateStatus.Completed));
        Assert.That(File.Exists(Path.Combine(Store.SessionFolder(id), "lease.json")), Is.False, "the lease is released");
    }

    [Test]
    public async Task Killed_then_the_same_run_command_line_finishes_the_session()
    {
        var id = await KillRunAsync(KillPoint.MidIteration);
        AssertWhole(id);

        var again = await _cli.RunAsync(RunArgs(Out));

        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        Assert.That(again.Stdout, Does.Contain($"session {id}"), "the interrupted session goes on; no new one starts");
        Assert.That(Directory.GetDirectories(Path.Combine(_cli.DataDir, "sessions")), Has.Length.EqualTo(1));
        Assert.That(Comparable(Path.Combine(Out, "report.json")), Is.EqualTo(_baselineReport));
    }

    [TestCase(100)]
    [TestCase(300)]
    [TestCase(600)]
    public async Task Killed_in_its_first_instant_the_same_run_command_line_finishes_with_one_session(int afterMs)
    {
        using (var run = _cli.Start(RunArgs(Out)))
        {
            await Task.Delay(afterMs);
            if (!run.Process.HasExited) run.Process.Kill();
            await run.Process.WaitForExitAsync();
        }
        var left = Sessions(_cli.DataDir);
        Assert.That(left, Has.Length.AtMost(1));
        foreach (var id in left) AssertWhole(id);
        var list = await _cli.RunAsync("sessions", "list");
        Assert.That(list.Stdout, Does.Not.Contain("Corrupt"), list.ToString());

        var again = await _cli.RunAsync(RunArgs(Out));

        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        Assert.That(Sessions(_cli.DataDir), Has.Length.EqualTo(1), "a session the kill left is picked up; none is started beside it");
        if (left.Length == 1) Assert.That(again.Stdout, Does.Contain($"session {left[0]}"));
        Assert.That(Comparable(Path.Combine(Out, "report.json")), Is.EqualTo(_baselineReport));
    }

    private static string[] Sessions(string dataDir)
    {
        var folder = Path.Combine(dataDir, "sessions");
        return Directory.Exists(folder) ? Directory.GetDirectories(folder).Select(f => Path.GetFileName(f)).Where(SessionStore.IsValidSessionId).ToArray() : [];
    }

    [Test]
    public async Task Killed_twice_then_resumed_still_writes_the_uninterrupted_report()
    {
        var id = await KillRunAsync(KillPoint.FirstOutcome);
        using (var resume = _cli.Start("resume", id))
        {
            await WaitUntilAsync(resume, () => Outcomes(id) >= 4, mayFinish: false);
            resume.Process.Kill();
            await resume.Process.WaitForExitAsync();
        }
        AssertWhole(id);

        var last = await _cli.RunAsync("resume", id);

        Assert.That(last.ExitCode, Is.Zero, last.ToString());
        Assert.That(Comparable(Path.Combine(Out, "report.json")), Is.EqualTo(_baselineReport));
    }

    [Test]
    public async Task Sigterm_exits_130_naming_the_session_and_resume_finishes_it()
    {
        using var run = _cli.Start(RunArgs(Out));
        var id = await WaitForSessionAsync(run);
        await WaitUntilAsync(run, () => Outcomes(id) >= 1, mayFinish: false);
        using (var kill = Process.Start("kill", ["-TERM", run.Process.Id.ToString()])) await kill.WaitForExitAsync();
        var stopped = await run.WaitAsync(Patience);

        Assert.That(stopped.ExitCode, Is.EqualTo(130), stopped.ToString());
        Assert.That(stopped.Stderr, Does.Contain($"Resume with: orchestrator resume {id}"));
        AssertWhole(id);
        var saved = Store.LoadState(id).State;
        Assert.That(saved.Status, Is.EqualTo(SessionStateStatus.Cancelled));
        Assert.That(saved.Nodes.Select(n => n.Status), Has.None.EqualTo(NodeRunStatus.Running));
        Assert.That(File.Exists(Path.Combine(Store.SessionFolder(id), "lease.json")), Is.False, "a clean stop releases the lease");

        var resume = await _cli.RunAsync("resume", id);

        Assert.That(resume.ExitCode, Is.Zero, resume.ToString());
        Assert.That(Comparable(Path.Combine(Out, "report.json")), Is.EqualTo(_baselineReport));
    }

    [Test]
    public async Task Garbage_session_json_falls_back_to_the_newest_snapshot_and_says_so()
    {
        var id = CopyBaselineSession();
        File.WriteAllText(Store.StatePath(id), "{ this is not json");

        var resume = await _cli.RunAsync("resume", id, "--out", Out);

        Assert.That(resume.ExitCode, Is.Zero, resume.ToString());
        Assert.That(resume.Stderr, Does.Match(@"session\.json is corrupt .*; using snapshot 000002"));
        Assert.That(Comparable(Path.Combine(Out, "report.json")), Is.EqualTo(_baselineReport));
    }

    [Test]
    public async Task Truncated_session_json_and_newest_snapshot_fall_back_to_the_one_before()
    {
        var id = CopyBaselineSession();
        Truncate(Store.StatePath(id));
        Truncate(SnapshotPath(id, 2));

        var resume = await _cli.RunAsync("resume", id, "--out", Out);

        Assert.That(resume.ExitCode, Is.Zero, resume.ToString());
        Assert.That(resume.Stderr, Does.Contain("session.json is corrupt"));
        Assert.That(resume.Stderr, Does.Match(@"snapshot 000002 is corrupt \([^)]*\); using 000001"));
        Assert.That(Comparable(Path.Combine(Out, "report.json")), Is.EqualTo(_baselineReport));
    }

    [Test]
    public async Task A_flipped_byte_in_a_snapshot_is_caught_by_its_checksum()
    {
        var id = CopyBaselineSession();
        var path = SnapshotPath(id, 2);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(path, bytes);
        File.Delete(Store.StatePath(id));

        var resume = await _cli.RunAsync("resume", id, "--out", Out);

        Assert.That(resume.ExitCode, Is.Zero, resume.ToString());
        Assert.That(resume.Stderr, Does.Contain("snapshot 000002 is corrupt (checksum mismatch); using 000001"));
        Assert.That(Comparable(Path.Combine(Out, "report.json")), Is.EqualTo(_baselineReport));
    }

    [Test]
    public async Task Nothing_valid_left_exits_6_naming_each_file()
    {
        var id = CopyBaselineSession();
        File.WriteAllText(Store.StatePath(id), "garbage");
        Truncate(SnapshotPath(id, 1));
        Truncate(SnapshotPath(id, 2));

        var resume = await _cli.RunAsync("resume", id, "--out", Out);

        Assert.That(resume.ExitCode, Is.EqualTo(6), resume.ToString());
        Assert.That(resume.Stderr, Does.Contain("session.json").And.Contain("000001").And.Contain("000002"));
        Assert.That(File.Exists(Path.Combine(Out, "report.json")), Is.False);
    }

    [Test]
    public async Task Resume_while_a_live_run_holds_the_session_exits_7_naming_the_holder()
    {
        using var run = _cli.Start(RunArgs(Out));
        var id = await WaitForSessionAsync(run);
        await WaitUntilAsync(run, () => File.Exists(Path.Combine(Store.SessionFolder(id), "lease.json")), mayFinish: false);

        var second = await _cli.RunAsync("resume", id);
        var first = await run.WaitAsync(Patience);

        Assert.That(second.ExitCode, Is.EqualTo(7), second.ToString());
        Assert.That(second.Stderr, Does.Contain($"session {id} is in use").And.Contain($"pid {run.Process.Id}"));
        Assert.That(first.ExitCode, Is.Zero, "the run that holds the session is not disturbed: " + first);
        Assert.That(Comparable(Path.Combine(Out, "report.json")), Is.EqualTo(_baselineReport));
    }

    [Test]
    public async Task Cleanup_keeps_a_session_a_live_run_holds()
    {
        using var run = _cli.Start(RunArgs(Out));
        var id = await WaitForSessionAsync(run);
        await WaitUntilAsync(run, () => Outcomes(id) >= 1, mayFinish: false);
        // Paused (SIGSTOP), the run lives but cannot finish while cleanup and list look at it: a short run no longer races them.
        await SignalAsync("STOP", run.Process.Id);
        CliResult cleanup, list;
        try
        {
            cleanup = await _cli.RunAsync("sessions", "cleanup", "--older-than", "0m");
            list = await _cli.RunAsync("sessions", "list");
        }
        finally
        {
            await SignalAsync("CONT", run.Process.Id);
        }
        var finished = await run.WaitAsync(Patience);

        Assert.That(cleanup.ExitCode, Is.Zero, cleanup.ToString());
        Assert.That(cleanup.Stdout, Does.Match($@"(?m)^kept\s+{id}\s+Running\s+.*locked \(held by pid {run.Process.Id}"));
        Assert.That(list.Stdout, Does.Match($@"(?m)^{id}\s+Running"), "shown Running, not Interrupted, while its process lives");
        Assert.That(finished.ExitCode, Is.Zero, finished.ToString());
        Assert.That(Store.Exists(id), Is.True);
    }

    [Test]
    public async Task Cleanup_deletes_an_interrupted_session_whose_process_died()
    {
        var id = await KillRunAsync(KillPoint.FirstOutcome);

        var cleanup = await _cli.RunAsync("sessions", "cleanup", "--older-than", "0m");

        Assert.That(cleanup.ExitCode, Is.Zero, cleanup.ToString());
        Assert.That(cleanup.Stdout, Does.Match($@"(?m)^deleted\s+{id}\s"));
        Assert.That(Store.Exists(id), Is.False, "a dead run's lease does not keep its session forever");
    }

    [Test]
    public async Task Changed_input_refuses_with_exit_7_and_force_runs_it_again()
    {
        var book = _cli.Write("book.md", File.ReadAllText(CliProcess.Sample));
        var run = await _cli.RunAsync("run", book, "--pipeline", Pipeline, "--out", Out);
        Assert.That(run.ExitCode, Is.AnyOf(0, 4), run.ToString());
        var id = SingleSession(_cli.DataDir);
        var before = JsonNode.Parse(File.ReadAllText(Path.Combine(Out, "report.json")))!;
        File.AppendAllText(book, "\n\nA new last paragraph, written after the session began, changes the hash of the book.\n");

        var refused = await _cli.RunAsync("resume", id);

        Assert.That(refused.ExitCode, Is.EqualTo(7), refused.ToString());
        Assert.That(refused.Stderr, Does.Contain($"the input {book} changed since the session began"));
        Assert.That(refused.Stderr, Does.Contain("--force"));

        var forced = await _cli.RunAsync("resume", id, "--force");

        Assert.That(forced.ExitCode, Is.AnyOf(0, 4), forced.ToString());
        var after = JsonNode.Parse(File.ReadAllText(Path.Combine(Out, "report.json")))!;
        Assert.That(after["manuscript"]!["contentHash"]!.GetValue<string>(), Is.Not.EqualTo(before["manuscript"]!["contentHash"]!.GetValue<string>()));
        Assert.That(after["manuscript"]!["words"]!.GetValue<int>(), Is.GreaterThan(before["manuscript"]!["words"]!.GetValue<int>()),
            "the nodes ran again on the new text");
        Assert.That(Store.LoadState(id).State.InputHash, Is.EqualTo(ContentHash.OfFile(book)));
    }

    [Test]
    public async Task Changed_pipeline_refuses_with_exit_7_naming_it()
    {
        var pipeline = _cli.Write("novel.json", File.ReadAllText(Pipeline));
        var run = await _cli.RunAsync("run", CliProcess.Sample, "--pipeline", pipeline, "--out", Out);
        Assert.That(run.ExitCode, Is.AnyOf(0, 4), run.ToString());
        var id = SingleSession(_cli.DataDir);
        File.WriteAllText(pipeline, File.ReadAllText(pipeline).Replace("\"weight\": 0.15", "\"weight\": 0.3", StringComparison.Ordinal));

        var refused = await _cli.RunAsync("resume", id);

        Assert.That(refused.ExitCode, Is.EqualTo(7), refused.ToString());
        Assert.That(refused.Stderr, Does.Contain("pipeline 'novel'").And.Contain(pipeline).And.Contain("changed since the session began"));
    }

    private static async Task SignalAsync(string signal, int pid)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.That(kill.ExitCode, Is.Zero, $"kill -{signal} {pid}");
    }

    /// <summary>Starts the run, waits for <paramref name="point"/>, kills it with SIGKILL, and returns its session id.</summary>
    private async Task<string> KillRunAsync(KillPoint point)
    {
        using var run = _cli.Start(RunArgs(Out));
        var id = await WaitForSessionAsync(run);
        Func<bool> reached = point switch
        {
            KillPoint.FirstState => () => File.Exists(Store.StatePath(id)),
            KillPoint.FirstOutcome => () => Outcomes(id) >= 1,
            KillPoint.MidIteration => () => Outcomes(id) >= 4,
            KillPoint.LastOutcome => () => Outcomes(id) >= 7,
            KillPoint.ReportWriting => () => Events(id).Contains("\"kind\":\"Stop\"", StringComparison.Ordinal),
            _ => throw new ArgumentOutOfRangeException(nameof(point)),
        };
        // Writing the reports can end before the kill lands; the state on disk is the same either way.
        await WaitUntilAsync(run, reached, mayFinish: point == KillPoint.ReportWriting);
        if (!run.Process.HasExited) run.Process.Kill();
        await run.Process.WaitForExitAsync();
        if (point != KillPoint.ReportWriting)
            Assert.That(Store.LoadState(id).State.Status, Is.EqualTo(SessionStateStatus.Running), $"killed at {point}, before the end");
        return id;
    }

    /// <summary>Every file of the session is whole: session.json parses and holds a valid state, every snapshot verifies.</summary>
    private void AssertWhole(string id)
    {
        var bytes = File.ReadAllBytes(Store.StatePath(id));
        var state = SessionStateJson.Deserialize(bytes);
        Assert.That(state.Validate(), Is.Empty, "session.json holds a valid state");
        var loaded = Store.LoadState(id);
        Assert.That(loaded.Warnings, Is.Empty, "nothing skipped on load");
        Assert.That(loaded.Source, Is.EqualTo(StateSource.SessionJson));
        foreach (var snapshot in Store.Snapshots(id).List())
            Assert.DoesNotThrow(() => SnapshotStore.ReadFile(snapshot.Path), $"snapshot {snapshot.Name} verifies");
    }

    private async Task<string> WaitForSessionAsync(CliChild run)
    {
        var sessions = Path.Combine(_cli.DataDir, "sessions");
        string? id = null;
        await WaitUntilAsync(run, () =>
        {
            if (!Directory.Exists(sessions)) return false;
            id = Directory.GetDirectories(sessions).Select(Path.GetFileName).FirstOrDefault(SessionStore.IsValidSessionId);
            return id is not null;
        }, mayFinish: false);
        return id!;
    }

    private static async Task WaitUntilAsync(CliChild run, Func<bool> condition, bool mayFinish)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (run.Process.HasExited)
            {
                if (mayFinish) return;
                var result = await run.WaitAsync();
                Assert.Fail($"the child ended before the moment the test waits for: {result}");
            }
            if (clock.Elapsed > Patience) Assert.Fail("timed out waiting for the child");
            await Task.Delay(5);
        }
    }

    private int Outcomes(string id)
    {
        var text = Events(id);
        var count = 0;
        for (var at = text.IndexOf("\"kind\":\"Outcome\"", StringComparison.Ordinal); at >= 0;
             at = text.IndexOf("\"kind\":\"Outcome\"", at + 1, StringComparison.Ordinal))
            count++;
        return count;
    }

    private string Events(string id)
    {
        var path = Store.EventsPath(id);
        if (!File.Exists(path)) return "";
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Copies the finished baseline session into this test's data folder (same id), for corruption tests.</summary>
    private string CopyBaselineSession()
    {
        var from = SessionStore.ForDataFolder(_baselineRun.DataDir).SessionFolder(_baselineId);
        var to = Store.SessionFolder(_baselineId);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Assert.That(Store.Snapshots(_baselineId).List().Select(s => s.Number), Is.EqualTo(new[] { 1, 2 }),
            "the finished session has the snapshot of iteration 1 and the one taken at the stop");
        return _baselineId;
    }

    private string SnapshotPath(string id, int number) => Path.Combine(Store.Snapshots(id).Folder, SnapshotStore.FileName(number));

    private static void Truncate(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.SetLength(stream.Length / 2);
    }

    private static string SingleSession(string dataDir)
    {
        var ids = Directory.GetDirectories(Path.Combine(dataDir, "sessions")).Select(Path.GetFileName).ToArray();
        Assert.That(ids, Has.Length.EqualTo(1));
        return ids[0]!;
    }

    /// <summary>
    /// report.json without what may differ between an interrupted and an uninterrupted run: the <c>timings</c>
    /// section, every <c>durationMs</c>, and the session id.
    /// </summary>
    private static string Comparable(string reportPath)
    {
        Assert.That(File.Exists(reportPath), Is.True, reportPath);
        var report = JsonNode.Parse(File.ReadAllText(reportPath))!.AsObject();
        report.Remove("session");
        // Timings keep what does not depend on the clock: the plans, and each node's and iteration's counts.
        var timings = report["timings"]!.AsObject();
        timings.Remove("startedAt");
        foreach (var node in timings["nodeStatistics"]!.AsArray())
            foreach (var figure in new[] { "minMs", "meanMs", "maxMs" }) node!.AsObject().Remove(figure);
        RemoveDurations(report);
        return report.ToJsonString();
    }

    private static void RemoveDurations(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                o.Remove("durationMs");
                foreach (var (_, child) in o) RemoveDurations(child);
                break;
            case JsonArray a:
                foreach (var child in a) RemoveDurations(child);
                break;
        }
    }
}
