using Orchestrator.Manuscripts.Batch;
using Spectre.Console;

namespace Orchestrator.Cli.Commands.Batch;

/// <summary>A Spectre.Console progress bar on stderr (counts, rate and ETA) with a line above it per finished manuscript.</summary>
internal sealed class LiveBatchDisplay(int total) : BatchDisplay
{
    public override async Task<T> RunAsync<T>(Func<IBatchProgress, Task<T>> batch)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        await console.Progress()
            .AutoClear(false)
            // The description carries the counts, rate and ETA; the bar stays narrow so the line fits 80 columns.
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 20 }, new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("batch", maxValue: total);
                var progress = new Progress(console, task, new BatchCounters(total));
                result = await batch(progress);
                task.StopTask();
            });
        return result;
    }

    private sealed class Progress(IAnsiConsole console, ProgressTask task, BatchCounters counters) : IBatchProgress
    {
        private readonly Lock _gate = new();

        public void Started(BatchItem item)
        {
            lock (_gate)
            {
                counters.Start();
                task.Description = Markup.Escape(counters.Describe());
            }
        }

        public void Finished(BatchItem item, BatchResult result)
        {
            lock (_gate)
            {
                counters.Finish(result);
                task.Increment(1);
                task.Description = Markup.Escape(counters.Describe());
                var colour = result.Status switch
                {
                    BatchStatus.Failed => "red",
                    BatchStatus.Interrupted or BatchStatus.NotStarted => "yellow",
                    _ => "green",
                };
                console.MarkupLine($"[{colour}]{Markup.Escape(BatchLine.Of(item, result))}[/]");
            }
        }
    }
}
