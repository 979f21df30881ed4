using System.Globalization;
using Orchestrator.Manuscripts.Batch;

namespace Orchestrator.Cli.Commands.Batch;

/// <summary>One line when a manuscript starts and one when it ends, with the counts, rate and ETA.</summary>
internal sealed class PlainBatchDisplay(TextWriter output, int total) : BatchDisplay, IBatchProgress
{
    private readonly BatchCounters _counters = new(total);
    private readonly Lock _gate = new();

    public override Task<T> RunAsync<T>(Func<IBatchProgress, Task<T>> batch) => batch(this);

    public void Started(BatchItem item)
    {
        lock (_gate)
        {
            _counters.Start();
            output.WriteLine($"[{BatchCounters.Clock(_counters.Elapsed)}] start {item.Name}");
        }
    }

    public void Finished(BatchItem item, BatchResult result)
    {
        lock (_gate)
        {
            _counters.Finish(result);
            output.WriteLine($"[{BatchCounters.Clock(_counters.Elapsed)}] {BatchLine.Of(item, result)} ({_counters.Describe()})");
        }
    }
}

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
