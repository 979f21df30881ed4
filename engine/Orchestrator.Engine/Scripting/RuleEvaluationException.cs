namespace Orchestrator.Engine.Scripting;

/// <summary>Why a call of a rule failed.</summary>
public enum RuleFailure
{
    /// <summary>It ran past its time budget (<c>rules.timeout</c>).</summary>
    TimedOut,

    /// <summary>Its functions called each other deeper than the depth limit (unbounded recursion).</summary>
    RecursionTooDeep,

    /// <summary>It threw an exception (see <see cref="Exception.InnerException"/>).</summary>
    Threw,

    /// <summary>It returned something the engine cannot use: null, or ids that are not candidates.</summary>
    InvalidResult,
}

/// <summary>
/// A call of a rule that failed: it threw, ran past its time budget, recursed without end or
/// returned an unusable result. The message names the rule and the reason on one line
/// (<c>rules.stop: timed out after 1 s</c>); the engine stops the run with it, keeping the work
/// already done.
/// </summary>
public sealed class RuleEvaluationException : Exception
{
    public RuleEvaluationException(string ruleName, RuleFailure failure, string reason, Exception? inner = null)
        : base($"{ruleName}: {reason}", inner)
    {
        RuleName = ruleName;
        Failure = failure;
        Reason = reason;
    }

    /// <summary>The rule's file path, or <c>rules.select</c>/<c>rules.stop</c>.</summary>
    public string RuleName { get; }

    public RuleFailure Failure { get; }

    /// <summary>The reason alone, without the rule's name (<c>timed out after 1 s</c>).</summary>
    public string Reason { get; }

    /// <summary>For <see cref="RuleFailure.InvalidResult"/> from a select rule: the ids it returned that are not candidates.</summary>
    public IReadOnlyList<string> UnknownIds { get; init; } = [];
}
