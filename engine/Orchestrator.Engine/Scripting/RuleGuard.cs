using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Orchestrator.Engine.Scripting;

/// <summary>
/// The checks that compiled rules make: <see cref="RuleCompiler"/> rewrites every rule so that each
/// loop body and each goto starts with <see cref="Check"/>, and each function body (methods, local
/// functions, lambdas, accessors) is wrapped in <see cref="Enter"/> ... <c>finally</c>
/// <see cref="Exit"/>. The state they read is per thread and set by the evaluator around each call,
/// so one compiled rule serves every call and every pipeline.
/// </summary>
/// <remarks>
/// Not for use by rules (a rule that names it is rejected at compile time). Once a call has run
/// past its deadline or its depth limit, every later check of that call throws again, so a rule
/// that catches the first exception cannot go on.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RuleGuard
{
    [ThreadStatic] private static RuleGuardScope? t_current;
    [ThreadStatic] private static RuleGuardScope? t_spare;

    /// <summary>
    /// The clock (about 12 ns a read) is read at one check in <see cref="Sampling"/> + 1; the
    /// stack's room (about 5 ns) is checked at one depth in <see cref="Sampling"/> + 1. A few
    /// loop turns or calls of lateness, for a guard that costs a few nanoseconds.
    /// </summary>
    private const int Sampling = 7;

    /// <summary>
    /// Throws when the current call is past its deadline, cancelled, short of stack or already
    /// failed. The stack is checked here too: a lambda that hands back a query built on itself
    /// (<c>xs = xs.SelectMany(_ =&gt; xs)</c>) nests library frames without nesting rule functions.
    /// </summary>
    public static void Check()
    {
        var scope = t_current;
        if (scope is null || scope.Failure != RuleGuardFailure.None
            || ((++scope.Ticks & Sampling) == 0
                && (Environment.TickCount64 > scope.Deadline || scope.Token.IsCancellationRequested || !RuntimeHelpers.TryEnsureSufficientExecutionStack())))
            CheckSlow(scope);
    }

    /// <summary>Entry of a function of the rule: counts the depth and checks the deadline and the stack.</summary>
    public static void Enter()
    {
        var scope = t_current;
        if (scope is null || scope.Failure != RuleGuardFailure.None || ++scope.Depth > scope.MaxDepth
            || ((++scope.Ticks & Sampling) == 0 && (Environment.TickCount64 > scope.Deadline || scope.Token.IsCancellationRequested))
            || ((scope.Depth & Sampling) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
            EnterSlow(scope);
    }

    /// <summary>
    /// False once the current call has failed (or outside a call): the rule's own <c>catch</c>
    /// clauses, <c>finally</c> blocks and <c>Dispose</c> methods are rewritten to stand aside then,
    /// so that the failure unwinds in one go, without rule code throwing again from inside the
    /// unwinding (each such throw nests and costs stack).
    /// </summary>
    public static bool Live => t_current is { Failure: RuleGuardFailure.None };

    /// <summary>Exit of a function of the rule (in a <c>finally</c>).</summary>
    public static void Exit()
    {
        var scope = t_current;
        if (scope is not null) scope.Depth--;
    }

    /// <summary>Starts a call of a rule on this thread. Pair with <see cref="End"/> in a finally.</summary>
    internal static RuleGuardScope Begin(long timeoutMilliseconds, int maxDepth, CancellationToken token)
    {
        var scope = t_spare;
        if (scope is null) scope = new RuleGuardScope();
        else t_spare = null;
        scope.Deadline = timeoutMilliseconds < 0 ? long.MaxValue : Environment.TickCount64 + timeoutMilliseconds;
        scope.MaxDepth = maxDepth;
        scope.Depth = 0;
        scope.Ticks = 0;
        scope.Token = token;
        scope.Failure = RuleGuardFailure.None;
        scope.Previous = t_current;
        t_current = scope;
        return scope;
    }

    /// <summary>Ends a call started by <see cref="Begin"/>; the scope's <see cref="RuleGuardScope.Failure"/> stays readable.</summary>
    internal static void End(RuleGuardScope scope)
    {
        t_current = scope.Previous;
        scope.Previous = null;
        scope.Token = default;
    }

    /// <summary>Hands a finished scope back for reuse by the next call on this thread.</summary>
    internal static void Recycle(RuleGuardScope scope) => t_spare = scope;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CheckSlow(RuleGuardScope? scope)
    {
        if (scope is null) throw new RuleGuardException("rule code ran outside a rule evaluation");
        if (scope.Failure == RuleGuardFailure.None)
        {
            if (scope.Token.IsCancellationRequested) scope.Failure = RuleGuardFailure.Cancelled;
            else if (Environment.TickCount64 > scope.Deadline) scope.Failure = RuleGuardFailure.TimedOut;
            else if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) scope.Failure = RuleGuardFailure.StackExhausted;
            else return;
            scope.FailedAtDepth = scope.Depth;
        }
        throw new RuleGuardException(scope.Failure);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void EnterSlow(RuleGuardScope? scope)
    {
        if (scope is null) throw new RuleGuardException("rule code ran outside a rule evaluation");
        if (scope.Failure == RuleGuardFailure.None)
        {
            if (scope.Depth > scope.MaxDepth) scope.Failure = RuleGuardFailure.RecursionTooDeep;
            else if (scope.Token.IsCancellationRequested) scope.Failure = RuleGuardFailure.Cancelled;
            else if (Environment.TickCount64 > scope.Deadline) scope.Failure = RuleGuardFailure.TimedOut;
            else if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) scope.Failure = RuleGuardFailure.StackExhausted;
            else return;
            scope.FailedAtDepth = scope.Depth;
            // This function is left before its try: undo its count so that the finally blocks of
            // the frames below leave the depth where it was. (When the call had already failed,
            // Enter did not count.)
            scope.Depth--;
        }
        throw new RuleGuardException(scope.Failure);
    }
}

internal enum RuleGuardFailure
{
    None,
    TimedOut,
    RecursionTooDeep,
    StackExhausted,
    Cancelled,
}

/// <summary>The guard state of one call of a rule.</summary>
internal sealed class RuleGuardScope
{
    /// <summary>Environment.TickCount64 past which the call has timed out.</summary>
    public long Deadline;
    public int Depth;
    public int Ticks;
    public int MaxDepth;
    public int FailedAtDepth;
    public CancellationToken Token;
    public RuleGuardFailure Failure;
    public RuleGuardScope? Previous;
}

/// <summary>Thrown inside a rule by a failed check; the evaluator turns it into a <see cref="RuleEvaluationException"/>.</summary>
internal sealed class RuleGuardException : Exception
{
    public RuleGuardException(string message) : base(message) { }

    public RuleGuardException(RuleGuardFailure failure) : base(failure switch
    {
        RuleGuardFailure.TimedOut => "the rule ran past its time budget",
        RuleGuardFailure.Cancelled => "the run was cancelled",
        _ => "the rule recursed too deep",
    })
    {
    }
}
