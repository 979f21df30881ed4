using Orchestrator.Manuscripts.Reports;
using Orchestrator.Manuscripts.Tests;

namespace Orchestrator.Cluster.Tests.Processes;

/// <summary>What a single uninterrupted <c>orchestrator run</c> of each book reports (<see cref="ComparableReport"/>): the yardstick of a cluster session that was cut, handed over or paused.</summary>
internal static class ReferenceReports
{
    public static async Task<Dictionary<string, string>> OfAsync(IEnumerable<string> books, string root)
    {
        var reports = new Dictionary<string, string>();
        foreach (var book in books)
        {
            var data = Path.Combine(root, "reference-" + Path.GetFileNameWithoutExtension(book));
            using var run = SiloProcess.Start(data, "run", Corpus.PathOf(book), "--pipeline",
                Path.Combine(Grains.SessionGrainTests.RepoRoot(), "pipelines", "novel.json"));
            var stderr = run.StandardError.ReadToEndAsync();
            await run.StandardOutput.ReadToEndAsync();
            await run.WaitForExitAsync();
            Assert.That(run.ExitCode, Is.Zero, await stderr);
            var report = Directory.GetFiles(Path.Combine(data, "sessions"), ReportFiles.JsonName, SearchOption.AllDirectories).Single();
            reports[book] = ComparableReport.Of(await File.ReadAllBytesAsync(report));
        }
        return reports;
    }
}
