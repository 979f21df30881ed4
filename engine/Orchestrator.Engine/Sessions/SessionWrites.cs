using Orchestrator.Engine.Events;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Sessions;

/// <summary>
/// Everything a driven session writes: its states and checkpoints to the journal, its events to its stream (which logs
/// them through the journal). The first write that fails is kept and stops every later one, because a session must not
/// go on as if saved; <see cref="ThrowIfFailed"/> reports it.
/// </summary>
internal sealed class SessionWrites(ISessionJournal? journal, SessionEventStream events)
{
    private Exception? _failure;

    public void Save(SessionState state)
    {
        if (journal is not null) Write(static (j, s) => j.Save(s), journal, state);
    }

    public void Checkpoint(SessionState state)
    {
        if (journal is not null) Write(static (j, s) => j.Checkpoint(s), journal, state);
    }

    /// <summary>Numbers the event, logs it through the journal and offers it to the session's subscribers.</summary>
    public void Publish(SessionEvent e) => Write(static (stream, e) => stream.Publish(e), events, e);

    /// <summary>Waits for the journal's writer, even after a failure (so nothing is still writing when the loop returns); keeps the first failure.</summary>
    public async ValueTask FlushAsync()
    {
        if (journal is null) return;
        try
        {
            await journal.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _failure ??= ex;
        }
    }

    public void ThrowIfFailed(string sessionId)
    {
        if (_failure is { } ex) throw new SessionPersistenceException(sessionId, ex);
    }

    // Static callbacks with their arguments: no closure allocated per write (one per action outcome).
    private void Write<TTarget, TArgument>(Action<TTarget, TArgument> write, TTarget target, TArgument argument)
    {
        if (_failure is not null) return;
        try
        {
            write(target, argument);
        }
        catch (Exception ex)
        {
            _failure ??= ex;
        }
    }
}
