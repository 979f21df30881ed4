using System.Globalization;
using Orchestrator.Cli.Commands.Sessions;
using Orchestrator.Manuscripts.Batch;

namespace Orchestrator.Cli.Commands.Batch;

/// <summary>The summary as a plain table on stdout, then one totals line.</summary>
internal static class BatchSummaryTable
{
    private const int NoteWidth = 70;

    public static void Write(BatchSummary summary, TextWriter output)
    {
        var table = new TextTable("file", "status", ">words", ">chapters", ">quality", ">time", "session", "note");
        foreach (var m in summary.Manuscripts)
        {
            var note = m.Error ?? (m.EncodingNote.Length > 0 ? m.EncodingNote : m.TopRecommendations.FirstOrDefault() ?? "");
            table.Add(m.File, BatchStatusText.Of(m.Status), m.Words?.ToString("N0", CultureInfo.InvariantCulture),
                m.Chapters?.ToString(CultureInfo.InvariantCulture), m.Quality?.ToString("0.00", CultureInfo.InvariantCulture),
                $"{m.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s", m.SessionId, Shorten(note));
        }
        table.WriteTo(output);
        output.WriteLine(Totals(summary));
    }

    public static string Totals(BatchSummary summary)
    {
        var counts = new[] { BatchStatus.Succeeded, BatchStatus.Resumed, BatchStatus.SkippedAlreadyDone, BatchStatus.Failed, BatchStatus.Interrupted, BatchStatus.NotStarted }
            .Select(s => (Status: s, Count: summary.Count(s))).Where(c => c.Count > 0)
            .Select(c => $"{c.Count} {BatchStatusText.Of(c.Status)}");
        var seconds = Math.Max(summary.ElapsedSeconds, 0.001);
        return string.Create(CultureInfo.InvariantCulture,
            $"{summary.Manuscripts.Count} manuscript(s): {string.Join(", ", counts)}; {summary.WordsAnalysed:N0} words analysed in {summary.ElapsedSeconds:0.0} s ({summary.WordsAnalysed / seconds:N0} words/s)");
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= NoteWidth ? line : line[..(NoteWidth - 1)] + "…";
    }
}
