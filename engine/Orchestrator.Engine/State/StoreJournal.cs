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

    /// <summary>
    /// How long the writer waits for a newer save before writing one: the outcomes of a burst (parallel nodes that
    /// finish together, a resume's first moments) then cost one session.json instead of one each. A kill loses at most
    /// this much more work, which a resume re-runs; a slow node's outcome is still on disk this soon after it ends.
    /// </summary>
    internal static readonly TimeSpan SaveCoalescing = TimeSpan.FromMilliseconds(20);

    private readonly object _gate = new();
    private readonly Queue<Write> _queue = new();
    private bool _writing;
    private bool _flushing;
    private Exception? _failure;

    // The store validates each state before writing it (on the writer's thread when writing behind): an invalid
    // state fails that write, and so every later call, without holding up the collector with a second validation.
    public void Save(SessionState state) => Enqueue(new Write(Kind.Save, state, null));

    public void Checkpoint(SessionState state) => Enqueue(new Write(Kind.Checkpoint, state, null));

    public void Append(SessionEvent e) => Enqueue(new Write(Kind.Event, null, e));

    public void Flush()
    {
        lock (_gate)
        {
            _flushing = true;
            Monitor.PulseAll(_gate);
            while (_writing) Monitor.Wait(_gate);
            _flushing = false;
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
            if (_writing)
            {
                Monitor.PulseAll(_gate);
                return;
            }
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
                if (next.Kind == Kind.Save && !_flushing && !AnyStateWriteQueued())
                {
                    // Nothing newer behind it yet: give a burst a moment to bring a newer save (Enqueue and Flush pulse).
                    var deadline = Environment.TickCount64 + (long)SaveCoalescing.TotalMilliseconds;
                    for (var left = deadline - Environment.TickCount64; left > 0 && !_flushing && !AnyStateWriteQueued();
                         left = deadline - Environment.TickCount64)
                        Monitor.Wait(_gate, (int)left);
                    if (SupersededSave()) continue;
                }
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
        foreach (var write in _queue)
            if (write.Kind != Kind.Event) return true;
        return false;
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
