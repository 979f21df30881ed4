using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Sessions;

/// <summary>
/// Where a session loop writes its state as it goes (see <see cref="ISessionStore.Journal"/>); without one a session
/// lives in memory only. The three writes only hand over (they never wait for a disk); <see cref="FlushAsync"/> is the
/// one call that waits, asynchronously.
/// </summary>
public interface ISessionJournal
{
    /// <summary>
    /// The new current state, after every change (each action outcome included). Durable on return, or (a journal
    /// that writes behind) written in order soon after; <see cref="FlushAsync"/> waits for it.
    /// </summary>
    void Save(SessionState state);

    /// <summary>A backup of the state, after each finished iteration and when the session stops.</summary>
    void Checkpoint(SessionState state);

    /// <summary>One line of the event log.</summary>
    void Append(SessionEvent e);

    /// <summary>Completes when everything handed over is durable; throws the first write that failed. The loop awaits it before it returns.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
