namespace Orchestrator.Engine.Iteration;

/// <summary>The size of what a session works on, for retry suggestions ("on 180k words"): a number and its unit.</summary>
public sealed record SizeHint(double Value, string Unit);
