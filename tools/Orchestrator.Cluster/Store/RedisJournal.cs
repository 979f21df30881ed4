using System.Threading.Channels;
using Orchestrator.Engine.Sessions;
using Orchestrator.Engine.State;
using StackExchange.Redis;

namespace Orchestrator.Cluster.Store;

/// <summary>
/// Writes a session loop's states, checkpoints and events into Redis behind the loop, in order, on one task: the
/// collector never waits for the network. A save with a newer save queued behind it is skipped (the newer holds
/// everything). A write Redis refuses (the lease moved to another owner, or the version is not the one this holder
/// wrote last) marks the lease lost, which stops the loop; <see cref="FlushAsync"/> then throws the refusal.
/// </summary>
internal sealed class RedisJournal : ISessionJournal
{
    private readonly RedisSessionStore _store;
    private readonly Channel<Write> _writes = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private long _saves;
    private Exception? _failure;

    private abstract record Write;
    private sealed record SaveWrite(SessionState State, long Number) : Write;
    private sealed record CheckpointWrite(SessionState State) : Write;
    private sealed record AppendWrite(SessionEvent Event) : Write;
    private sealed record FlushWrite(TaskCompletionSource Done) : Write;

    public RedisJournal(RedisSessionStore store)
    {
        _store = store;
        _writer = Task.Run(WriteAllAsync);
    }

    public void Save(SessionState state) => _writes.Writer.TryWrite(new SaveWrite(state, Interlocked.Increment(ref _saves)));

    public void Checkpoint(SessionState state) => _writes.Writer.TryWrite(new CheckpointWrite(state));

    public void Append(SessionEvent e) => _writes.Writer.TryWrite(new AppendWrite(e));

    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _writes.Writer.TryWrite(new FlushWrite(done));
        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteAllAsync()
    {
        await foreach (var write in _writes.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (write is FlushWrite flush)
            {
                if (_failure is { } failure) flush.Done.TrySetException(failure);
                else flush.Done.TrySetResult();
                continue;
            }
            if (_failure is not null) continue;
            if (write is SaveWrite save && save.Number < Interlocked.Read(ref _saves)) continue;
            try
            {
                await WriteAsync(write).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RedisException or TimeoutException or SessionWriteRefusedException)
            {
                _failure = e;
            }
        }
    }

    private async Task WriteAsync(Write write)
    {
        var session = write switch
        {
            SaveWrite s => s.State.SessionId,
            CheckpointWrite c => c.State.SessionId,
            AppendWrite a => a.Event.Session,
            _ => throw new InvalidOperationException(write.GetType().Name),
        };
        var lease = _store.HeldLease(session) ?? throw new SessionWriteRefusedException(session, "this process holds no lease of it");
        var result = write switch
        {
            SaveWrite s => await _store.SaveAsync(lease, s.State).ConfigureAwait(false),
            CheckpointWrite c => await _store.CheckpointAsync(lease, c.State).ConfigureAwait(false),
            AppendWrite a => await _store.AppendAsync(lease, a.Event).ConfigureAwait(false),
            _ => RedisScripts.Done,
        };
        if (result > 0) return;
        lease.MarkLost();
        throw new SessionWriteRefusedException(session, result == RedisScripts.VersionConflict
            ? $"its state is no longer version {lease.Version}: another owner wrote it"
            : "another owner took its lease over");
    }
}
