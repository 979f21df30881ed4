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
