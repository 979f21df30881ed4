namespace Orchestrator.Engine.Scripting;

/// <summary>
/// One or more rules that cannot be used: C# errors, or calls that rules are not allowed to make.
/// The message has one line per problem, <c>file:line:column: message</c>, ready to print as is
/// (<c>orchestrator validate</c> prints it and exits with code 2).
/// </summary>
public sealed class RuleCompilationException : Exception
{
    public RuleCompilationException(IReadOnlyList<RuleDiagnostic> diagnostics)
        : base(Format(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every problem found, in the order of the text.</summary>
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; }

    private static string Format(IReadOnlyList<RuleDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return diagnostics.Count == 0 ? "invalid rule" : string.Join(Environment.NewLine, diagnostics);
    }
}
