using System.Globalization;
using System.Text.RegularExpressions;

namespace Orchestrator.Cli.Tests;

/// <summary><c>--timings</c> on run and check: every phase of a cold run is named on stderr, with a start and a duration.</summary>
[TestFixture]
public sealed partial class TimingsTests
{
    private CliProcess _cli = null!;

    [SetUp] public void SetUp() => _cli = new CliProcess();
    [TearDown] public void TearDown() => _cli.Dispose();

    private static readonly string[] CommonPhases =
    [
        "process start → Main", "command line", "configuration", "logging", "pipeline load and validation",
        "manuscript load and index", "dataflow network compile", "analysis", "exit", "total",
    ];

    private static readonly string[] SampleNodes = ["structure", "style", "characters", "pacing", "themes", "consistency"];

    [Test]
    public async Task Run_with_timings_prints_every_phase_each_node_the_journal_and_each_report()
    {
        var result = await _cli.RunAsync("run", CliProcess.Sample, "--out", Path.Combine(_cli.WorkDir, "out"), "--timings");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var phases = Phases(result.Stderr);
        Assert.That(phases.Keys, Is.SupersetOf(CommonPhases.Concat(
        [
            "session retention cleanup", "session create", "earlier session lookup", "journal and snapshots: hand-over",
            "journal and snapshots: flush wait", "report.json", "report.md", "report.html", "report files and summary",
        ]).Concat(SampleNodes.Append("recommendations").Select(n => $"node {n}"))), result.Stderr);
        Assert.That(phases["total"], Is.GreaterThanOrEqualTo(phases["analysis"]), "the total holds every phase");
        Assert.That(result.Stdout, Does.Not.Contain("timings"), "timings go to stderr: stdout stays the verb's output");
    }

    [Test]
    public async Task Check_with_timings_prints_every_phase_and_each_node()
    {
        var result = await _cli.RunAsync("check", CliProcess.Sample, "--nodes", string.Join(',', SampleNodes), "--timings");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(Phases(result.Stderr).Keys, Is.SupersetOf(CommonPhases.Append("findings output")
            .Concat(SampleNodes.Select(n => $"node {n}"))), result.Stderr);
    }

    [Test]
    public async Task Without_the_flag_nothing_is_timed()
    {
        var result = await _cli.RunAsync("check", CliProcess.Sample);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Does.Not.Contain("timings"));
    }

    /// <summary>Each timing line's phase name (up to a parenthesis or ×) and its duration in ms.</summary>
    private static Dictionary<string, double> Phases(string stderr)
    {
        var phases = new Dictionary<string, double>(StringComparer.Ordinal);
        var inTable = false;
        foreach (var line in stderr.Split('\n'))
        {
            if (line.StartsWith("timings", StringComparison.Ordinal)) { inTable = true; continue; }
            if (!inTable || TimingLine().Match(line) is not { Success: true } m) continue;
            var name = m.Groups["name"].Value.Trim();
            var cut = name.IndexOfAny(['(', '×']);
            if (cut > 0) name = name[..cut].Trim();
            phases[name] = double.Parse(m.Groups["took"].Value, CultureInfo.InvariantCulture);
        }
        return phases;
    }

    [GeneratedRegex(@"^  (?<name>.+?)\s+(?<start>\d+\.\d)\s+(?<took>\d+\.\d)\s*$")]
    private static partial Regex TimingLine();
}
