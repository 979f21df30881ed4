using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace Orchestrator.Cli.Hosting.Timings;

/// <summary>
/// The phases of one cold run of a verb, for <c>--timings</c>: when each began (milliseconds since the process started) and
/// how long it took, printed on stderr as the process ends. One per process (<see cref="Process"/>): the clock starts in
/// Main, before any verb is chosen, and a verb turns the printing on. Recording while it is off costs one flag test.
/// </summary>
public sealed class PhaseTimings
{
    /// <summary>The process's recorder.</summary>
    public static PhaseTimings Process { get; } = new();

    private readonly Lock _lock = new();
    private readonly List<TimedPhase> _phases = [];
    private long _mainEntered;
    private long _lastLap;

    public bool Enabled { get; private set; }

    /// <summary>The <c>--timings</c> option of run and check.</summary>
    public static Option<bool> CreateOption() => new("--timings")
    {
        Description = "Print on stderr how long each phase of this process took (start-up, configuration, logging, pipeline, manuscript, each node, journal, each report, exit)",
    };

    /// <summary>Called first thing in Main: the end of the runtime's own start-up and the origin of every later lap.</summary>
    public void MainEntered()
    {
        _mainEntered = Stopwatch.GetTimestamp();
        _lastLap = _mainEntered;
    }

    /// <summary>Turns the recording on (a verb given <c>--timings</c>); what was lapped before is measured from Main all the same.</summary>
    public void Enable(bool enabled) => Enabled = enabled;

    /// <summary>Records the phase that ran from the previous lap until now.</summary>
    public void Lap(string name)
    {
        var now = Stopwatch.GetTimestamp();
        if (Enabled) Add(name, _lastLap, now);
        _lastLap = now;
    }

    /// <summary>Records a phase that ran beside others (a node): it moves no lap.</summary>
    public void Add(string name, long startTimestamp, long endTimestamp)
    {
        if (!Enabled) return;
        lock (_lock) _phases.Add(new TimedPhase(name, startTimestamp, Stopwatch.GetElapsedTime(startTimestamp, endTimestamp), Count: null));
    }

    /// <summary>
    /// Starts <paramref name="work"/> on the thread pool, beside what the caller does next, and records it as a phase
    /// when it ends (it moves no lap). Its exception, if any, is the returned task's.
    /// </summary>
    public Task<T> Beside<T>(string name, Func<Task<T>> work, CancellationToken cancellationToken) =>
        Task.Run(async () =>
        {
            var start = Stopwatch.GetTimestamp();
            try { return await work().ConfigureAwait(false); }
            finally { Add(name, start, Stopwatch.GetTimestamp()); }
        }, cancellationToken);

    /// <summary>Records a phase that just ended and took <paramref name="took"/> (a report writer): it moves no lap.</summary>
    public void Add(string name, TimeSpan took)
    {
        var now = Stopwatch.GetTimestamp();
        Add(name, now - (long)(took.TotalSeconds * Stopwatch.Frequency), now);
    }

    /// <summary>Records the summed time of many short calls (the journal's writes), shown at the first call's start.</summary>
    public void AddTotal(string name, long firstStartTimestamp, TimeSpan total, int count)
    {
        if (!Enabled || count == 0) return;
        lock (_lock) _phases.Add(new TimedPhase(name, firstStartTimestamp, total, count));
    }

    /// <summary>
    /// Prints every phase in order of start. The runtime's start-up (process start to Main) is read from the operating
    /// system's record of the process's start, which is coarse (10 ms on Linux).
    /// </summary>
    public void Print(TextWriter output)
    {
        if (!Enabled) return;
        Lap("exit");
        var startup = StartupTime();
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine("timings (ms since the process started; 'node' and 'journal' lines ran inside 'analysis', the nodes in parallel):");
        output.WriteLine(string.Create(culture, $"  {"phase",-56} {"start",8} {"took",8}"));
        output.WriteLine(string.Create(culture, $"  {"process start → Main (runtime start-up)",-56} {0,8:0.0} {startup,8:0.0}"));
        TimedPhase[] phases;
        lock (_lock) phases = [.. _phases.OrderBy(p => p.Start)];
        foreach (var phase in phases)
        {
            var start = startup + Stopwatch.GetElapsedTime(_mainEntered, phase.Start).TotalMilliseconds;
            var name = phase.Count is { } count ? $"{phase.Name} ×{count}, summed" : phase.Name;
            output.WriteLine(string.Create(culture, $"  {name,-56} {start,8:0.0} {phase.Took.TotalMilliseconds,8:0.0}"));
        }
        var total = startup + Stopwatch.GetElapsedTime(_mainEntered).TotalMilliseconds;
        output.WriteLine(string.Create(culture, $"  {"total (to the end of Main)",-56} {0,8:0.0} {total,8:0.0}"));
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        output.WriteLine(string.Create(culture,
            $"  cpu {self.TotalProcessorTime.TotalMilliseconds:0} ms (user {self.UserProcessorTime.TotalMilliseconds:0}), peak working set {self.PeakWorkingSet64 / (1024 * 1024)} MB"));
        // The managed heap's share of the peak: what was allocated, how often it was collected, the most it held.
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        output.WriteLine(string.Create(culture,
            $"  gc {GC.GetTotalAllocatedBytes() / (1024 * 1024)} MB allocated, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), {gc.TotalCommittedBytes / (1024 * 1024)} MB committed after the last"));
        // What ReadyToRun did not cover (methods the JIT compiled at run time) and what was loaded: the start-up's two levers.
        output.WriteLine(string.Create(culture,
            $"  jit {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms, {AppDomain.CurrentDomain.GetAssemblies().Length} assemblies loaded"));
        if (Environment.GetEnvironmentVariable("ORCHESTRATOR_TIMINGS_ASSEMBLIES") == "1")
            foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Order(StringComparer.Ordinal))
                output.WriteLine($"    {assembly}");
    }

    private double StartupTime()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var sinceStart = DateTime.Now - self.StartTime - Stopwatch.GetElapsedTime(_mainEntered);
        return Math.Max(0, sinceStart.TotalMilliseconds);
    }

    private sealed record TimedPhase(string Name, long Start, TimeSpan Took, int? Count);
}
