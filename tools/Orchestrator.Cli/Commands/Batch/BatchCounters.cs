using System.Diagnostics;
using System.Globalization;
using Orchestrator.Manuscripts.Batch;

namespace Orchestrator.Cli.Commands.Batch;

/// <summary>Counts, rate and ETA of a running batch; callers synchronise.</summary>
internal sealed class BatchCounters(int total)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public int Total { get; } = total;
    public int Finished { get; private set; }
    public int Failed { get; private set; }
    public int Running { get; private set; }
    public TimeSpan Elapsed => _clock.Elapsed;

    public void Start() => Running++;

    public void Finish(BatchResult result)
    {
        Running--;
        Finished++;
        if (result.Status == BatchStatus.Failed) Failed++;
    }

    /// <summary>Finished manuscripts per minute so far.</summary>
    public double PerMinute => Finished == 0 ? 0 : Finished / Math.Max(_clock.Elapsed.TotalMinutes, 1e-6);

    public TimeSpan? Eta => Finished == 0 ? null : TimeSpan.FromSeconds(_clock.Elapsed.TotalSeconds / Finished * (Total - Finished));

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Finished}/{Total} done{(Failed > 0 ? $", {Failed} failed" : "")}, {Running} running, {PerMinute:0.0}/min, ETA {(Eta is { } eta ? Clock(eta) : "--:--")}");

    public static string Clock(TimeSpan t) =>
        t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : t.ToString(@"mm\:ss", CultureInfo.InvariantCulture);
}
