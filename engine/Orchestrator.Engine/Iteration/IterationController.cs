using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.Graph;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Iteration;

/// <summary>
/// Decides, after each iteration, whether the session stops (and records why, with the numbers that
/// prove it), and what the next iteration changes (escalations, re-runs, suggestions). Pure: no I/O,
/// no clock; the caller passes the time.
/// </summary>
public static class IterationController
{
    /// <summary>A quality gain at or below epsilon by less than this is a plateau (absorbs floating-point noise).</summary>
    private const double Tolerance = 1e-9;

    /// <summary>A timeout set from an observed duration leaves this much headroom over it.</summary>
    private const double ObservedMargin = 1.25;

    /// <summary>
    /// Checks every stop condition and returns the one with the highest precedence (the order of
    /// <see cref="StopReason"/>): circular dependency, quality threshold, the stop rule, nothing to run,
    /// out of retries, session timeout, max iterations, plateau. The others that held are in
    /// <see cref="StopDecision.AlsoMet"/> and named in the message.
    /// </summary>
    /// <remarks>
    /// Why this order: a broken pipeline must be reported before anything else; reaching the goal is
    /// the truest account of a stop; then the user's explicit verdict; then the facts of the work
    /// (finished, or nothing left that will be retried), which make any limit met at the same time
    /// incidental; then the hard limits (time, then the loop cap); the plateau, a heuristic, last.
    /// NothingToRun and OutOfRetries exclude each other. A next plan with no candidates but nodes held
    /// back by action spacing is not a stop: plan again at <see cref="IterationPlan.NextEligibleAt"/>.
    /// </remarks>
    public static StopDecision Evaluate(IterationFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var settings = facts.Settings ?? throw new ArgumentException("the facts have no settings", nameof(facts));
        var plan = facts.NextPlan ?? throw new ArgumentException("the facts have no next plan", nameof(facts));
        var options = facts.Options ?? IterationOptions.Default;
        options.Validate();
        var history = facts.History ?? [];
        if (history.Count == 0 || history[^1].Iteration != facts.Iteration)
            throw new ArgumentException($"the history must end with iteration {facts.Iteration}, the one just finished", nameof(facts));

        var iteration = facts.Iteration;
        var quality = history[^1].Quality;
        var met = new List<(StopReason Reason, string Message)>();

        if (plan.Cycles.Count > 0)
            met.Add((StopReason.CircularDependency,
                $"circular dependency at plan time: {string.Join("; ", plan.Cycles)}; fix dependsOn in the pipeline"));

        if (quality >= settings.QualityThreshold)
            met.Add((StopReason.QualityThreshold,
                $"quality {Readable.Number(quality, "0.0000")} reached qualityThreshold {Readable.Number(settings.QualityThreshold, "0.00##")} after iteration {Readable.Int(iteration)}"));

        if (facts.Rule is { Stop: true } rule)
            met.Add((StopReason.RuleStop, $"{rule.RuleName} said stop after iteration {Readable.Int(iteration)}"));

        if (EmptyPlan(plan, iteration) is { } empty) met.Add(empty);

        var elapsed = facts.Now - facts.SessionStartedAt;
        if (elapsed >= settings.SessionTimeout)
            met.Add((StopReason.SessionTimeout,
                $"session ran {GraphTextRenderer.Format(elapsed)} (started {Readable.Time(facts.SessionStartedAt)}, now {Readable.Time(facts.Now)}), reaching sessionTimeout {PipelineDuration.Format(settings.SessionTimeout)}"));

        if (iteration >= settings.MaxIterations)
            met.Add((StopReason.MaxIterations,
                $"iteration {Readable.Int(iteration)} of maxIterations {Readable.Int(settings.MaxIterations)} done"));

        if (Plateau(history, options) is { } plateau) met.Add((StopReason.Plateau, plateau));

        if (met.Count == 0) return new StopDecision(false, StopReason.None, ContinueMessage(plan, history, iteration));

        met.Sort((a, b) => a.Reason.CompareTo(b.Reason));
        var (reason, message) = met[0];
        if (met.Count > 1) message += $" (also: {string.Join("; ", met.Skip(1).Select(m => m.Message))})";
        return new StopDecision(true, reason, message) { AlsoMet = met.Skip(1).Select(m => m.Reason).ToArray() };
    }

    private static (StopReason, string)? EmptyPlan(IterationPlan plan, int iteration)
    {
        if (plan.Chosen.Count > 0) return null;
        if (plan.Candidates.Count > 0)
            return (StopReason.NothingToRun,
                $"rules.select chose none of the {Readable.Plural(plan.Candidates.Count, "candidate")} for iteration {Readable.Int(iteration + 1)}");
        if (plan.NextEligibleAt is not null) return null;

        var unretried = plan.Filtered.Where(f => f.Kind is FilterKind.OutOfRetries or FilterKind.InvalidInput or FilterKind.RetriesDisabled).ToArray();
        if (unretried.Length > 0)
        {
            var blocked = plan.Filtered.Where(f => f.Kind == FilterKind.DependencyNotReady).Select(f => f.NodeId).ToArray();
            return (StopReason.OutOfRetries,
                $"nothing left that will be retried: {string.Join("; ", unretried.Select(f => $"{f.NodeId}: {f.Reason}"))}"
                + (blocked.Length > 0 ? $"; {Readable.Int(blocked.Length)} more blocked by them: {string.Join(", ", blocked)}" : ""));
        }
        var upToDate = plan.Filtered.Count(f => f.Kind == FilterKind.UpToDate);
        return (StopReason.NothingToRun,
            $"nothing left to run: {Readable.Int(upToDate)} of {Readable.Plural(plan.Filtered.Count, "node")} succeeded and their inputs are unchanged");
    }

    /// <summary>The best quality of the last N iterations against the best before them.</summary>
    private static string? Plateau(IReadOnlyList<IterationMetrics> history, IterationOptions options)
    {
        var n = options.PlateauIterations;
        if (history.Count <= n) return null;
        double recent = double.MinValue, before = double.MinValue;
        for (var i = 0; i < history.Count; i++)
        {
            if (i >= history.Count - n) recent = Math.Max(recent, history[i].Quality);
            else before = Math.Max(before, history[i].Quality);
        }
        var gain = recent - before;
        if (gain > options.PlateauEpsilon + Tolerance) return null;
        return $"plateau: the best quality of the last {Readable.Plural(n, "iteration")}, {Readable.Number(recent, "0.0000")}, is {Readable.Signed(gain, "0.0000")} over the best before them, {Readable.Number(before, "0.0000")}: not more than plateauEpsilon {Readable.Number(options.PlateauEpsilon, "0.0###")}";
    }

    private static string ContinueMessage(IterationPlan plan, IReadOnlyList<IterationMetrics> history, int iteration)
    {
        var last = history[^1];
        var quality = $"quality {Readable.Number(last.Quality, "0.0000")}"
            + (last.QualityDelta is { } delta ? $" ({Readable.Signed(delta, "0.0000")})" : "");
        return plan.Chosen.Count > 0
            ? $"continue: {Readable.Plural(plan.Chosen.Count, "action")} planned for iteration {Readable.Int(iteration + 1)}; {quality}"
            : $"continue: nothing can launch before {Readable.Time(plan.NextEligibleAt!.Value)} (action spacing): plan iteration {Readable.Int(iteration + 1)} again then; {quality}";
    }

    /// <summary>
    /// What the next iteration changes: a node that timed out and will be retried gets its timeout
    /// multiplied by its <see cref="EscalationPolicy.TimeoutFactor"/> (or 1.25 × its observed duration,
    /// rounded up, when that is more), within the cap, when its definition has <c>options.escalate</c>; a succeeded node scoring below
    /// <see cref="EscalationPolicy.BelowScore"/> re-runs once with its escalation options (a re-run
    /// request for the planner, and the merged options as an override); earlier overrides carry over;
    /// and every failure that will not be retried gets a suggestion in words with its numbers.
    /// Overrides of nodes the pipeline no longer has are dropped.
    /// </summary>
    /// <exception cref="InvalidOperationException">A node's <c>options.escalate</c> is malformed (<see cref="EscalationPolicy.Validate"/> finds these at load).</exception>
    public static IterationStrategy PlanStrategy(StrategyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pipeline = input.Pipeline ?? throw new ArgumentException("the input has no pipeline", nameof(input));
        var planning = input.Planning ?? PlanningOptions.Default;
        planning.Validate();
        var current = input.Overrides ?? new Dictionary<string, NodeOverrides>();
        var states = new Dictionary<string, NodePlanningState>(StringComparer.Ordinal);
        foreach (var state in input.Nodes ?? []) states[state.NodeId] = state;

        var settings = pipeline.Settings;
        var overrides = new Dictionary<string, NodeOverrides>(StringComparer.Ordinal);
        var escalations = new List<EscalationDecision>();
        var reruns = new Dictionary<string, string>(StringComparer.Ordinal);
        var suggestions = new List<RetrySuggestion>();
        foreach (var node in pipeline.Nodes)
        {
            var policy = EscalationPolicy.For(node);
            current.TryGetValue(node.Id, out var carried);
            var next = carried;
            var baseTimeout = node.Timeout ?? settings.ActionTimeout;
            var timeout = carried?.Timeout ?? baseTimeout;
            if (states.TryGetValue(node.Id, out var s))
            {
                var willRetry = s.Status is ActionStatus.Failed or ActionStatus.TimedOut
                    && settings.EnableRetries && s.Failures < planning.MaxActionFailures;
                switch (s.Status)
                {
                    case ActionStatus.TimedOut when willRetry && policy is not null && timeout < policy.CapFor(baseTimeout):
                        var cap = policy.CapFor(baseTimeout);
                        var wanted = timeout * policy.TimeoutFactor;
                        var byObservation = s.ObservedDuration is { } seen && seen * ObservedMargin > wanted;
                        if (byObservation) wanted = RoundUp(s.ObservedDuration!.Value * ObservedMargin);
                        var raised = Min(wanted, cap);
                        next = (next ?? new NodeOverrides()) with { Timeout = raised };
                        escalations.Add(new EscalationDecision(node.Id, EscalationKind.Timeout, byObservation
                            ? $"timed out at {Readable.Duration(timeout)}, observed {Readable.Duration(s.ObservedDuration!.Value)}: timeout to {Readable.Duration(raised)} for its retry (cap {Readable.Duration(cap)})"
                            : $"timed out at {Readable.Duration(timeout)}: timeout x{Readable.Number(policy.TimeoutFactor, "0.##")} to {Readable.Duration(raised)} for its retry (cap {Readable.Duration(cap)})"));
                        break;
                    case ActionStatus.TimedOut when !willRetry:
                        suggestions.Add(new RetrySuggestion(node.Id, TimeoutSuggestion(node.Id, timeout, s, policy, baseTimeout, input.Size)));
                        break;
                    case ActionStatus.Failed when !willRetry:
                        suggestions.Add(new RetrySuggestion(node.Id, FailureSuggestion(node.Id, s, settings, planning)));
                        break;
                    case ActionStatus.Invalid:
                        suggestions.Add(new RetrySuggestion(node.Id,
                            $"{node.Id} rejected its input as invalid{Error(s)}: Invalid is never retried; check the input or the node's options"));
                        break;
                    case ActionStatus.Succeeded when policy is { BelowScore: { } below, Options: { } escalated }
                                                    && s.Score is { } score && score < below && carried?.Options is null:
                        var reason = $"score {Readable.Number(score)} below escalate.belowScore {Readable.Number(below)}: re-runs with escalate.options {escalated}";
                        next = (next ?? new NodeOverrides()) with { Options = NodeOverrides.Merge(node.Options, escalated) };
                        escalations.Add(new EscalationDecision(node.Id, EscalationKind.Options, reason));
                        reruns[node.Id] = "escalated: " + reason;
                        break;
                }
            }
            if (next is not null) overrides[node.Id] = next;
        }
        return new IterationStrategy(overrides, escalations, reruns, suggestions);
    }

    private static string TimeoutSuggestion(
        string id, TimeSpan timeout, NodePlanningState s, EscalationPolicy? policy, TimeSpan baseTimeout, SizeHint? size)
    {
        var factor = policy?.TimeoutFactor ?? 2;
        var wanted = timeout * factor;
        if (s.ObservedDuration is { } observed && observed * ObservedMargin > wanted) wanted = observed * ObservedMargin;
        var text = $"{id} timed out at {Readable.Duration(timeout)}{On(size)}"
            + (s.ObservedDuration is { } seen ? $", observed {Readable.Duration(seen)}" : "")
            + $": set its timeout to at least {Readable.Duration(RoundUp(wanted))}";
        if (policy is not null && timeout >= policy.CapFor(baseTimeout))
            text += $" (its escalate.maxTimeout, {Readable.Duration(policy.CapFor(baseTimeout))}, was reached)";
        return text;
    }

    private static string FailureSuggestion(string id, NodePlanningState s, PipelineSettings settings, PlanningOptions planning) =>
        settings.EnableRetries
            ? $"{id} failed {Readable.Plural(s.Failures, "time")} (limit maxActionFailures {Readable.Int(planning.MaxActionFailures)}){Error(s)}: fix the cause, or raise maxActionFailures above {Readable.Int(planning.MaxActionFailures)} to retry it"
            : $"{id} failed{Error(s)} and retries are disabled: set enableRetries to true to retry it (up to maxActionFailures {Readable.Int(planning.MaxActionFailures)} failures)";

    private static string On(SizeHint? size) => size is null ? "" : $" on {Readable.Size(size.Value)} {size.Unit}";

    private static string Error(NodePlanningState s) => s.LastError is { } e ? $" ({e.Type}: {e.Message})" : "";

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Up to a round figure: 5 s steps to a minute, 30 s to ten minutes, a minute to an hour, then 5 minutes.</summary>
    internal static TimeSpan RoundUp(TimeSpan value)
    {
        var seconds = value.TotalSeconds;
        var step = seconds <= 60 ? 5 : seconds <= 600 ? 30 : seconds <= 3600 ? 60 : 300;
        return TimeSpan.FromSeconds(Math.Ceiling(seconds / step - 1e-9) * step);
    }
}
