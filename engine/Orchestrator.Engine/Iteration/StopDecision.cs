namespace Orchestrator.Engine.Iteration;

/// <summary>Whether to stop, why (the condition with the highest precedence), and the numbers that prove it.</summary>
public sealed record StopDecision(bool Stop, StopReason Reason, string Message)
{
    /// <summary>Other stop conditions that held too, in precedence order (they are named in <see cref="Message"/>).</summary>
    public IReadOnlyList<StopReason> AlsoMet { get; init; } = [];
}
