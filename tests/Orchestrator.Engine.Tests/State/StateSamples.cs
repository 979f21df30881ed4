using System.Diagnostics;
using System.Runtime.CompilerServices;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Tests.State;

/// <summary>States with every field set, a clock the tests move, scratch folders and helper processes.</summary>
internal static class StateSamples
{
    public const string Id = "novel_20261125_143022_7f3a";
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 11, 25, 14, 30, 22, TimeSpan.FromHours(1)).AddTicks(1_234_567);

    /// <summary>A finished two-iteration session: every status, a result with every kind of content, odd doubles, offsets.</summary>
    public static SessionState Full(string id = Id, DateTimeOffset? updated = null) => new()
    {
        SessionId = id,
        Status = SessionStateStatus.CompletedWithErrors,
        PipelineName = "novel",
        PipelineHash = ContentHash.OfText("pipeline"),
        InputPath = "/books/pride-and-prejudice.txt",
        InputHash = ContentHash.OfText("It is a truth universally acknowledged"),
        RequirementsJson = """{"genre":"romance","targetLength":120000,"themes":["marriage","class"]}""",
        CreatedAt = T0,
        UpdatedAt = updated ?? T0.AddMinutes(3).AddTicks(7),
        Iteration = 2,
        Nodes =
        [
            new NodeState
            {
                NodeId = "structure", Status = NodeRunStatus.Succeeded, Attempts = 2, Result = Result(5, 0.8125),
                StartedAt = T0.AddSeconds(1), Duration = TimeSpan.FromTicks(1_234_567), SucceededIteration = 2,
                SucceededInputHash = ContentHash.OfText("structure input"),
            },
            new NodeState
            {
                NodeId = "pacing", Status = NodeRunStatus.Failed, Attempts = 3, Result = Result(2, 0.5),
                LastError = new NodeErrorState { Type = "System.InvalidOperationException", Message = "no chapters \"found\"\nat line 3" },
                StartedAt = T0.AddSeconds(2), Duration = TimeSpan.FromMilliseconds(250), SucceededIteration = 1,
            },
            new NodeState { NodeId = "style", Status = NodeRunStatus.TimedOut, Attempts = 1, LastError = new NodeErrorState { Type = "TimedOut", Message = "ran past 00:00:30" } },
            new NodeState { NodeId = "themes", Status = NodeRunStatus.Skipped },
            new NodeState { NodeId = "dialogue", Status = NodeRunStatus.Invalid, Attempts = 1, LastError = new NodeErrorState { Type = "InvalidResult", Message = "score 1.5 is outside [0, 1]" } },
            new NodeState { NodeId = "cast", Status = NodeRunStatus.Cancelled },
            new NodeState { NodeId = "summary", Status = NodeRunStatus.Pending },
        ],
        QualityHistory =
        [
            new QualityRecord { Iteration = 1, Overall = 0.61, Coverage = 0.4286, Confidence = 0.39 },
            new QualityRecord { Iteration = 2, Overall = 0.7031, Coverage = 0.1429, Confidence = 0.1 / 3 },
        ],
        StopReason = "every node ran; 5 did not succeed",
        ReportFolder = "/out/pp",
    };

    public static NodeResultState Result(int findings, double score) => new()
    {
        Score = score,
        Summary = "61 chapters; lengths vary “a lot” — 3 outliers",
        Metrics = new Dictionary<string, double>
        {
            ["chapters"] = 61, ["meanWords"] = 1996.4426229508197, ["confidence"] = 0.9,
            ["tiny"] = double.Epsilon, ["undefined"] = double.NaN, ["unbounded"] = double.PositiveInfinity,
        },
        Findings = Enumerable.Range(1, findings).Select(i => new FindingState
        {
            Rule = $"structure.length.{(i % 2 == 0 ? "short" : "long")}",
            Severity = (Severity)(i % 4),
            Message = $"Chapter {i} is unusually {(i % 2 == 0 ? "short" : "long")}",
            Suggestion = i % 3 == 0 ? null : "Consider splitting it",
            Location = i % 2 == 0 ? new TextLocationState { Chapter = i, Paragraph = i % 3 == 0 ? null : 2, Offset = 1000 * i, Length = 120 } : null,
            Evidence = i % 5 == 0 ? null : "\"Mr. Bennet was so odd a mixture of quick parts\" — 🙂",
            Confidence = 1.0 / (i + 1),
            IsStrength = i == 1,
        }).ToArray(),
        Series = new Dictionary<string, IReadOnlyList<double>>
        {
            ["words"] = [1200.5, 1980, 2502.25], ["dialogueShare"] = [0.1, 0.2, 0.30000000000000004],
        },
        Labels = new Dictionary<string, IReadOnlyList<string>> { ["chapters"] = ["Chapter 1", "Chapter 2", "Chapitre 3 — é"] },
    };

    /// <summary>The content of the committed format-1 fixture; keep it unchanged.</summary>
    public static SessionState FixtureV1() => new()
    {
        SessionId = "fixture_20261101_120000_0001",
        Status = SessionStateStatus.Running,
        PipelineName = "quick",
        PipelineHash = "sha256:1111111111111111111111111111111111111111111111111111111111111111",
        InputPath = "samples/the-lighthouse-keepers-daughter.md",
        InputHash = "sha256:2222222222222222222222222222222222222222222222222222222222222222",
        RequirementsJson = """{"genre":"literary","targetLength":80000}""",
        CreatedAt = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 11, 1, 12, 0, 5, 250, TimeSpan.Zero),
        Iteration = 1,
        Nodes =
        [
            new NodeState
            {
                NodeId = "structure", Status = NodeRunStatus.Succeeded, Attempts = 1,
                Result = new NodeResultState
                {
                    Score = 0.75, Summary = "12 chapters",
                    Metrics = new Dictionary<string, double> { ["chapters"] = 12, ["meanWords"] = 2500.5 },
                    Findings =
                    [
                        new FindingState
                        {
                            Rule = "structure.length.short", Severity = Severity.Warning, Message = "Chapter 3 is short",
                            Suggestion = "Merge it", Location = new TextLocationState { Chapter = 3, Offset = 4200, Length = 900 },
                            Evidence = "The lamp went out.", Confidence = 0.8,
                        },
                        new FindingState { Rule = "structure.opening", Severity = Severity.Info, Message = "Strong opening", IsStrength = true },
                    ],
                    Series = new Dictionary<string, IReadOnlyList<double>> { ["words"] = [2400, 2600, 900] },
                    Labels = new Dictionary<string, IReadOnlyList<string>> { ["chapters"] = ["One", "Two", "Three"] },
                },
                StartedAt = new DateTimeOffset(2026, 11, 1, 12, 0, 1, TimeSpan.Zero),
                Duration = TimeSpan.FromMilliseconds(42), SucceededIteration = 1, SucceededInputHash = "sha256:33",
            },
            new NodeState
            {
                NodeId = "style", Status = NodeRunStatus.Failed, Attempts = 2,
                LastError = new NodeErrorState { Type = "System.IO.IOException", Message = "disk on fire" },
                StartedAt = new DateTimeOffset(2026, 11, 1, 12, 0, 2, TimeSpan.Zero), Duration = TimeSpan.FromSeconds(1),
            },
            new NodeState { NodeId = "summary", Status = NodeRunStatus.Running },
        ],
        QualityHistory = [new QualityRecord { Iteration = 1, Overall = 0.75, Coverage = 0.3333, Confidence = 0.3 }],
    };

    /// <summary>The committed fixture: in the output folder when the project copies it, else beside this source file.</summary>
    public static string FixturePath(string name, [CallerFilePath] string source = "")
    {
        var copied = Path.Combine(TestContext.CurrentContext.TestDirectory, "State", "Fixtures", name);
        return File.Exists(copied) ? copied : Path.Combine(Path.GetDirectoryName(source)!, "Fixtures", name);
    }

    /// <summary>Scratch folders of this test run, removed after the run (<see cref="StateScratch"/>).</summary>
    public static readonly string ScratchRoot = Path.Combine(Path.GetTempPath(), "orchestrator-state-tests", Environment.ProcessId.ToString());

    public static string NewFolder()
    {
        var folder = Path.Combine(ScratchRoot, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The pid of a process that has exited (started here and waited for).</summary>
    public static int DeadPid()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    /// <summary>A live process other than this one (kill it by its id when done).</summary>
    public static Process StartSleeper() => Process.Start(new ProcessStartInfo("sleep", "120") { UseShellExecute = false })!;

    public static DateTimeOffset StartTimeOf(Process process) => new(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
}

/// <summary>A clock that stands still until a test moves it.</summary>
internal sealed class ManualTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Removes the scratch folders once every test of this namespace has run.</summary>
[SetUpFixture]
public sealed class StateScratch
{
    [OneTimeTearDown]
    public void RemoveScratch()
    {
        if (Directory.Exists(StateSamples.ScratchRoot)) Directory.Delete(StateSamples.ScratchRoot, recursive: true);
    }
}
