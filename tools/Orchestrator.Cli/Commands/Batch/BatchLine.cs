using System.Globalization;
using Orchestrator.Manuscripts.Batch;

namespace Orchestrator.Cli.Commands.Batch;

/// <summary>The line for a finished manuscript, shared by both displays.</summary>
internal static class BatchLine
{
    public static string Of(BatchItem item, BatchResult result)
    {
        var status = BatchStatusText.Of(result.Status);
        if (result.Error is { } error) return $"{status} {item.Name}: {error}";
        var encoding = result.EncodingNote.Length > 0 ? $", {result.EncodingNote}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{status} {item.Name}: {result.Words:N0} words, {result.Chapters} chapters, quality {result.Quality:0.00}{encoding}, {result.DurationSeconds:0.0} s");
    }
}
