using System.Runtime.InteropServices;

namespace Orchestrator.Cli.Hosting;

/// <summary>
/// Turns Ctrl-C and SIGTERM into a cancellation: the first asks the run to stop cleanly (dispatching
/// stops, running work is cancelled, the state is saved) and, whatever happens, ends the process with
/// 130 after its grace (<see cref="Grace"/>, <see cref="ServeGrace"/> for <c>serve</c>): a read blocked in the
/// kernel, a node or a rule that ignores cancellation is abandoned rather than waited for. A second Ctrl-C exits at
/// once. Either way the state written so far stays valid: every file is replaced atomically.
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    /// <summary>How long the first signal leaves the run to save and stop before the process quits anyway.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(4);

    /// <summary>
    /// The grace of <c>serve</c>: a silo of a cluster hands its sessions over and then leaves the cluster (membership,
    /// grain directory, connections), which takes a second or two on a busy machine; cut at 4 s, it would exit 130.
    /// </summary>
    public static readonly TimeSpan ServeGrace = TimeSpan.FromSeconds(15);

    private readonly TimeSpan _grace;

    private readonly CancellationTokenSource _cts = new();
    private readonly PosixSignalRegistration? _sigterm;
    private int _signals;

    public ShutdownSignal(TimeSpan grace)
    {
        _grace = grace;
        Console.CancelKeyPress += OnCancelKeyPress;
        if (!OperatingSystem.IsWindows())
            _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; Request(); });
    }

    public CancellationToken Token => _cts.Token;

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        Request();
    }

    private void Request()
    {
        if (Interlocked.Increment(ref _signals) == 1)
        {
            Console.Error.WriteLine("Stopping… (press Ctrl-C again to quit at once)");
            // A thread of its own, not a timer: the thread pool may be the very thing that is stuck.
            new Thread(() => QuitAfter(_grace)) { IsBackground = true, Name = "shutdown watchdog" }.Start();
            _cts.Cancel();
        }
        else
        {
            Environment.Exit(ExitCodes.Interrupted);
        }
    }

    private static void QuitAfter(TimeSpan grace)
    {
        Thread.Sleep(grace);
        Console.Error.WriteLine($"error: interrupted; work that ignored the stop was abandoned after {grace.TotalSeconds:0} s (what was saved stays valid)");
        Environment.Exit(ExitCodes.Interrupted);
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _sigterm?.Dispose();
        _cts.Dispose();
    }
}
