using System.Diagnostics;
using Orchestrator.Engine.Dataflow;

namespace Orchestrator.Cli.Hosting;

/// <summary>Progress on stderr: one line when a node starts and one when it ends, with the elapsed time.</summary>
public sealed class ConsoleProgress(TextWriter output) : IExecutionObserver
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();

    public void ActionStarted(ActionRequest request, int attempt)
    {
        var retry = attempt > 1 ? $" (attempt {attempt})" : "";
        Write($"{request.NodeId} started{retry}");
    }

    public void ActionCompleted(ActionOutcome outcome)
    {
        var detail = outcome.Status switch
        {
            ActionStatus.Succeeded => $"score {outcome.Result!.Score:0.00}",
            _ => outcome.Error?.Message ?? "",
        };
        var took = outcome.Attempts > 0 ? $" in {outcome.Duration.TotalMilliseconds:0} ms" : "";
        Write($"{outcome.NodeId} {outcome.Status.ToString().ToLowerInvariant()}{took}: {detail}");
    }

    public void Note(string message) => Write(message);

    private void Write(string line)
    {
        var elapsed = _clock.Elapsed;
        lock (_gate)
            output.WriteLine($"[{elapsed:mm\\:ss\\.fff}] {line}");
    }
}
