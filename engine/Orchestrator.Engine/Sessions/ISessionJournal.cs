using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Sessions;

/// <summary>
/// Where a session loop writes its state as it goes. Implementations persist (see
/// <see cref="SessionStore.JournalFor"/>); without one a session lives in memory only.
/// </summary>
public interface ISessionJournal
{
    /// <summary>The new current state, after every change (each action outcome included): durable on return.</summary>
    void Save(SessionState state);

    /// <summary>A backup of the state, after each finished iteration and when the session stops.</summary>
    void Checkpoint(SessionState state);

    /// <summary>One line of the event log.</summary>
    void Append(SessionEvent e);
}
