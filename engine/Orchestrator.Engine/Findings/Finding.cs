namespace Orchestrator.Engine.Findings;

/// <summary>
/// One observation a node makes about its input: what it found (message), what to do about it
/// (suggestion), where (location) and the text that shows it (evidence).
/// </summary>
/// <param name="Rule">Stable rule id, e.g. <c>structure.length.short</c>; reports and filters key on it.</param>
/// <param name="Confidence">How sure the rule is, in [0,1]: 1 for counts, lower for heuristics (passive voice, tense).</param>
/// <param name="IsStrength">True for something the manuscript does well; reports list strengths apart from problems.</param>
public sealed record Finding(
    string Rule,
    Severity Severity,
    string Message,
    string? Suggestion = null,
    TextLocation? Location = null,
    string? Evidence = null,
    double Confidence = 1.0,
    bool IsStrength = false);
