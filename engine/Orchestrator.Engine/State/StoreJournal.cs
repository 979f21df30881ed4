using Orchestrator.Engine.Sessions;

namespace Orchestrator.Engine.State;

/// <summary>A session journal backed by a <see cref="SessionStore"/>: session.json, snapshots and events.jsonl.</summary>
internal sealed class StoreJournal(SessionStore store) : ISessionJournal
{
    public void Save(SessionState state) => store.SaveState(state);

    public void Checkpoint(SessionState state) => store.WriteSnapshot(state);

    public void Append(SessionEvent e) => store.AppendEvent(e);
}
