using System.Diagnostics;
using Orchestrator.Engine.Events;
using Orchestrator.Engine.State;

namespace Orchestrator.Cli.Hosting;

/// <summary>
/// Progress on stderr, as an ordinary subscriber of the sessions' events: one line when a node starts, is retried or
/// ends, and when an iteration ends, with the time since the command started.
/// </summary>
public sealed class ConsoleProgress(TextWriter output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();

    /// <summary>Prints the subscription's events until it is disposed and drained.</summary>
    public async Task PrintAsync(EventSubscription subscription)
    {
        await foreach (var e in subscription.ReadAllAsync().ConfigureAwait(false))
            if (Line(e) is { } line) Write(line);
    }

    /// <summary>The line an event prints, or null for events progress does not show (decisions, checkpoints...).</summary>
    public static string? Line(SessionEvent e) => e.Kind switch
    {
        SessionEventKind.NodeStarted => $"{e.Node} started{(e.Attempt > 1 ? $" (attempt {e.Attempt})" : "")}",
        SessionEventKind.Retrying => $"{e.Node} failed; attempt {e.Attempt} in {e.DurationMs:0} ms ({e.Details})",
        SessionEventKind.Outcome => $"{e.Node} {e.Status?.ToLowerInvariant()}{(e.Attempt > 0 ? $" in {e.DurationMs:0} ms" : "")}: "
            + (e.Score is { } score ? $"score {score:0.00}" : ErrorMessage(e.Details)),
        SessionEventKind.Iteration => $"iteration {e.Iteration} done: quality {e.Quality:0.000}{(e.Delta is { } d ? $" ({d:+0.000;-0.000})" : "")}",
        SessionEventKind.Missed => $"({e.Missed} progress line(s) skipped)",
        _ => null,
    };

    public void Note(string message) => Write(message);

    // The outcome event's details are "Type: message"; progress shows the message, as it always has.
    private static string ErrorMessage(string? details) =>
        details is null ? "" : details.IndexOf(": ", StringComparison.Ordinal) is var at and >= 0 ? details[(at + 2)..] : details;

    private void Write(string line)
    {
        var elapsed = _clock.Elapsed;
        lock (_gate)
            output.WriteLine($"[{elapsed:mm\\:ss\\.fff}] {line}");
    }
}
