namespace Orchestrator.Engine.Iteration;

/// <summary>
/// What a user could change so that a node that will not be retried succeeds next time, in words
/// with numbers ("style timed out at 30 s on 180k words, observed 41 s: set its timeout to at least 60 s").
/// </summary>
public sealed record RetrySuggestion(string NodeId, string Text);
