using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Orchestrator.Engine.Scripting;

/// <summary>
/// A rule ready to call: compiled (or loaded from the cache) once, then called any number of
/// times, from any thread, at the cost of a delegate call. Each call runs on the calling thread
/// under a deadline (<see cref="Timeout"/>) and a depth limit, and ends either with a result or
/// with a <see cref="RuleEvaluationException"/> that names the rule and the reason.
/// </summary>
public abstract class CompiledRule
{
    private readonly long _timeoutMilliseconds;
    private readonly int _maxDepth;
    private readonly Assembly _assembly;

    private protected CompiledRule(RuleSource source, RuleKind kind, LoadedRule loaded, TimeSpan timeout, int maxDepth)
    {
        if (timeout != System.Threading.Timeout.InfiniteTimeSpan && timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "a rule's time budget must be more than zero");
        Name = source.Name;
        Hash = source.Hash;
        Kind = kind;
        GlobalsType = loaded.GlobalsType;
        Timeout = timeout;
        Origin = loaded.Origin;
        _timeoutMilliseconds = timeout == System.Threading.Timeout.InfiniteTimeSpan ? -1 : (long)Math.Ceiling(timeout.TotalMilliseconds);
        _maxDepth = maxDepth;
        _assembly = loaded.Assembly;
    }

    /// <summary>The rule's file path, or <c>rules.select</c>/<c>rules.stop</c>.</summary>
    public string Name { get; }

    /// <summary>SHA-256 of the rule's text.</summary>
    public string Hash { get; }

    public RuleKind Kind { get; }

    /// <summary>The globals type the rule was compiled against; calls take an instance of it (or of a type derived from it).</summary>
    public Type GlobalsType { get; }

    /// <summary>Time budget of one call (<c>rules.timeout</c>).</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Where the compiled code came from when it was first needed in this compiler.</summary>
    public RuleOrigin Origin { get; }

    public override string ToString() => $"{Kind} rule {Name}";

    /// <summary>
    /// Runs the rule once: the globals, the guard around the call, the result (finished while the
    /// guard is still on, since a lazy result runs rule code), and the failure, if any, in words.
    /// </summary>
    private protected TResult Run<T, TResult>(Func<object?[], Task<T>> factory, RuleGlobals globals,
        Func<T, TResult> finish, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(globals);
        var type = globals.GetType();
        if (type != GlobalsType && !GlobalsType.IsAssignableFrom(type))
            throw new ArgumentException(
                $"{Name} was compiled for globals of type {GlobalsType.FullName}, not {type.FullName}", nameof(globals));

        var scope = RuleGuard.Begin(_timeoutMilliseconds, _maxDepth, cancellationToken);
        TResult result = default!;
        Exception? error = null;
        string? errorMessage = null;
        var incomplete = false;
        try
        {
            try
            {
                // Slot 0 holds the globals, slot 1 receives the submission object the factory creates.
                var task = factory([globals, null]);
                if (task.IsCompletedSuccessfully) result = finish(task.Result);
                else if (task.IsCompleted) error = task.Exception?.InnerException ?? new OperationCanceledException();
                else incomplete = true;
            }
            catch (Exception e)
            {
                error = e;
            }
            // Read while the guard is on: an exception type declared by the rule runs rule code here.
            if (error is not null) errorMessage = MessageOf(error);
        }
        finally
        {
            RuleGuard.End(scope);
        }

        var failure = scope.Failure;
        var failedAtDepth = scope.FailedAtDepth;
        RuleGuard.Recycle(scope);
        if (failure != RuleGuardFailure.None) throw GuardFailure(failure, failedAtDepth, cancellationToken);
        if (incomplete)
            throw new RuleEvaluationException(Name, RuleFailure.InvalidResult,
                "awaited something that did not complete at once: rules must decide synchronously");
        if (error is not null) throw Threw(error, errorMessage);
        return result;
    }

    /// <summary>
    /// Runs a call on a rule worker (<see cref="RuleWorkers"/>) and waits for it no longer than the
    /// budget and a grace period: a call that does not come back by then fails as timed out, and
    /// the engine goes on without it.
    /// </summary>
    private protected async Task<T> OnWorkerAsync<T>(Func<T> call, CancellationToken cancellationToken)
    {
        var limit = Timeout == System.Threading.Timeout.InfiniteTimeSpan ? Timeout : Timeout + RuleWorkers.Grace;
        try
        {
            return await RuleWorkers.RunAsync(call, limit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new RuleEvaluationException(Name, RuleFailure.TimedOut,
                $"timed out after {FormatTime(Timeout)} (stuck inside a library call, which was left behind)");
        }
    }

    private static string MessageOf(Exception error)
    {
        try
        {
            return error.Message;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return "(its message could not be read)";
        }
    }

    private Exception GuardFailure(RuleGuardFailure failure, int depth, CancellationToken cancellationToken) => failure switch
    {
        RuleGuardFailure.Cancelled => new OperationCanceledException($"{Name}: cancelled", cancellationToken),
        RuleGuardFailure.TimedOut => new RuleEvaluationException(Name, RuleFailure.TimedOut, $"timed out after {FormatTime(Timeout)}"),
        RuleGuardFailure.RecursionTooDeep => new RuleEvaluationException(Name, RuleFailure.RecursionTooDeep,
            $"recursion deeper than {_maxDepth} calls"),
        _ when depth <= 1 => new RuleEvaluationException(Name, RuleFailure.RecursionTooDeep,
            "nested too deep: the stack ran short inside library calls (a query that enumerates itself?)"),
        _ => new RuleEvaluationException(Name, RuleFailure.RecursionTooDeep,
            $"recursion too deep: the stack ran short at {depth} nested calls"),
    };

    /// <summary>
    /// An exception of a type the rule declared itself is not passed on as the inner exception:
    /// its members are rule code, and nothing would guard them once the call is over.
    /// </summary>
    private RuleEvaluationException Threw(Exception error, string? message)
    {
        var line = LineOf(error);
        var where = line is null ? "" : $" (line {line})";
        var inner = error.GetType().Assembly == _assembly ? null : error;
        return new RuleEvaluationException(Name, RuleFailure.Threw, $"threw {error.GetType().Name}: {message}{where}", inner);
    }

    /// <summary>The line of the rule's text where the exception was thrown, from the compiled rule's embedded PDB.</summary>
    private int? LineOf(Exception error)
    {
        try
        {
            foreach (var frame in new StackTrace(error, fNeedFileInfo: true).GetFrames())
            {
                if (frame.GetMethod()?.DeclaringType?.Assembly != _assembly) continue;
                var line = frame.GetFileLineNumber();
                if (line > 0) return line;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Line numbers are a convenience: a message without one is still right.
        }
        return null;
    }

    internal static string FormatTime(TimeSpan value) =>
        value.TotalSeconds >= 1
            ? value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"
            : value.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms";
}

/// <summary>Where a compiled rule came from.</summary>
public enum RuleOrigin
{
    /// <summary>Compiled by Roslyn in this process (and written to the disk cache when there is one).</summary>
    Compiled,

    /// <summary>Loaded from the disk cache: the compiler was not loaded for it.</summary>
    DiskCache,
}

/// <summary>A <c>rules.stop</c> rule: returns true to stop iterating.</summary>
public sealed class StopRule : CompiledRule
{
    private readonly Func<object?[], Task<bool>> _factory;

    internal StopRule(RuleSource source, LoadedRule loaded, TimeSpan timeout, int maxDepth)
        : base(source, RuleKind.Stop, loaded, timeout, maxDepth)
    {
        _factory = (Func<object?[], Task<bool>>)loaded.Factory;
    }

    /// <summary>Calls the rule.</summary>
    /// <param name="globals">The state of the run; an instance of <see cref="CompiledRule.GlobalsType"/>.</param>
    /// <param name="cancellationToken">Ends the call with an <see cref="OperationCanceledException"/> at the rule's next check.</param>
    /// <returns>True to stop.</returns>
    /// <exception cref="RuleEvaluationException">The rule threw, timed out or recursed without end.</exception>
    public bool Evaluate(RuleGlobals globals, CancellationToken cancellationToken = default) =>
        Run(_factory, globals, Identity, cancellationToken);

    /// <summary>
    /// Calls the rule on a rule worker thread, and returns by the budget (plus a grace period)
    /// whatever the rule does: what the engine calls between iterations.
    /// </summary>
    /// <inheritdoc cref="Evaluate"/>
    public Task<bool> EvaluateAsync(RuleGlobals globals, CancellationToken cancellationToken = default) =>
        OnWorkerAsync(() => Evaluate(globals, cancellationToken), cancellationToken);

    private static readonly Func<bool, bool> Identity = static value => value;
}

/// <summary>A <c>rules.select</c> rule: returns the ids of the candidates to run this iteration.</summary>
public sealed class SelectRule : CompiledRule
{
    private readonly Func<object?[], Task<IEnumerable<string>>> _factory;

    internal SelectRule(RuleSource source, LoadedRule loaded, TimeSpan timeout, int maxDepth)
        : base(source, RuleKind.Select, loaded, timeout, maxDepth)
    {
        _factory = (Func<object?[], Task<IEnumerable<string>>>)loaded.Factory;
    }

    /// <summary>
    /// Calls the rule and checks its answer: every id must be one of
    /// <see cref="RuleGlobals.Candidates"/>. Ids come back in the order the rule gave them (its
    /// order of preference); an id given twice is kept once. An empty answer is valid: nothing
    /// to run this iteration.
    /// </summary>
    /// <exception cref="RuleEvaluationException">The rule threw, timed out, recursed without end,
    /// returned null, or returned ids that are not candidates (listed in <see cref="RuleEvaluationException.UnknownIds"/>).</exception>
    public IReadOnlyList<string> Evaluate(RuleGlobals globals, CancellationToken cancellationToken = default)
    {
        var ids = Run(_factory, globals, Materialize, cancellationToken);
        if (ids is null)
            throw new RuleEvaluationException(Name, RuleFailure.InvalidResult, "returned null instead of a list of node ids");
        return Validate(ids, globals.Candidates);
    }

    /// <summary>
    /// Calls the rule on a rule worker thread, and returns by the budget (plus a grace period)
    /// whatever the rule does: what the engine calls before each iteration.
    /// </summary>
    /// <inheritdoc cref="Evaluate"/>
    public Task<IReadOnlyList<string>> EvaluateAsync(RuleGlobals globals, CancellationToken cancellationToken = default) =>
        OnWorkerAsync(() => Evaluate(globals, cancellationToken), cancellationToken);

    /// <summary>Enumerates the answer while the guard is on: a lazy LINQ query runs rule code here.</summary>
    private static readonly Func<IEnumerable<string>, List<string?>?> Materialize = static ids =>
        ids is null ? null : new List<string?>(ids);

    /// <summary>Answers up to this size (the usual case) are checked without allocating sets.</summary>
    private const int LinearLimit = 16;

    private List<string> Validate(List<string?> ids, IReadOnlyList<RuleCandidate> candidates)
    {
        var small = ids.Count <= LinearLimit && candidates.Count <= LinearLimit;
        if (small && IsCleanSubset(ids, candidates)) return ids!; // the usual answer, as it is: no copy
        var known = candidates.Select(c => c.Node).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>(ids.Count);
        List<string>? unknown = null;
        foreach (var id in ids)
        {
            if (id is null)
                throw new RuleEvaluationException(Name, RuleFailure.InvalidResult, "returned a null node id");
            if (!seen.Add(id)) continue;
            if (known.Contains(id)) result.Add(id);
            else (unknown ??= []).Add(id);
        }
        if (unknown is not null) throw NotCandidates(unknown, candidates);
        return result;
    }

    /// <summary>No null, no repeat, every id a candidate.</summary>
    private static bool IsCleanSubset(List<string?> ids, IReadOnlyList<RuleCandidate> candidates)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] is not { } id || !IsCandidate(id, candidates)) return false;
            for (var j = 0; j < i; j++)
                if (string.Equals(ids[j], id, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    private static bool IsCandidate(string id, IReadOnlyList<RuleCandidate> candidates)
    {
        for (var i = 0; i < candidates.Count; i++)
            if (string.Equals(candidates[i].Node, id, StringComparison.Ordinal)) return true;
        return false;
    }

    private RuleEvaluationException NotCandidates(List<string> unknown, IReadOnlyList<RuleCandidate> candidates)
    {
        var names = candidates.Select(c => c.Node).ToList();
        var listed = string.Join(", ", unknown.Select(id =>
            Pipelines.NameSuggestion.Closest(id, names) is { } close ? $"'{id}' (did you mean '{close}'?)" : $"'{id}'"));
        var offered = names.Count == 0 ? "there are none this iteration" : "candidates: " + string.Join(", ", names);
        var what = unknown.Count == 1 ? "an id that is not a candidate" : "ids that are not candidates";
        return new RuleEvaluationException(Name, RuleFailure.InvalidResult, $"returned {what}: {listed}; {offered}")
        {
            UnknownIds = unknown,
        };
    }
}
