namespace Orchestrator.Engine.Iteration;

/// <summary>What the <c>rules.stop</c> rule returned after an iteration.</summary>
/// <param name="RuleName">How to name the rule in messages: its file (<c>rules/stop.csx</c>) or <c>rules.stop</c> for an inline one.</param>
/// <param name="Stop">The rule's verdict.</param>
public sealed record RuleStopVerdict(string RuleName, bool Stop);
