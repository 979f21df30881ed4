using System.Runtime.ExceptionServices;
using Orchestrator.Engine.Sessions;

namespace Orchestrator.Engine.State;

/// <summary>
/// A session journal backed by a <see cref="SessionStore"/> (session.json, snapshots, events.jsonl) that writes on
/// a thread of its own, in the order it was handed the writes, so the session's collector never waits for the disk
/// (each write is flushed to disk, a few milliseconds each, and would otherwise hold up every dependent node).
/// </summary>
/// <remarks>
/// States are immutable, so handing one over is enough. A save queued behind another save (with no checkpoint in
/// between) is skipped: the newer state holds everything the older one did. A kill therefore loses at most the
/// outcomes still queued, and a resume re-runs those nodes; everything on disk is whole and consistent, as a cut
/// between two synchronous writes would leave it. <see cref="Flush"/> waits until everything handed over is on
/// disk. The first failed write fails every later call and <see cref="Flush"/>, and nothing after it is written.
/// With <see cref="SessionStoreOptions.WriteBehind"/> off, every write is made on the caller's thread and is durable on return.
/// </remarks>
internal sealed class StoreJournal(SessionStore store, bool writeBehind) : ISessionJournal
{
    private enum Kind { Save, Checkpoint, Event }

    private readonly record struct Write(Kind Kind, SessionState? State, SessionEvent? Event);

    private readonly object _gate = new();
    private readonly Queue<Write> _queue = new();
    private bool _writing;
    private Exception? _failure;

    public void Save(SessionState state)
    {
        // Invalid states are refused at once, on the caller's thread, as a synchronous write would refuse them.
        state.EnsureValid();
        Enqueue(new Write(Kind.Save, state, null));
    }

    public void Checkpoint(SessionState state)
    {
        state.EnsureValid();
        Enqueue(new Write(Kind.Checkpoint, state, null));
    }

    public void Append(SessionEvent e) => Enqueue(new Write(Kind.Event, null, e));

    public void Flush()
    {
        lock (_gate)
        {
            while (_writing) Monitor.Wait(_gate);
            ThrowIfFailed();
        }
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
            if (_writing) return;
            _writing = true;
        }
        ThreadPool.UnsafeQueueUserWorkItem(static journal => journal.Drain(), this, preferLocal: false);
    }

    private void Drain()
    {
        while (true)
        {
            Write next;
            lock (_gate)
            {
                if (_queue.Count == 0 || _failure is not null)
                {
                    _queue.Clear();
                    _writing = false;
                    Monitor.PulseAll(_gate);
                    return;
                }
                next = _queue.Dequeue();
                if (next.Kind == Kind.Save && SupersededSave()) continue;
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

    /// <summary>Whether a later save is queued before any checkpoint (so session.json never falls behind a snapshot).</summary>
    private bool SupersededSave()
    {
        foreach (var write in _queue)
        {
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
