using Orchestrator.Engine.State;
using Serilog;

namespace Orchestrator.Manuscripts.Coordination;

/// <summary>A stored session a new run can go on with instead of starting anew, and its status when found.</summary>
public sealed record EarlierSession(string Id, SessionStateStatus Status)
{
    /// <summary>
    /// The newest session under <paramref name="key"/> of the same input path and pipeline that no live holder drives
    /// and that <paramref name="options"/> allow going on with: unfinished (interrupted, cancelled) to resume, finished
    /// to reuse. One index lookup, then only the matching sessions' states are read (to confirm what the index says).
    /// </summary>
    public static async Task<EarlierSession?> FindAsync(ISessionStore store, SessionKey key, string inputPath, string pipelineName,
        ProcessOptions options, Func<string, bool> runningHere, ILogger log, CancellationToken ct)
    {
        foreach (var indexed in store.Find(key))
        {
            if (indexed.InputPath != inputPath || runningHere(indexed.Id) || !Wanted(indexed.Status, options)) continue;
            try
            {
                var state = (await store.LoadStateAsync(indexed.Id, ct).ConfigureAwait(false)).State;
                // The index narrows; the state decides (a line may predate a resume under another pipeline, or a status change).
                if (SessionKey.Of(state) != key || state.InputPath != inputPath || state.PipelineName != pipelineName
                    || !Wanted(state.Status, options)) continue;
                if (store.IsHeld(indexed.Id)) continue;
                return new EarlierSession(indexed.Id, state.Status);
            }
            catch (Exception ex) when (ex is SessionStateCorruptException or SessionNotFoundException or IOException)
            {
                log.Warning("Session {Session} looks unfinished but cannot be read: {Error}", indexed.Id, ex.Message);
            }
        }
        return null;
    }

    private static bool Wanted(SessionStateStatus status, ProcessOptions options) => status switch
    {
        SessionStateStatus.Running or SessionStateStatus.Cancelled => options.ResumeUnfinished,
        SessionStateStatus.Completed or SessionStateStatus.CompletedWithErrors => options.ReuseCompleted,
        _ => false,
    };
}
