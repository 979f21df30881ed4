using System.Text;
using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Graph;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Decisions;

/// <summary>
/// Plans one iteration from the state of a session: which nodes run (candidates, in launch order,
/// each with a score and a reason) and which do not (each with a reason). A pure function: no I/O,
/// no clock (the caller passes <see cref="PlanningInput.Now"/>), the same input gives the same plan.
/// </summary>
/// <remarks>
/// <para><b>Candidates.</b> Nodes are decided dependencies first. A node needs to run when it has not
/// run yet (or its latest action was cancelled or skipped); when it failed or timed out and has
/// fewer than <see cref="PlanningOptions.MaxActionFailures"/> failures (and retries are enabled); when
/// it succeeded but the hash of its inputs differs from the one at its success; when it succeeded
/// and the caller asks for a re-run (<see cref="PlanningInput.RerunRequests"/>); and when it succeeded
/// and a dependency re-runs in this plan (<see cref="PlanningOptions.CascadeReruns"/>). It runs when
/// every dependency succeeded or runs first in the same pass, and it was not launched less than
/// <c>settings.actionSpacing</c> ago. Everything else is filtered, with the reason. A node caught in
/// or behind a circular dependency is filtered with the cycle's path (a pipeline can change between
/// the start of a session and its resume); nothing loops.</para>
/// <para><b>Score.</b> For a candidate <c>v</c>, with the weights <c>W</c> of
/// <see cref="PriorityWeights"/>:</para>
/// <code>
/// score = W.Priority         · priority(v) / max |priority| over the pipeline's nodes       (in [-1, 1]; 0 when no priority is set)
///       + W.CriticalPath     · chain(v) / longest chain of the pass                         (in [0, 1])
///       + W.Dependants       · transitiveDependants(v) / most transitive dependants of a node (in [0, 1])
///       + W.ObservedDuration · observed(v) / longest observed among the candidates           (in [0, 1]; 0 when not observed)
///       - W.FailurePenalty   · min(failures(v) / max(maxActionFailures, 1), 1)
///       - W.LoadPenalty      · min(running(v) / parallelism(v), 1)
/// </code>
/// <para><c>chain(v)</c> is the remaining critical path through <c>v</c>: its duration plus the
/// longest chain of candidates that depend on it. Durations are the observed ones when known, else
/// the estimates (<see cref="NodeDurations.ForPipeline"/>: estimatedDuration, then timeout, then
/// actionTimeout). Launching the longest chains first is the classic list-scheduling rule that
/// shortens the pass; once durations are observed the chains are real, so the critical path goes
/// first. Defaults: 3, 2, 1, 0.5, 1.5, 1: configured priority (the user's intent) outweighs the
/// heuristics; a failure already spent costs a node half its budget's worth. Each term is rounded to
/// 4 decimals and the score is their sum, so equal work gives equal scores.</para>
/// <para><b>Launch order.</b> Highest score first, ties in file order, among the candidates whose
/// candidate dependencies are already listed: the list is a real launch order (a node never comes
/// before a dependency it waits for). Without configured priorities this is plain score order,
/// because a dependency's chain and dependants always outweigh its dependant's.</para>
/// <para><b>Cost.</b> Linear in nodes + edges per plan, plus the graph's invariant facts
/// (transitive dependants, cycles) computed once per <see cref="WorkflowGraph"/> instance and cached.</para>
/// </remarks>
public static class DecisionEngine
{
    private enum Verdict : byte { Candidate, UpToDate, Blocked }

    private struct Decision
    {
        public Verdict Verdict;
        public CandidateCause Cause;
        public FilterKind Kind;
        public string Text;

        /// <summary>For a blocked node: the node whose own state blocks it (itself, or a dependency further up).</summary>
        public int Root;
        public DateTimeOffset? EligibleAt;
    }

    public static IterationPlan Plan(PlanningInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pipeline = input.Pipeline ?? throw new ArgumentException("the input has no pipeline", nameof(input));
        var graph = input.Graph ?? throw new ArgumentException("the input has no graph", nameof(input));
        var options = input.Options ?? PlanningOptions.Default;
        options.Validate();
        if (input.Iteration < 1)
            throw new ArgumentOutOfRangeException(nameof(input), input.Iteration, "the iteration starts at 1");
        CheckGraph(graph, pipeline);

        var facts = PlanningGraphFacts.For(graph);
        var states = IndexStates(input.Nodes ?? [], graph);
        var decisions = new Decision[graph.Count];
        for (var v = 0; v < decisions.Length; v++)
        {
            if (facts.Rank[v] >= 0) continue;
            var cycle = facts.Cycles[facts.CycleOf[v]];
            decisions[v] = Blocked(v, FilterKind.CircularDependency,
                facts.OnCycle[v] ? $"circular dependency: {cycle}" : $"depends on circular dependency {cycle}");
        }
        var context = new Context(input, options, graph, states, decisions);
        foreach (var v in facts.Order) decisions[v] = Decide(v, context);

        var candidates = Score(context, facts, out var criticalPath, out var criticalTotal);
        var filtered = new List<FilteredNode>(graph.Count - candidates.Count);
        var filteredAt = new FilteredNode?[graph.Count];
        DateTimeOffset? nextEligible = null;
        for (var v = 0; v < decisions.Length; v++)
        {
            ref var d = ref decisions[v];
            if (d.Verdict == Verdict.Candidate) continue;
            var kind = d.Verdict == Verdict.UpToDate ? FilterKind.UpToDate : d.Kind;
            var node = new FilteredNode(graph.IdOf(v), kind, d.Text,
                kind == FilterKind.DependencyNotReady ? graph.IdOf(d.Root) : null, d.EligibleAt);
            filtered.Add(node);
            filteredAt[v] = node;
            if (kind == FilterKind.ActionSpacing && (nextEligible is null || d.EligibleAt < nextEligible))
                nextEligible = d.EligibleAt;
        }

        return new IterationPlan(
            input.Iteration, input.Now, graph, facts.Rank, candidates, filtered, filteredAt,
            criticalPath, criticalTotal, facts.Cycles, nextEligible);
    }

    private sealed record Context(
        PlanningInput Input,
        PlanningOptions Options,
        WorkflowGraph Graph,
        NodePlanningState?[] States,
        Decision[] Decisions)
    {
        /// <summary>What blocks the dependants of a root, in words, made once per root.</summary>
        public string?[] RootPhrases => _rootPhrases ??= new string?[Decisions.Length];

        private string?[]? _rootPhrases;
    }

    private static Decision Decide(int v, Context c)
    {
        var id = c.Graph.IdOf(v);
        var s = c.States[v];
        var settings = c.Input.Pipeline.Settings;
        var max = c.Options.MaxActionFailures;
        CandidateCause cause;
        string text;
        switch (s?.Status)
        {
            case ActionStatus.Succeeded:
                if (c.Input.RerunRequests is { } requests && requests.TryGetValue(id, out var requested))
                    (cause, text) = (CandidateCause.Requested, requested);
                else if (s.CurrentInputHash is { } current && !string.Equals(current, s.SucceededInputHash, StringComparison.Ordinal))
                    (cause, text) = (CandidateCause.InputsChanged, "inputs changed since its last success");
                else if (c.Options.CascadeReruns && FirstCandidateDependency(v, c) is var dependency and >= 0)
                    (cause, text) = (CandidateCause.DependencyRerun, $"dependency '{c.Graph.IdOf(dependency)}' re-runs in this plan");
                else
                    return new Decision { Verdict = Verdict.UpToDate, Kind = FilterKind.UpToDate, Text = "succeeded and inputs unchanged", Root = v };
                break;
            case ActionStatus.Invalid:
                return Blocked(v, FilterKind.InvalidInput,
                    "Invalid input is never retried" + (s.LastError is { } e ? $" ({e.Type}: {e.Message})" : ""));
            case ActionStatus.Failed or ActionStatus.TimedOut:
                if (!settings.EnableRetries)
                    return Blocked(v, FilterKind.RetriesDisabled, $"{s.Status} and retries are disabled (settings.enableRetries is false)");
                if (s.Failures >= max)
                    return Blocked(v, FilterKind.OutOfRetries,
                        $"out of retries ({Readable.Plural(s.Failures, "failure")}, limit {Readable.Int(max)}; last {s.Status}{ErrorKind(s)})");
                (cause, text) = (CandidateCause.Retry,
                    $"retry after {s.Status}{ErrorKind(s)} ({Readable.Plural(s.Failures, "failure")} of {Readable.Int(max)} allowed)");
                break;
            case ActionStatus.Cancelled:
                (cause, text) = (CandidateCause.Cancelled, "cancelled last time");
                break;
            case ActionStatus.Skipped:
                (cause, text) = (CandidateCause.Skipped, "skipped last time (a dependency had not succeeded)");
                break;
            default:
                (cause, text) = (CandidateCause.NotRunYet, "not run yet");
                break;
        }

        foreach (var dependency in c.Graph.DependenciesOf(v))
        {
            ref var d = ref c.Decisions[dependency];
            if (d.Verdict != Verdict.Blocked) continue;
            var root = d.Root;
            var phrase = RootPhrase(root, c);
            return new Decision
            {
                Verdict = Verdict.Blocked,
                Kind = FilterKind.DependencyNotReady,
                Text = root == dependency
                    ? string.Concat("dependency ", phrase)
                    : string.Concat("dependency '", c.Graph.IdOf(dependency), "' cannot run: ", phrase),
                Root = root,
                EligibleAt = c.Decisions[root].EligibleAt,
            };
        }

        var spacing = settings.ActionSpacing;
        if (spacing > TimeSpan.Zero && s?.LastLaunchedAt is { } launched && c.Input.Now - launched < spacing)
        {
            var since = c.Input.Now - launched;
            var decision = Blocked(v, FilterKind.ActionSpacing,
                $"action spacing: launched {Readable.Duration(since < TimeSpan.Zero ? TimeSpan.Zero : since)} ago, minimum {Readable.Duration(spacing)}");
            decision.EligibleAt = launched + spacing;
            return decision;
        }
        return new Decision { Verdict = Verdict.Candidate, Cause = cause, Text = text, Root = v };
    }

    private static Decision Blocked(int v, FilterKind kind, string text) =>
        new() { Verdict = Verdict.Blocked, Kind = kind, Text = text, Root = v };

    private static int FirstCandidateDependency(int v, Context c)
    {
        foreach (var dependency in c.Graph.DependenciesOf(v))
            if (c.Decisions[dependency].Verdict == Verdict.Candidate) return dependency;
        return -1;
    }

    private static string ErrorKind(NodePlanningState s) => s.LastError is { } e ? $": {e.Type}" : "";

    private static string RootPhrase(int root, Context c) => c.RootPhrases[root] ??= MakeRootPhrase(root, c);

    private static string MakeRootPhrase(int root, Context c)
    {
        var id = c.Graph.IdOf(root);
        ref var d = ref c.Decisions[root];
        return d.Kind switch
        {
            FilterKind.OutOfRetries => $"'{id}' failed and is out of retries",
            FilterKind.InvalidInput => $"'{id}' had Invalid input, which is never retried",
            FilterKind.RetriesDisabled => $"'{id}' failed and retries are disabled",
            FilterKind.ActionSpacing => $"'{id}' waits for action spacing until {Readable.Time(d.EligibleAt!.Value)}",
            _ => $"'{id}' cannot run ({d.Text})",
        };
    }

    private static void CheckGraph(WorkflowGraph graph, PipelineDefinition pipeline)
    {
        if (graph.Count != pipeline.Nodes.Count)
            throw new ArgumentException($"the graph has {graph.Count} nodes but the pipeline {pipeline.Nodes.Count}: build the graph from this pipeline");
        for (var v = 0; v < graph.Count; v++)
            if (!string.Equals(graph.IdOf(v), pipeline.Nodes[v].Id, StringComparison.Ordinal))
                throw new ArgumentException($"node {v} is '{graph.IdOf(v)}' in the graph but '{pipeline.Nodes[v].Id}' in the pipeline: build the graph from this pipeline");
    }

    private static NodePlanningState?[] IndexStates(IReadOnlyCollection<NodePlanningState> nodes, WorkflowGraph graph)
    {
        var states = new NodePlanningState?[graph.Count];
        foreach (var state in nodes)
        {
            ArgumentNullException.ThrowIfNull(state, nameof(nodes));
            if (state.Actions < 0 || state.Failures < 0 || state.Running < 0)
                throw new ArgumentOutOfRangeException(nameof(nodes), $"node '{state.NodeId}': actions, failures and running must be >= 0");
            if (state.ObservedDuration < TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(nameof(nodes), $"node '{state.NodeId}': the observed duration is negative");
            if (!graph.TryGetIndex(state.NodeId, out var v)) continue; // a node the pipeline no longer has
            if (states[v] is not null) throw new ArgumentException($"two states for node '{state.NodeId}'", nameof(nodes));
            states[v] = state;
        }
        return states;
    }

    private static List<PlannedCandidate> Score(
        Context c, PlanningGraphFacts facts, out IReadOnlyList<string> criticalPath, out TimeSpan criticalTotal)
    {
        criticalPath = [];
        criticalTotal = TimeSpan.Zero;
        var graph = c.Graph;
        var pipeline = c.Input.Pipeline;
        var decisions = c.Decisions;
        var count = 0;
        foreach (var d in decisions) if (d.Verdict == Verdict.Candidate) count++;
        if (count == 0) return [];

        Dictionary<string, TimeSpan>? observed = null;
        foreach (var s in c.States)
            if (s?.ObservedDuration is { } seen) (observed ??= new(StringComparer.Ordinal))[s.NodeId] = seen;
        var durations = NodeDurations.ForPipeline(graph, pipeline, observed);

        // Chains over the candidates only: what is up to date or filtered takes no time in this pass.
        var n = graph.Count;
        var tail = new long[n];
        var head = new long[n];
        var order = facts.Order;
        long longest = 0;
        for (var i = order.Length - 1; i >= 0; i--)
        {
            var v = order[i];
            if (decisions[v].Verdict != Verdict.Candidate) continue;
            long after = 0;
            foreach (var w in graph.DependantsOf(v))
                if (decisions[w].Verdict == Verdict.Candidate && tail[w] > after) after = tail[w];
            tail[v] = durations[v].Ticks + after;
            if (tail[v] > longest) longest = tail[v];
        }
        foreach (var v in order)
        {
            if (decisions[v].Verdict != Verdict.Candidate) continue;
            long before = 0;
            foreach (var u in graph.DependenciesOf(v))
                if (decisions[u].Verdict == Verdict.Candidate && head[u] > before) before = head[u];
            head[v] = before + durations[v].Ticks;
        }

        var maxPriority = 0;
        foreach (var node in pipeline.Nodes) maxPriority = Math.Max(maxPriority, Math.Abs(node.Priority));
        var longestObserved = TimeSpan.Zero;
        for (var v = 0; v < n; v++)
            if (decisions[v].Verdict == Verdict.Candidate && durations.SourceOf(v) == DurationSource.Observed && durations[v] > longestObserved)
                longestObserved = durations[v];

        var weights = c.Options.Weights;
        var maxFailures = c.Options.MaxActionFailures;
        var longestChain = TimeSpan.FromTicks(longest);
        var text = new StringBuilder(512);
        var byIndex = new PlannedCandidate?[n];
        for (var v = 0; v < n; v++)
        {
            ref var d = ref decisions[v];
            if (d.Verdict != Verdict.Candidate) continue;
            var node = pipeline.Nodes[v];
            var s = c.States[v];
            var failures = s?.Failures ?? 0;
            var running = s?.Running ?? 0;
            var own = durations[v];
            var source = durations.SourceOf(v);
            var isObserved = source == DurationSource.Observed;
            var dependants = facts.TransitiveDependants[v];
            var onPath = longest > 0 && head[v] + tail[v] - own.Ticks == longest;

            var terms = new ScoreTerms(
                Term(weights.Priority, maxPriority == 0 ? 0 : (double)node.Priority / maxPriority),
                Term(weights.CriticalPath, longest == 0 ? 0 : (double)tail[v] / longest),
                Term(weights.Dependants, facts.MaxTransitiveDependants == 0 ? 0 : (double)dependants / facts.MaxTransitiveDependants),
                Term(weights.ObservedDuration, isObserved && longestObserved > TimeSpan.Zero ? own / longestObserved : 0),
                Term(weights.FailurePenalty, Math.Min((double)failures / Math.Max(maxFailures, 1), 1)),
                Term(weights.LoadPenalty, Math.Min((double)running / Math.Max(node.Parallelism, 1), 1)));
            var score = terms.Total;

            var chain = TimeSpan.FromTicks(tail[v]);
            var reason = text.Clear().Append(d.Text).Append("; score ");
            Readable.AppendNumber(reason, score).Append(" = priority ");
            Readable.AppendNumber(reason, terms.Priority, signed: true);
            if (maxPriority == 0) reason.Append(" (none set)");
            else reason.Append(" (").Append(node.Priority).Append(" of max ").Append(maxPriority).Append(')');
            Readable.AppendNumber(reason.Append(" + critical path "), terms.CriticalPath, signed: true).Append(" (chain ");
            Readable.AppendDuration(reason, chain).Append(" of ");
            Readable.AppendDuration(reason, longestChain).Append("; own ");
            Readable.AppendDuration(reason, own).Append(' ').Append(Describe(source));
            reason.Append(onPath ? "; on the critical path)" : ")");
            Readable.AppendNumber(reason.Append(" + dependants "), terms.Dependants, signed: true)
                .Append(" (").Append(dependants).Append(" transitive of max ").Append(facts.MaxTransitiveDependants).Append(')');
            Readable.AppendNumber(reason.Append(" + duration "), terms.ObservedDuration, signed: true);
            if (isObserved)
            {
                Readable.AppendDuration(reason.Append(" (observed "), own).Append(", longest ");
                Readable.AppendDuration(reason, longestObserved).Append(')');
            }
            else
            {
                reason.Append(" (not observed yet)");
            }
            Readable.AppendNumber(reason.Append(" - failures "), terms.FailurePenalty)
                .Append(" (").Append(failures).Append(" of ").Append(maxFailures).Append(" allowed)");
            Readable.AppendNumber(reason.Append(" - load "), terms.LoadPenalty)
                .Append(" (").Append(running).Append(" running, parallelism ").Append(node.Parallelism).Append(')');

            byIndex[v] = new PlannedCandidate(
                node.Id, score, d.Cause, d.Text, reason.ToString(), (s?.Actions ?? 0) + 1, terms,
                chain, own, source, dependants, onPath) { Index = v };
        }

        if (longest > 0) (criticalPath, criticalTotal) = (CriticalPathOf(c, tail, durations, longest), TimeSpan.FromTicks(longest));
        return LaunchOrder(c, byIndex, count);
    }

    private static double Term(double weight, double value) => Math.Round(weight * value, 4);

    /// <summary>The longest chain of the pass: from its first node, each next one the dependant that carries the rest (lowest index on ties).</summary>
    private static string[] CriticalPathOf(Context c, long[] tail, NodeDurations durations, long longest)
    {
        var graph = c.Graph;
        var v = -1;
        for (var i = 0; i < tail.Length; i++)
            if (c.Decisions[i].Verdict == Verdict.Candidate && tail[i] == longest) { v = i; break; }
        var path = new List<string>();
        while (v >= 0)
        {
            path.Add(graph.IdOf(v));
            var rest = tail[v] - durations[v].Ticks;
            var next = -1;
            if (rest > 0)
                foreach (var w in graph.DependantsOf(v))
                    if (c.Decisions[w].Verdict == Verdict.Candidate && tail[w] == rest && (next < 0 || w < next)) next = w;
            v = next;
        }
        return path.ToArray();
    }

    /// <summary>List scheduling: repeatedly the best-scored candidate whose candidate dependencies are listed.</summary>
    private static List<PlannedCandidate> LaunchOrder(Context c, PlannedCandidate?[] byIndex, int count)
    {
        var graph = c.Graph;
        var waiting = new int[byIndex.Length];
        var ready = new PriorityQueue<int, (double Score, int Index)>(count, BestFirst.Instance);
        for (var v = 0; v < byIndex.Length; v++)
        {
            if (byIndex[v] is not { } candidate) continue;
            foreach (var u in graph.DependenciesOf(v))
                if (byIndex[u] is not null) waiting[v]++;
            if (waiting[v] == 0) ready.Enqueue(v, (candidate.Score, v));
        }
        var order = new List<PlannedCandidate>(count);
        while (ready.TryDequeue(out var v, out _))
        {
            order.Add(byIndex[v]!);
            foreach (var w in graph.DependantsOf(v))
                if (byIndex[w] is { } next && --waiting[w] == 0) ready.Enqueue(w, (next.Score, w));
        }
        return order;
    }

    private static string Describe(DurationSource source) => source switch
    {
        DurationSource.Observed => "observed",
        DurationSource.Estimated => "estimated",
        DurationSource.Timeout => "from its timeout",
        DurationSource.ActionTimeout => "from actionTimeout",
        _ => "given",
    };

    private sealed class BestFirst : IComparer<(double Score, int Index)>
    {
        public static readonly BestFirst Instance = new();

        public int Compare((double Score, int Index) x, (double Score, int Index) y)
        {
            var byScore = y.Score.CompareTo(x.Score);
            return byScore != 0 ? byScore : x.Index.CompareTo(y.Index);
        }
    }
}
