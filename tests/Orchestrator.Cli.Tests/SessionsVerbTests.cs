using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Orchestrator.Cli.Hosting;
using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Iteration;
using Orchestrator.Engine.State;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Orchestrator.Cli.Tests;

/// <summary>
/// <c>sessions list|show|cleanup</c> on sessions built on disk through <see cref="SessionStore"/> (as the run
/// loop writes them), and the retention a run applies as it starts.
/// </summary>
[TestFixture]
public sealed class SessionsVerbTests
{
    private const string Finished = "novel_20261120_100000_aaaa";
    private const string Interrupted = "quick_20261121_100000_bbbb";
    private const string Driven = "novel_20261122_100000_cccc";
    private const string FromSnapshot = "novel_20261123_100000_dddd";

    // The run loop writes Decision and Iteration details with the web defaults.
    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    private CliProcess _cli = null!;
    private SessionStore _store = null!;
    private readonly List<SessionLease> _leases = [];
    private DateTimeOffset _now;

    [SetUp]
    public void SetUp()
    {
        _cli = new CliProcess();
        _store = SessionStore.ForDataFolder(_cli.DataDir);
        _now = DateTimeOffset.UtcNow;
    }

    [TearDown]
    public void TearDown()
    {
        foreach (var lease in _leases) lease.Dispose();
        _cli.Dispose();
    }

    [Test]
    public async Task List_shows_each_session_newest_first_with_its_status_and_quality()
    {
        WriteFinished(Finished, _now.AddHours(-4));
        _store.SaveState(State(Interrupted, SessionStateStatus.Running, _now.AddHours(-3), pipeline: "quick", quality: [0.42]));
        _store.SaveState(State(Driven, SessionStateStatus.Running, _now.AddHours(-2), quality: []));
        Lock(Driven);
        var snapshotOnly = State(FromSnapshot, SessionStateStatus.Completed, _now.AddHours(-1), quality: [0.5, 0.66]);
        _store.WriteSnapshot(snapshotOnly);
        File.WriteAllText(_store.StatePath(FromSnapshot), """{"schemaVersion":1,"sessionId":""");

        var result = await _cli.RunAsync("sessions", "list");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.Match(@"^ID\s+STATUS\s+MANUSCRIPT\s+PIPELINE\s+QUALITY\s+ITER\s+UPDATED$"));
        string Row(string id) => lines.Single(l => l.StartsWith(id + " ", StringComparison.Ordinal));
        Assert.That(Row(Finished), Does.Match(@"\s+Completed\s+pride\.txt\s+novel\s+0\.74\s+2\s+\d{4}-\d\d-\d\d \d\d:\d\d$"));
        Assert.That(Row(Interrupted), Does.Match(@"\s+Interrupted\s+pride\.txt\s+quick\s+0\.42\s+1\s"));
        Assert.That(Row(Driven), Does.Match(@"\s+Running\s+pride\.txt\s+novel\s+-\s+0\s"), "a live lease: a process drives it");
        Assert.That(Row(FromSnapshot), Does.Match(@"\s+Completed\s+pride\.txt\s+novel\s+0\.66\s+2\s"), "session.json is corrupt: the snapshot tells");
        var order = new[] { FromSnapshot, Driven, Interrupted, Finished }.Select(id => Array.FindIndex(lines, l => l.StartsWith(id))).ToArray();
        Assert.That(order, Is.Ordered, "newest first");
        Assert.That(order[0], Is.GreaterThan(0), "after the header");
        Assert.That(Row(Finished).IndexOf("Completed", StringComparison.Ordinal), Is.EqualTo(Row(Interrupted).IndexOf("Interrupted", StringComparison.Ordinal)), "aligned");
        Assert.That(result.Stdout, Does.Contain($"{Interrupted}: interrupted; resume with: orchestrator resume {Interrupted}"));
        Assert.That(result.Stdout, Does.Contain($"{FromSnapshot}: session.json is corrupt").And.Contain("using snapshot 000001"));
        Assert.That(result.Stdout, Does.Not.Contain($"resume {Driven}"), "a driven session is not resumable");
    }

    [Test]
    public async Task List_json_prints_the_same_rows()
    {
        WriteFinished(Finished, _now.AddHours(-2));
        _store.SaveState(State(Interrupted, SessionStateStatus.Running, _now.AddHours(-1), pipeline: "quick", quality: [0.42]));

        var result = await _cli.RunAsync("sessions", "list", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var rows = json.RootElement.EnumerateArray().ToArray();
        Assert.That(rows.Select(r => r.GetProperty("id").GetString()), Is.EqualTo(new[] { Interrupted, Finished }));
        Assert.That(rows[0].GetProperty("status").GetString(), Is.EqualTo("Interrupted"));
        Assert.That(rows[0].GetProperty("storedStatus").GetString(), Is.EqualTo("Running"));
        Assert.That(rows[0].GetProperty("resume").GetString(), Is.EqualTo($"orchestrator resume {Interrupted}"));
        Assert.That(rows[1].GetProperty("status").GetString(), Is.EqualTo("Completed"));
        Assert.That(rows[1].GetProperty("quality").GetDouble(), Is.EqualTo(0.74));
        Assert.That(rows[1].GetProperty("iterations").GetInt32(), Is.EqualTo(2));
        Assert.That(rows[1].GetProperty("manuscript").GetString(), Is.EqualTo("pride.txt"));
        Assert.That(rows[1].GetProperty("updatedAt").GetDateTimeOffset(), Is.EqualTo(_now.AddHours(-2)));
    }

    [Test]
    public async Task List_of_an_empty_store_says_so_and_exits_0()
    {
        var result = await _cli.RunAsync("sessions", "list");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stdout.Trim(), Does.StartWith("No sessions yet in").And.Contain(Path.Combine(_cli.DataDir, "sessions")));
    }

    [Test]
    public async Task Show_prints_quality_history_nodes_errors_decisions_and_recommendations()
    {
        WriteFinished(Finished, _now.AddHours(-1));

        var result = await _cli.RunAsync("sessions", "show", Finished);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var o = result.Stdout;
        Assert.That(o, Does.Match(@"(?m)^status\s+Completed$"));
        Assert.That(o, Does.Match(@"(?m)^pipeline\s+novel$"));
        Assert.That(o, Does.Match(@"(?m)^input\s+/books/pride\.txt$"));
        Assert.That(o, Does.Match(@"(?m)^iterations\s+2$"));
        Assert.That(o, Does.Match(@"(?m)^stop reason\s+QualityThreshold: quality 0\.74 reached the threshold 0\.70$"));
        Assert.That(o, Does.Match(@"(?m)^  ITER\s+QUALITY\s+DELTA\s+COVERAGE\s+CONFIDENCE\s+DURATION\s+ACTIONS\s+FAILURES\s+RETRIES$"));
        Assert.That(o, Does.Match(@"(?m)^\s+1\s+0\.61\s+-\s+0\.67\s+0\.50\s+2\.50 s\s+3\s+1\s+2$"));
        Assert.That(o, Does.Match(@"(?m)^\s+2\s+0\.74\s+\+0\.13\s+1\.00\s+0\.80\s+1\.25 s\s+1\s+0\s+0$"));
        Assert.That(o, Does.Match(@"(?m)^  structure\s+Succeeded\s+1\s+0\.80\s+0\.40 s$"));
        Assert.That(o, Does.Match(@"(?m)^  style\s+Succeeded\s+1\s+0\.70\s+0\.90 s$"));
        Assert.That(o, Does.Match(@"(?m)^  recommendations\s+Succeeded\s+1\s+0\.55\s+0\.05 s$"));
        Assert.That(o, Does.Contain("  iteration 1, style (attempt 3): Failed: TimeoutException: the model did not answer"));
        Assert.That(o, Does.Contain("  iteration 1\n    chosen    structure (candidate 1 of 3 by score), style (candidate 2 of 3 by score), recommendations (needed by report)"));
        Assert.That(o, Does.Contain("  iteration 2\n    chosen    style (candidate 1 of 1 by score)\n" +
            "    filtered  structure (UpToDate: succeeded at iteration 1, inputs unchanged); recommendations (DependencyNotReady: waits for style)\n"));
        Assert.That(o, Does.Contain("recommendations (top 10 of 12)"));
        Assert.That(o, Does.Contain("   1. problem style.repetition (chapter 1): recommendation 1 → vary it"));
        Assert.That(o, Does.Contain("  10. warning style.repetition (chapter 10): recommendation 10"));
        Assert.That(o, Does.Not.Contain("recommendation 11").And.Not.Contain("a strength"));
        Assert.That(o, Does.Not.Contain("warnings"), "a clean session loads without warnings");
    }

    [Test]
    public async Task Show_json_carries_the_same_facts()
    {
        WriteFinished(Finished, _now.AddHours(-1));

        var result = await _cli.RunAsync("sessions", "show", Finished, "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("Completed"));
        Assert.That(root.GetProperty("source").GetString(), Is.EqualTo("session.json"));
        var quality = root.GetProperty("quality");
        Assert.That(quality[1].GetProperty("delta").GetDouble(), Is.EqualTo(0.13));
        Assert.That(quality[0].GetProperty("retries").GetInt32(), Is.EqualTo(2));
        Assert.That(root.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("node").GetString()),
            Is.EqualTo(new[] { "structure", "style", "recommendations" }));
        var decisions = root.GetProperty("decisions");
        Assert.That(decisions.GetArrayLength(), Is.EqualTo(2));
        Assert.That(decisions[0].GetProperty("candidates")[0].GetProperty("score").GetDouble(), Is.EqualTo(3.25));
        Assert.That(decisions[1].GetProperty("filtered")[0].GetProperty("kind").GetString(), Is.EqualTo("UpToDate"));
        Assert.That(root.GetProperty("recommendationCount").GetInt32(), Is.EqualTo(12));
        Assert.That(root.GetProperty("recommendations").GetArrayLength(), Is.EqualTo(10));
        Assert.That(root.GetProperty("errors")[0].GetProperty("attempt").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task Show_an_interrupted_session_falls_back_to_its_snapshot_and_says_so()
    {
        var state = State(Interrupted, SessionStateStatus.Running, _now.AddHours(-1), pipeline: "quick", quality: [0.42]);
        _store.WriteSnapshot(state);
        File.WriteAllText(_store.StatePath(Interrupted), "{ torn");
        _store.AppendEvent(new SessionEvent { Time = _now, Kind = SessionEventKind.Warning, Session = Interrupted, Details = "the manuscript copy was rewritten" });
        File.AppendAllText(_store.EventsPath(Interrupted), """{"time":"2026-""");

        var result = await _cli.RunAsync("sessions", "show", Interrupted);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stdout, Does.Match(@"(?m)^status\s+Interrupted \(stored as Running; lease free\)$"));
        Assert.That(result.Stdout, Does.Match(@"(?m)^state from\s+snapshot 000001$"));
        Assert.That(result.Stdout, Does.Contain($"resume with: orchestrator resume {Interrupted}"));
        var warnings = result.Stdout[result.Stdout.IndexOf("\nwarnings\n", StringComparison.Ordinal)..];
        Assert.That(warnings, Does.Contain("session.json is corrupt").And.Contain("using snapshot 000001"));
        Assert.That(warnings, Does.Contain("the manuscript copy was rewritten"));
        Assert.That(warnings, Does.Contain("events.jsonl: the last line (2) is incomplete"));
    }

    [Test]
    public async Task Show_of_an_unknown_session_exits_5()
    {
        WriteFinished(Finished, _now);

        var result = await _cli.RunAsync("sessions", "show", "novel_20990101_000000_ffff");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.SessionNotFound).And.EqualTo(5), result.ToString());
        Assert.That(result.Stderr, Does.Contain("no session 'novel_20990101_000000_ffff'").And.Contain("sessions list"));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public async Task Show_of_a_session_with_nothing_valid_left_exits_6_naming_each_file()
    {
        var state = State(Finished, SessionStateStatus.Completed, _now.AddHours(-1), quality: [0.7]);
        var snapshot = _store.WriteSnapshot(state);
        var bytes = File.ReadAllBytes(snapshot.Path);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(snapshot.Path, bytes);
        File.WriteAllText(_store.StatePath(Finished), "not json");

        var result = await _cli.RunAsync("sessions", "show", Finished);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.SessionCorrupt).And.EqualTo(6), result.ToString());
        Assert.That(result.Stderr, Does.Contain($"session '{Finished}' has no valid state left"));
        Assert.That(result.Stderr, Does.Contain("session.json is corrupt").And.Contain("000001").And.Contain("checksum"));
        Assert.That(result.Stderr, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task A_malformed_id_exits_5_for_show_as_for_resume()
    {
        var show = await _cli.RunAsync("sessions", "show", "../etc");
        var resume = await _cli.RunAsync("resume", "../etc");

        Assert.That((show.ExitCode, resume.ExitCode), Is.EqualTo((ExitCodes.SessionNotFound, ExitCodes.SessionNotFound)), show + "\n" + resume);
        Assert.That(show.Stderr, Does.Contain("no session '../etc'").And.Contain("sessions list"));
        Assert.That(show.Stderr + resume.Stderr, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task List_shows_no_negative_iteration_it_says_why_and_uses_the_snapshot()
    {
        var good = State(Finished, SessionStateStatus.Completed, _now.AddHours(-1), quality: [0.6, 0.7]);
        _store.SaveState(good);
        _store.WriteSnapshot(good);
        var path = _store.StatePath(Finished);
        File.WriteAllText(path, Regex.Replace(File.ReadAllText(path), @"(?m)^  ""iteration"": \d+", @"  ""iteration"": -3"));
        Assert.That(File.ReadAllText(path), Does.Contain(@"""iteration"": -3"));

        var list = await _cli.RunAsync("sessions", "list");
        var show = await _cli.RunAsync("sessions", "show", Finished);

        Assert.That(list.ExitCode, Is.Zero, list.ToString());
        Assert.That(list.Stdout, Does.Match($@"{Finished}\s+Completed\s+pride\.txt\s+novel\s+0\.70\s+2\s"), "the snapshot's figures");
        Assert.That(list.Stdout.Split('\n').Where(l => l.StartsWith(Finished + " ", StringComparison.Ordinal)).Single(), Does.Not.Contain("-3"), "the row");
        Assert.That(list.Stdout, Does.Contain($"{Finished}: session.json is invalid").And.Contain("iteration -3 is negative").And.Contain("using snapshot 000001"));
        Assert.That(show.ExitCode, Is.Zero, show.ToString());
        Assert.That(show.Stdout, Does.Contain("iteration -3 is negative"), "show says the same");
    }

    [Test]
    public async Task Cleanup_deletes_an_old_finished_session_and_keeps_a_locked_one_and_a_fresh_one()
    {
        const string OldLocked = "novel_20261101_100000_eeee";
        WriteFinished(Finished, _now.AddDays(-10));
        _store.SaveState(State(OldLocked, SessionStateStatus.Completed, _now.AddDays(-10), quality: [0.7]));
        Lock(OldLocked);
        _store.SaveState(State(Interrupted, SessionStateStatus.Running, _now.AddDays(-2), quality: [0.4]));

        var result = await _cli.RunAsync("sessions", "cleanup", "--older-than", "7d");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(_store.Exists(Finished), Is.False);
        Assert.That(_store.Exists(OldLocked), Is.True, "locked: never deleted");
        Assert.That(_store.Exists(Interrupted), Is.True, "within the retention");
        Assert.That(result.Stdout, Does.Match($@"(?m)^deleted\s+{Finished}\s+Completed\s+.*updated 10 days ago, past the retention of 7 days$"));
        Assert.That(result.Stdout, Does.Match($@"(?m)^kept\s+{OldLocked}\s+Completed\s+.*locked \(held by pid {Environment.ProcessId}"));
        Assert.That(result.Stdout, Does.Match($@"(?m)^kept\s+{Interrupted}\s+Running\s+.*within the retention of 7 days$"));
        Assert.That(result.Stdout, Does.Contain("1 deleted, 2 kept"));
    }

    [Test]
    public async Task Cleanup_dry_run_deletes_nothing_and_says_what_it_would_delete()
    {
        WriteFinished(Finished, _now.AddDays(-2));
        _store.SaveState(State(Interrupted, SessionStateStatus.Running, _now.AddHours(-20), quality: [0.4]));

        var result = await _cli.RunAsync("sessions", "cleanup", "--older-than", "1.5d", "--dry-run");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(_store.Exists(Finished) && _store.Exists(Interrupted), Is.True, "a dry run deletes nothing");
        Assert.That(result.Stdout, Does.Match($@"(?m)^would delete\s+{Finished}\s+Completed\s+.*updated 2 days ago, past the retention of 1\.5 days$"));
        Assert.That(result.Stdout, Does.Match($@"(?m)^kept\s+{Interrupted}\s"));
        Assert.That(result.Stdout, Does.Contain("Dry run: 1 of 2 sessions would be deleted (older than 1.5 days); nothing was deleted."));
    }

    [Test]
    public async Task Cleanup_json_lists_deleted_and_kept()
    {
        WriteFinished(Finished, _now.AddHours(-13));
        _store.SaveState(State(Interrupted, SessionStateStatus.Running, _now.AddHours(-11), quality: [0.4]));

        var result = await _cli.RunAsync("sessions", "cleanup", "--older-than", "12h", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.That(json.RootElement.GetProperty("deleted")[0].GetProperty("id").GetString(), Is.EqualTo(Finished));
        Assert.That(json.RootElement.GetProperty("deleted")[0].GetProperty("status").GetString(), Is.EqualTo("Completed"));
        Assert.That(json.RootElement.GetProperty("kept")[0].GetProperty("id").GetString(), Is.EqualTo(Interrupted));
        Assert.That(_store.Exists(Finished), Is.False);
    }

    [TestCase("7")]
    [TestCase("7x")]
    [TestCase("-1d")]
    [TestCase("d")]
    public async Task Cleanup_with_a_bad_duration_is_a_usage_error(string value)
    {
        WriteFinished(Finished, _now.AddDays(-30));

        var result = await _cli.RunAsync("sessions", "cleanup", "--older-than", value);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain($"'{value}' is not a duration"));
        Assert.That(_store.Exists(Finished), Is.True);
    }

    [TestCase("7d", 7 * 24 * 60)]
    [TestCase("1.5d", 36 * 60)]
    [TestCase("12h", 12 * 60)]
    [TestCase("30m", 30)]
    [TestCase(" 2H ", 120)]
    [TestCase("0m", 0)]
    public void Durations_read_as_typed(string text, int minutes)
    {
        Assert.That(DurationText.TryParse(text, out var duration), Is.True);
        Assert.That(duration, Is.EqualTo(TimeSpan.FromMinutes(minutes)));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("12")]
    [TestCase("1,5d")]
    [TestCase("1e3h")]
    [TestCase("+1d")]
    [TestCase("7w")]
    public void Bad_durations_are_refused(string? text) =>
        Assert.That(DurationText.TryParse(text, out _), Is.False);

    [Test]
    public void Retention_deletes_sessions_past_the_setting_and_logs_them_keeping_locked_and_fresh_ones()
    {
        const string OldLocked = "novel_20261101_100000_eeee";
        WriteFinished(Finished, _now.AddDays(-4));
        _store.SaveState(State(OldLocked, SessionStateStatus.Running, _now.AddDays(-40), quality: []));
        Lock(OldLocked);
        _store.SaveState(State(Interrupted, SessionStateStatus.Running, _now.AddDays(-2), quality: [0.4]));
        var settings = Settings("3d");
        var log = new CollectingSink();

        var deleted = SessionRetention.Apply(settings, Logger(log));

        Assert.That(settings.Retention, Is.EqualTo(TimeSpan.FromDays(3)));
        Assert.That(deleted, Is.EqualTo(1));
        Assert.That(_store.List().Select(s => s.Id), Is.EquivalentTo(new[] { OldLocked, Interrupted }));
        var logged = log.Messages.Where(m => m.Contains($"deleted session \"{Finished}\"", StringComparison.Ordinal)).ToArray();
        Assert.That(logged, Has.Length.EqualTo(1), string.Join("\n", log.Messages));
        Assert.That(logged[0], Does.Contain("(\"Completed\")").And.Contain("past the retention of 3 days"));
        Assert.That(log.Messages, Has.None.Contains(OldLocked), "a locked session is kept quietly");
    }

    [Test]
    public void Retention_defaults_to_7_days()
    {
        WriteFinished(Finished, _now.AddDays(-8));
        _store.SaveState(State(Interrupted, SessionStateStatus.Running, _now.AddDays(-6), quality: [0.4]));
        var settings = Settings(null);

        Assert.That(settings.Retention, Is.EqualTo(TimeSpan.FromDays(7)));
        Assert.That(SessionRetention.Apply(settings, Logger(new CollectingSink())), Is.EqualTo(1));
        Assert.That(_store.List().Select(s => s.Id), Is.EqualTo(new[] { Interrupted }));
    }

    [TestCase("off")]
    [TestCase("OFF")]
    [TestCase("0")]
    [TestCase("0d")]
    public void Retention_off_deletes_nothing(string setting)
    {
        WriteFinished(Finished, _now.AddDays(-400));
        var settings = Settings(setting);

        Assert.That(settings.Retention, Is.Null);
        Assert.That(SessionRetention.Apply(settings, Logger(new CollectingSink())), Is.Zero);
        Assert.That(_store.Exists(Finished), Is.True);
    }

    [Test]
    public void A_bad_retention_setting_is_a_usage_error_naming_the_setting()
    {
        var e = Assert.Throws<CliUsageException>(() => Settings("a week"));
        Assert.That(e!.Message, Does.Contain("setting 'retention'").And.Contain("'a week'"));
    }

    [Test]
    public async Task Cleanup_without_older_than_uses_the_retention_setting()
    {
        WriteFinished(Finished, _now.AddHours(-3));
        _store.SaveState(State(Interrupted, SessionStateStatus.Running, _now.AddMinutes(-30), quality: [0.4]));
        _cli.Write(CliSettings.FileName, """{ "retention": "2h" }""");

        var result = await _cli.RunAsync("sessions", "cleanup");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(_store.Exists(Finished), Is.False);
        Assert.That(_store.Exists(Interrupted), Is.True);
        Assert.That(result.Stdout, Does.Contain("past the retention of 2 h"));
    }

    private CliSettings Settings(string? retention)
    {
        var values = new Dictionary<string, string?> { ["data"] = _cli.DataDir };
        if (retention is not null) values["retention"] = retention;
        return CliSettings.Create(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }

    private static Serilog.ILogger Logger(CollectingSink sink) => new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

    private sealed class CollectingSink : ILogEventSink
    {
        public List<string> Messages { get; } = [];
        public void Emit(LogEvent logEvent) => Messages.Add(logEvent.RenderMessage());
    }

    private void Lock(string id) => _leases.Add(_store.AcquireLease(id));

    private static SessionState State(
        string id, SessionStateStatus status, DateTimeOffset updated, double[] quality, string pipeline = "novel") => new()
    {
        SessionId = id,
        Status = status,
        PipelineName = pipeline,
        PipelineHash = ContentHash.OfText(pipeline),
        InputPath = "/books/pride.txt",
        InputHash = ContentHash.OfText("It is a truth universally acknowledged"),
        CreatedAt = updated.AddMinutes(-5),
        UpdatedAt = updated,
        Iteration = quality.Length,
        Nodes = [new NodeState
        {
            NodeId = "structure", Status = NodeRunStatus.Succeeded, Attempts = 1, SucceededIteration = quality.Length,
            Result = new NodeResultState { Score = 0.8, Summary = "5 chapters" }, Duration = TimeSpan.FromMilliseconds(400),
        }],
        QualityHistory = quality.Select((q, i) => new QualityRecord { Iteration = i + 1, Overall = q, Coverage = 1, Confidence = 0.8 }).ToArray(),
    };

    /// <summary>
    /// A finished two-iteration session as the run loop leaves it: style failed three attempts in iteration 1 and
    /// succeeded in iteration 2; 12 recommendations and a strength; decisions, iteration metrics, outcomes and a stop.
    /// </summary>
    private void WriteFinished(string id, DateTimeOffset updated)
    {
        var recommendations = Enumerable.Range(1, 12).Select(i => new FindingState
        {
            Rule = "style.repetition",
            Severity = i <= 3 ? Severity.Problem : Severity.Warning,
            Message = $"recommendation {i}",
            Suggestion = i == 1 ? "vary it" : null,
            Location = new TextLocationState { Chapter = i, Offset = i * 100, Length = 20 },
        }).Append(new FindingState { Rule = "style.voice", Message = "a strength", IsStrength = true }).ToArray();
        var state = State(id, SessionStateStatus.Completed, updated, [0.61, 0.74]) with
        {
            StopReason = nameof(StopReason.QualityThreshold),
            Nodes =
            [
                new NodeState
                {
                    NodeId = "structure", Status = NodeRunStatus.Succeeded, Attempts = 1, SucceededIteration = 1,
                    Result = new NodeResultState { Score = 0.8, Summary = "5 chapters" }, Duration = TimeSpan.FromMilliseconds(400),
                },
                new NodeState
                {
                    NodeId = "style", Status = NodeRunStatus.Succeeded, Attempts = 1, SucceededIteration = 2,
                    Result = new NodeResultState { Score = 0.7, Summary = "ok" }, Duration = TimeSpan.FromMilliseconds(900),
                },
                new NodeState
                {
                    NodeId = "recommendations", Status = NodeRunStatus.Succeeded, Attempts = 1, SucceededIteration = 2,
                    Result = new NodeResultState { Score = 0.55, Summary = "12 recommendations", Findings = recommendations },
                    Duration = TimeSpan.FromMilliseconds(50),
                },
            ],
            QualityHistory =
            [
                new QualityRecord { Iteration = 1, Overall = 0.61, Coverage = 0.6667, Confidence = 0.5 },
                new QualityRecord { Iteration = 2, Overall = 0.74, Coverage = 1, Confidence = 0.8 },
            ],
        };
        _store.SaveState(state);
        _store.WriteSnapshot(state);

        var t = updated.AddMinutes(-4);
        var terms = new ScoreTerms(1, 1.5, 0.5, 0.25, 0, 0);
        CandidateAnalytics Candidate(string node, int rank, double score) =>
            new(node, rank, score, "NeverRun", "never run", 1, terms, 1.2, 0.4, "Default", 1, rank == 1, "ready");
        var plan1 = new PlanAnalytics(1, t,
            [Candidate("structure", 1, 3.25), Candidate("style", 2, 2.5), Candidate("recommendations", 3, 1)],
            [new ChosenAnalytics("structure", "candidate 1 of 3 by score"), new ChosenAnalytics("style", "candidate 2 of 3 by score"),
             new ChosenAnalytics("recommendations", "needed by report")],
            [], ["structure", "recommendations"], 1.6, [], null, false);
        var plan2 = new PlanAnalytics(2, t.AddMinutes(1),
            [Candidate("style", 1, 2.0)],
            [new ChosenAnalytics("style", "candidate 1 of 1 by score")],
            [new FilteredAnalytics("structure", "UpToDate", "succeeded at iteration 1, inputs unchanged", null),
             new FilteredAnalytics("recommendations", "DependencyNotReady", "waits for style", "style")],
            ["style"], 0.9, [], null, false);
        Event(id, t, SessionEventKind.Decision, 1, details: JsonSerializer.Serialize(plan1, EventJson));
        Event(id, t, SessionEventKind.Outcome, 1, node: "structure", attempt: 1, status: "Succeeded");
        Event(id, t, SessionEventKind.Outcome, 1, node: "style", attempt: 3, status: "Failed", details: "TimeoutException: the model did not answer");
        Event(id, t, SessionEventKind.Iteration, 1,
            details: JsonSerializer.Serialize(new IterationMetrics(1, t, TimeSpan.FromSeconds(2.5), 3, 2, 1, 2, 0, 0, 0.61, null), EventJson));
        Event(id, t, SessionEventKind.Decision, 2, details: JsonSerializer.Serialize(plan2, EventJson));
        Event(id, t, SessionEventKind.Outcome, 2, node: "style", attempt: 1, status: "Succeeded");
        Event(id, t, SessionEventKind.Iteration, 2,
            details: JsonSerializer.Serialize(new IterationMetrics(2, t, TimeSpan.FromSeconds(1.25), 1, 1, 0, 0, 1, 0, 0.74, 0.13), EventJson));
        Event(id, t, SessionEventKind.Stop, 2, status: nameof(StopReason.QualityThreshold), details: "quality 0.74 reached the threshold 0.70");
    }

    private void Event(string id, DateTimeOffset time, SessionEventKind kind, int iteration,
        string? node = null, int? attempt = null, string? status = null, string? details = null) =>
        _store.AppendEvent(new SessionEvent
        {
            Time = time, Kind = kind, Session = id, Iteration = iteration, Node = node, Attempt = attempt, Status = status, Details = details,
        });
}
