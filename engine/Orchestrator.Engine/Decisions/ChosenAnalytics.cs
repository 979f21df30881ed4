namespace Orchestrator.Engine.Decisions;

/// <summary>One node of <see cref="PlanAnalytics.Chosen"/> and why it runs ("candidate 2 of 5 by score", "selected by rules.select", "needed by pacing").</summary>
public sealed record ChosenAnalytics(string Node, string Why);
