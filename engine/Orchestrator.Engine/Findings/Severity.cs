namespace Orchestrator.Engine.Findings;

/// <summary>How much a finding matters to the author; ordered so that a larger value is more severe.</summary>
public enum Severity
{
    Info = 0,
    Suggestion = 1,
    Warning = 2,
    Problem = 3,
}
