namespace Orchestrator.Engine.Decisions;

/// <summary>One node of <see cref="PlanAnalytics.Filtered"/>: the kind of reason (a <see cref="FilterKind"/> name), the reason, and the blocking node if any.</summary>
public sealed record FilteredAnalytics(string Node, string Kind, string Reason, string? BlockedBy);
