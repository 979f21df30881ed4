namespace Orchestrator.Engine.Iteration;

/// <summary>What an escalation changed.</summary>
public enum EscalationKind
{
    /// <summary>A timed-out node's timeout was raised for its retry.</summary>
    Timeout = 0,
    /// <summary>A low-scoring node re-runs with its <c>escalate.options</c>.</summary>
    Options = 1,
}
