using System.Collections.Concurrent;

namespace Orchestrator.Engine.Scripting;

/// <summary>
/// The threads rule calls run on, so that the engine never waits on a rule past its deadline.
/// The guard compiled into a rule (<see cref="RuleGuard"/>) ends it at its next loop turn or
/// function call; a rule stuck inside one library call (a catastrophic regular expression with a
/// long timeout, a sum over a billion items) never gets there, and .NET cannot stop a thread. So
/// the caller waits for the budget plus <see cref="Grace"/>, then gives up on the call: the worker
/// is abandoned (it ends when the call does; it is a background thread, so it never keeps the
/// process alive) and the next call gets a new one.
/// </summary>
internal static class RuleWorkers
{
    /// <summary>Left to the guard inside the rule, which reports the usual timeout, before the call is abandoned.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// A worker's stack. Large, so that the guard's stack checks (which leave a safety margin of
    /// the runtime's choosing) stop a deep rule long before the stack would run out.
    /// </summary>
    private const int StackSize = 16 * 1024 * 1024;

    /// <summary>Idle workers kept for the next calls; more than this end when their call does.</summary>
    private static readonly int MaxIdle = Math.Max(2, Environment.ProcessorCount);

    private static readonly ConcurrentBag<Worker> Idle = [];

    /// <summary>Runs <paramref name="call"/> on a worker and waits for it at most <paramref name="limit"/> (infinite: no limit).</summary>
    /// <exception cref="TimeoutException">The call is still running after the limit; its worker was abandoned.</exception>
    /// <exception cref="OperationCanceledException">Cancelled while the call was running; its worker was abandoned.</exception>
    public static async Task<T> RunAsync<T>(Func<T> call, TimeSpan limit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var worker = Idle.TryTake(out var idle) ? idle : new Worker();
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        worker.Post(() =>
        {
            try
            {
                done.TrySetResult(call());
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        });
        try
        {
            return await done.Task.WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !done.Task.IsCompleted))
        {
            worker.Abandon();
            throw;
        }
    }

    /// <summary>Number of workers ever started (for tests: an abandoned worker is replaced, an idle one reused).</summary>
    internal static int Started => Volatile.Read(ref Worker.StartedCount);

    private sealed class Worker
    {
        internal static int StartedCount;

        private readonly SemaphoreSlim _ready = new(0);
        private Action? _work;
        private volatile bool _abandoned;

        public Worker()
        {
            Interlocked.Increment(ref StartedCount);
            new Thread(Loop, StackSize) { IsBackground = true, Name = "rule worker" }.Start();
        }

        public void Post(Action work)
        {
            _work = work;
            _ready.Release();
        }

        public void Abandon() => _abandoned = true;

        private void Loop()
        {
            while (true)
            {
                // A dedicated thread: waiting here blocks nothing else.
                _ready.Wait();
                var work = Interlocked.Exchange(ref _work, null);
                work?.Invoke();
                if (_abandoned || Idle.Count >= MaxIdle) return;
                Idle.Add(this);
            }
        }
    }
}
