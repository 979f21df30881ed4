using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Orchestrator.Engine.Files;

namespace Orchestrator.Manuscripts.Batch;

/// <summary>Writes <c>summary.json</c> and <c>summary.csv</c>, each through <see cref="AtomicFile"/>.</summary>
public static class BatchSummaryFiles
{
    public const string JsonName = "summary.json";
    public const string CsvName = "summary.csv";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static readonly string[] CsvColumns =
    [
        "file", "status", "words", "chapters", "encoding", "quality", "recommendation1", "recommendation2", "recommendation3",
        "durationSeconds", "sessionId", "error",
    ];

    public static async Task<IReadOnlyList<string>> WriteAsync(BatchSummary summary, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var json = Path.Combine(folder, JsonName);
        var csv = Path.Combine(folder, CsvName);
        var document = new
        {
            folder = summary.Folder,
            pipeline = summary.Pipeline,
            elapsedSeconds = Math.Round(summary.ElapsedSeconds, 3),
            totals = new
            {
                manuscripts = summary.Manuscripts.Count,
                succeeded = summary.Count(BatchStatus.Succeeded),
                resumed = summary.Count(BatchStatus.Resumed),
                skippedAlreadyDone = summary.Count(BatchStatus.SkippedAlreadyDone),
                failed = summary.Count(BatchStatus.Failed),
                interrupted = summary.Count(BatchStatus.Interrupted),
                notStarted = summary.Count(BatchStatus.NotStarted),
                wordsAnalysed = summary.WordsAnalysed,
            },
            manuscripts = summary.Manuscripts,
        };
        // Not fsynced: a summary lost to a power cut is written again by rerunning the batch.
        await AtomicFile.WriteTextAsync(json, JsonSerializer.Serialize(document, Json), flushToDisk: false, cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteTextAsync(csv, Csv(summary), flushToDisk: false, cancellationToken).ConfigureAwait(false);
        return [json, csv];
    }

    /// <summary>RFC 4180: comma-separated, fields quoted when they hold a comma, quote or line break; invariant numbers.</summary>
    public static string Csv(BatchSummary summary)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', CsvColumns).Append("\r\n");
        foreach (var m in summary.Manuscripts)
        {
            string?[] cells =
            [
                m.File, BatchStatusText.Of(m.Status), Number(m.Words), Number(m.Chapters), m.EncodingNote,
                m.Quality?.ToString("0.0000", CultureInfo.InvariantCulture),
                m.TopRecommendations.ElementAtOrDefault(0), m.TopRecommendations.ElementAtOrDefault(1), m.TopRecommendations.ElementAtOrDefault(2),
                m.DurationSeconds.ToString("0.000", CultureInfo.InvariantCulture), m.SessionId, m.Error,
            ];
            csv.AppendJoin(',', cells.Select(Field)).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

}
