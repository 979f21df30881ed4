namespace Orchestrator.Engine.Dataflow;

/// <summary>How one action ended. Every action ends in exactly one of these; none ends in an exception.</summary>
public enum ActionStatus
{
    Succeeded,
    /// <summary>The node threw on its last attempt (retries, if any, were exhausted).</summary>
    Failed,
    /// <summary>The last attempt ran past the node's timeout and was cancelled.</summary>
    TimedOut,
    /// <summary>The run was cancelled (Ctrl-C, shutdown) before or while the action ran.</summary>
    Cancelled,
    /// <summary>The input could not be analysed, or the node returned an invalid result. Never retried.</summary>
    Invalid,
    /// <summary>Not run because a dependency did not succeed.</summary>
    Skipped,
}
