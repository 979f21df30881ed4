namespace Orchestrator.Engine.Scripting;

/// <summary>
/// One problem in a rule, where it is in the user's text: <see cref="Line"/> and
/// <see cref="Column"/> are 1-based (a tab counts as one column), or null when the problem is not
/// at a position (a file that cannot be read). <see cref="ToString"/> gives
/// <c>file:line:column: message</c>, the form compilers and editors use.
/// </summary>
/// <param name="Source">The rule's name: its file path, or <c>rules.select</c>/<c>rules.stop</c>.</param>
/// <param name="Line">1-based line in the rule's text.</param>
/// <param name="Column">1-based column in that line.</param>
/// <param name="Message">What is wrong, with the compiler's id first when it comes from the compiler (<c>CS0103: ...</c>).</param>
public sealed record RuleDiagnostic(string Source, int? Line, int? Column, string Message)
{
    public override string ToString() =>
        Line is { } line ? $"{Source}:{line}:{Column ?? 1}: {Message}" : $"{Source}: {Message}";
}
