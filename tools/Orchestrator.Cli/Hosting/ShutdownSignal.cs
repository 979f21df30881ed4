using System.Runtime.InteropServices;

namespace Orchestrator.Cli.Hosting;

/// <summary>
/// Turns Ctrl-C and SIGTERM into a cancellation: the first asks the run to stop cleanly; a second
/// Ctrl-C exits at once with 130 (state written so far stays valid: every file is replaced atomically).
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly PosixSignalRegistration? _sigterm;
    private int _signals;

    public ShutdownSignal()
    {
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
            _cts.Cancel();
        }
        else
        {
            Environment.Exit(ExitCodes.Interrupted);
        }
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _sigterm?.Dispose();
        _cts.Dispose();
    }
}
