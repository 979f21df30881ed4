namespace Orchestrator.Engine.Iteration;

/// <summary>An escalation decided for the next iteration, with the numbers behind it.</summary>
public sealed record EscalationDecision(string NodeId, EscalationKind Kind, string Reason);
