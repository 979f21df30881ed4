namespace Orchestrator.Server.Sessions;

/// <summary>
/// The sessions waiting to run, in order, bounded by <c>--max-queued</c>; and the ones running, bounded by
/// <c>--max-running</c>. Thread-safe; <see cref="TakeAsync"/> hands out the next session once a run slot is free.
/// </summary>
public sealed class RunQueue(int maxRunning, int maxQueued) : IRunLoad
{
    private readonly Lock _gate = new();
    private readonly LinkedList<string> _waiting = new();
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(maxRunning, maxRunning);
    private readonly SemaphoreSlim _items = new(0);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes at the next change (a session queued, taken out, started or finished). Read it before looking at the
    /// queue, then await it: a change in between completes it at once, so a waiter never misses one.
    /// </summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    public int MaxQueued => maxQueued;
    public int MaxRunning => maxRunning;

    public int WaitingCount { get { lock (_gate) return _waiting.Count; } }
    public int RunningCount { get { lock (_gate) return _running.Count; } }

    int IRunLoad.Running => RunningCount;

    int IRunLoad.Waiting => WaitingCount;

    string? IRunLoad.NotReadyBecause => WaitingCount >= MaxQueued ? $"the queue is full ({WaitingCount} waiting)" : null;

    /// <summary>Adds a session at the end of the line; false when the line is full (or it is already in it).</summary>
    /// <param name="force">Take it even when full: sessions the server owes a run after a restart are never refused.</param>
    public bool TryEnqueue(string id, bool force = false)
    {
        lock (_gate)
        {
            if (_running.Contains(id) || _waiting.Contains(id)) return false;
            if (!force && _waiting.Count >= maxQueued) return false;
            _waiting.AddLast(id);
        }
        _items.Release();
        Signal();
        return true;
    }

    /// <summary>Takes a waiting session out of the line (a cancel before it started); false when it is not waiting.</summary>
    public bool TryRemove(string id)
    {
        bool removed;
        lock (_gate) removed = _waiting.Remove(id);
        if (removed) Signal();
        return removed;
    }

    /// <summary>1 for the next to run; null when it is not waiting.</summary>
    public int? PositionOf(string id)
    {
        lock (_gate)
        {
            var position = 1;
            for (var node = _waiting.First; node is not null; node = node.Next, position++)
                if (node.Value == id) return position;
            return null;
        }
    }

    public bool IsRunning(string id)
    {
        lock (_gate) return _running.Contains(id);
    }

    public bool IsActive(string id)
    {
        lock (_gate) return _running.Contains(id) || _waiting.Contains(id);
    }

    /// <summary>Waits for a free run slot and a waiting session, and marks it running. Call <see cref="Finished"/> after.</summary>
    public async Task<string> TakeAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            while (true)
            {
                await _items.WaitAsync(ct);
                string taken;
                lock (_gate)
                {
                    // A cancel may have removed the item this count stood for: wait for the next.
                    if (_waiting.First is not { } first) continue;
                    taken = first.Value;
                    _waiting.RemoveFirst();
                    _running.Add(taken);
                }
                Signal();
                return taken;
            }
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public void Finished(string id)
    {
        lock (_gate)
        {
            if (!_running.Remove(id)) return;
        }
        _slots.Release();
        Signal();
    }

    private void Signal() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
