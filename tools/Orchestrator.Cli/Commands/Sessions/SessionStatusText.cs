using Orchestrator.Engine.State;

namespace Orchestrator.Cli.Commands.Sessions;

/// <summary>
/// The status a person should see, from the stored status and the lease: a session stored as Running is
/// Running only while a live process holds its lease; otherwise its process died and it is Interrupted.
/// </summary>
internal static class SessionStatusText
{
    public const string Running = "Running";
    public const string Interrupted = "Interrupted";
    public const string Corrupt = "Corrupt";

    public static string Of(SessionStateStatus stored, LeaseStatus lease) => (stored, lease) switch
    {
        (SessionStateStatus.Running, LeaseStatus.Held) => Running,
        (SessionStateStatus.Running, _) => Interrupted,
        // A finished session with a live lease is being resumed or deleted right now.
        (_, LeaseStatus.Held) => $"{stored} (locked)",
        _ => stored.ToString(),
    };

    /// <summary>The command that continues the session, when it can be continued: interrupted or cancelled, and not locked.</summary>
    public static string? ResumeCommand(string sessionId, SessionStateStatus stored, LeaseStatus lease) =>
        lease != LeaseStatus.Held && stored is SessionStateStatus.Running or SessionStateStatus.Cancelled
            ? $"orchestrator resume {sessionId}"
            : null;
}
