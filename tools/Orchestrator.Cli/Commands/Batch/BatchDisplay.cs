using Orchestrator.Manuscripts.Batch;

namespace Orchestrator.Cli.Commands.Batch;

/// <summary>Shows a batch's progress on stderr while it runs: a live bar on a terminal, plain lines otherwise.</summary>
internal abstract class BatchDisplay
{
    /// <summary>A live progress bar when stderr is a terminal, else one plain line per event (logs, pipes, tests).</summary>
    public static BatchDisplay For(int total) =>
        Console.IsErrorRedirected || Environment.GetEnvironmentVariable("TERM") == "dumb"
            ? new PlainBatchDisplay(Console.Error, total)
            : new LiveBatchDisplay(total);

    public abstract Task<T> RunAsync<T>(Func<IBatchProgress, Task<T>> batch);
}
