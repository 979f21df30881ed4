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
        "manuscript load and index", "manuscript wait", "dataflow network compile", "analysis", "exit", "total",
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
            "llm, library and rules set-up", "session retention cleanup", "session create", "earlier session lookup", "journal and snapshots: hand-over",
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

    [Test]
    public async Task Check_and_run_without_rules_load_no_compiler_word_reader_console_widgets_or_settings_scanner()
    {
        _cli.Environment["ORCHESTRATOR_TIMINGS_ASSEMBLIES"] = "1";
        var check = await _cli.RunAsync("check", CliProcess.Sample, "--timings");
        var run = await _cli.RunAsync("run", CliProcess.Sample, "--pipeline", "quick", "--out", Path.Combine(_cli.WorkDir, "out"), "--timings");

        foreach (var result in new[] { check, run })
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            var loaded = LoadedAssemblies(result.Stderr);
            Assert.That(loaded, Does.Contain("Orchestrator.Manuscripts").And.Contain("Serilog.Sinks.File"), "the list is printed");
            Assert.That(loaded.Where(a => NotNeeded.Any(a.StartsWith)), Is.Empty, result.Stderr);
        }
    }

    /// <summary>Roslyn (rules), OpenXml (.docx), Spectre.Console (batch's live table), the Serilog settings reader's scan, the server.</summary>
    private static readonly string[] NotNeeded =
    [
        "Microsoft.CodeAnalysis", "DocumentFormat.OpenXml", "Spectre.Console", "Serilog.Settings.Configuration",
        "Microsoft.Extensions.DependencyModel", "Microsoft.AspNetCore", "Orchestrator.Server",
    ];

    private static string[] LoadedAssemblies(string stderr) =>
        stderr.Split('\n').SkipWhile(l => !l.Contains("assemblies loaded", StringComparison.Ordinal)).Skip(1)
            .Where(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();

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
