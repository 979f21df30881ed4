using System.Runtime.ExceptionServices;
using Orchestrator.Engine.Sessions;

namespace Orchestrator.Engine.State;

/// <summary>
/// A session journal backed by a <see cref="SessionStore"/> (session.json, snapshots, events.jsonl) that writes on
/// a pool thread of its own, in the order it was handed the writes, so the session's collector never waits for the
/// disk (each write is flushed to disk, a few milliseconds each, and would otherwise hold up every dependent node).
/// </summary>
/// <remarks>
/// States are immutable, so handing one over is enough. A save queued behind another save (with no checkpoint in
/// between) is skipped: the newer state holds everything the older one did. A kill therefore loses at most the
/// outcomes still queued, and a resume re-runs those nodes; everything on disk is whole and consistent, as a cut
/// between two synchronous writes would leave it. <see cref="FlushAsync"/> completes when everything handed over is
/// on disk. No thread ever blocks on a monitor: the writer awaits the coalescing delay, and a flush awaits the writer.
/// The first failed write fails every later call and <see cref="FlushAsync"/>, and nothing after it is written.
/// With <see cref="SessionStoreOptions.WriteBehind"/> off, every write is made on the caller's thread and is durable on return.
/// </remarks>
internal sealed class StoreJournal(SessionStore store, bool writeBehind) : ISessionJournal
{
    private enum Kind { Save, Checkpoint, Event }

    private readonly record struct Write(Kind Kind, SessionState? State, SessionEvent? Event);

    /// <summary>
    /// How long the writer waits for a newer save before writing one: the outcomes of a burst (parallel nodes that
    /// finish together, a resume's first moments) then cost one session.json instead of one each. A kill loses at most
    /// this much more work, which a resume re-runs; a slow node's outcome is still on disk this soon after it ends.
    /// </summary>
    internal static readonly TimeSpan SaveCoalescing = TimeSpan.FromMilliseconds(20);

    private readonly Lock _gate = new();
    private readonly Queue<Write> _queue = new();
    private Task _writer = Task.CompletedTask;
    private bool _writing;
    private int _flushing;
    private TaskCompletionSource? _arrived;
    private Exception? _failure;

    // The store validates each state before writing it (on the writer's thread when writing behind): an invalid
    // state fails that write, and so every later call, without holding up the collector with a second validation.
    public void Save(SessionState state) => Enqueue(new Write(Kind.Save, state, null));

    public void Checkpoint(SessionState state) => Enqueue(new Write(Kind.Checkpoint, state, null));

    public void Append(SessionEvent e) => Enqueue(new Write(Kind.Event, null, e));

    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        Task writer;
        lock (_gate)
        {
            if (!_writing)
            {
                ThrowIfFailed();
                return;
            }
            _flushing++;
            _arrived?.TrySetResult();
            writer = _writer;
        }
        try
        {
            await writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate) _flushing--;
        }
        lock (_gate) ThrowIfFailed();
    }

    private void Enqueue(Write write)
    {
        if (!writeBehind)
        {
            Perform(write);
            return;
        }
        lock (_gate)
        {
            ThrowIfFailed();
            _queue.Enqueue(write);
            if (_writing)
            {
                _arrived?.TrySetResult();
                return;
            }
            _writing = true;
            _writer = Task.Run(WriteAllAsync);
        }
    }

    private async Task WriteAllAsync()
    {
        long? waitedUntil = null;
        while (true)
        {
            Write next;
            Task? arrival = null;
            var left = 0L;
            lock (_gate)
            {
                if (_queue.Count == 0 || _failure is not null)
                {
                    _queue.Clear();
                    _writing = false;
                    return;
                }
                next = _queue.Peek();
                if (next.Kind == Kind.Save && SupersededSave())
                {
                    _queue.Dequeue();
                    waitedUntil = null;
                    continue;
                }
                if (next.Kind == Kind.Save && _flushing == 0 && !AnyStateWriteQueued())
                {
                    // Nothing newer behind it yet: give a burst a moment to bring a newer save (Enqueue and FlushAsync signal).
                    waitedUntil ??= Environment.TickCount64 + (long)SaveCoalescing.TotalMilliseconds;
                    left = waitedUntil.Value - Environment.TickCount64;
                    if (left > 0)
                    {
                        _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        arrival = _arrived.Task;
                    }
                }
                if (arrival is null)
                {
                    _queue.Dequeue();
                    waitedUntil = null;
                }
            }
            if (arrival is not null)
            {
                await Task.WhenAny(arrival, Task.Delay(TimeSpan.FromMilliseconds(left))).ConfigureAwait(false);
                continue;
            }
            try
            {
                Perform(next);
            }
            catch (Exception ex)
            {
                lock (_gate) _failure = ex;
            }
        }
    }

    private void Perform(Write write)
    {
        switch (write.Kind)
        {
            case Kind.Save: store.SaveState(write.State!); break;
            case Kind.Checkpoint: store.WriteSnapshot(write.State!); break;
            default: store.AppendEvent(write.Event!); break;
        }
    }

    private bool AnyStateWriteQueued()
    {
        var first = true;
        foreach (var write in _queue)
        {
            if (!first && write.Kind != Kind.Event) return true;
            first = false;
        }
        return false;
    }

    /// <summary>Whether a later save is queued behind the head save before any checkpoint (so session.json never falls behind a snapshot).</summary>
    private bool SupersededSave()
    {
        var first = true;
        foreach (var write in _queue)
        {
            if (first)
            {
                first = false;
                continue;
            }
            if (write.Kind == Kind.Save) return true;
            if (write.Kind == Kind.Checkpoint) return false;
        }
        return false;
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } failure) ExceptionDispatchInfo.Capture(failure).Throw();
    }
}
