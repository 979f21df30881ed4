using Orchestrator.Cli.Hosting;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Scripting;
using Orchestrator.Engine.Sessions;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Reports;
using Orchestrator.Manuscripts.Revision;
using Orchestrator.Manuscripts.Rules;

namespace Orchestrator.Cli.Commands;

/// <summary>What <c>run</c> and <c>resume</c> share: compiling the rules, writing the reports, and the summary lines and exit code.</summary>
internal static class SessionOutput
{
    /// <summary>The folder compiled rules are cached in, under the data folder.</summary>
    public static string RulesCache(CliSettings settings) => Path.Combine(settings.DataDirectory, "rules-cache");

    /// <summary>Compiles the pipeline's rules before anything runs, so a rule that does not compile fails first (exit 2).</summary>
    public static PipelineRules CompileRules(PipelineDefinition pipeline, CliSettings settings) =>
        NovelRules.Compile(pipeline, RulesCache(settings));

    /// <summary>Writes the reports (and the revised copy when the session revised the text), prints the summary, and returns the exit code.</summary>
    /// <param name="reportWritten">Told each report file's name and how long it took (<c>--timings</c>).</param>
    public static async Task<int> FinishAsync(ManuscriptAnalysis analysis, string folder, Action<string, TimeSpan>? reportWritten = null)
    {
        // A cancelled or failed run still writes what it has: nothing finished is thrown away.
        var report = analysis.Report;
        var written = new List<string>();
        if (analysis.Revised && report.Run.Revision is { } revision)
        {
            var (revised, diff) = await RevisionFiles.WriteAsync(analysis.Input!, analysis.Document, folder, CancellationToken.None);
            report = report with { Run = report.Run with { Revision = revision with { RevisedFile = Path.GetFileName(revised), DiffFile = Path.GetFileName(diff) } } };
            written.Add(revised);
            written.Add(diff);
        }
        var files = written.Concat(await ReportFiles.WriteAsync(report, folder, reportWritten, CancellationToken.None)).ToArray();
        var session = analysis.Session;
        Console.Out.WriteLine($"{analysis.Document.Title}: quality {session.Quality.Overall:0.00} " +
            $"(coverage {session.Quality.Coverage:P0}), {session.Status} after {session.Iterations} iteration(s): {session.StopReason}");
        Console.Out.WriteLine($"session {analysis.SessionId}");
        foreach (var file in files) Console.Out.WriteLine($"wrote {file}");
        switch (session.Status)
        {
            case SessionStatus.Completed:
                return ExitCodes.Success;
            case SessionStatus.Cancelled:
                Console.Error.WriteLine($"interrupted; everything finished is saved. Resume with: orchestrator resume {analysis.SessionId}");
                return ExitCodes.Interrupted;
            case SessionStatus.Failed:
                Console.Error.WriteLine($"error: {session.StopReason}");
                return ExitCodes.RunFailed;
            default:
                return ExitCodes.RunFailed;
        }
    }
}
