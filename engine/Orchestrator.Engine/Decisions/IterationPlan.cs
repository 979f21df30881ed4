using Orchestrator.Engine.Graph;

namespace Orchestrator.Engine.Decisions;

/// <summary>
/// What one iteration runs and why: the candidates in launch order with their scores and reasons,
/// the chosen ones (all candidates until a selection is applied), the nodes filtered out with their
/// reasons, and the facts behind the order. Immutable; <see cref="WithSelection"/> makes a new plan.
/// </summary>
public sealed class IterationPlan
{
    /// <summary>The reason given to a candidate the select rule left out.</summary>
    public const string NotSelectedReason = "not selected by rules.select";

    private readonly WorkflowGraph _graph;
    private readonly int[] _rank;
    private readonly PlannedCandidate?[] _candidateAt;
    private readonly FilteredNode?[] _filteredAt;

    internal IterationPlan(
        int iteration, DateTimeOffset plannedAt, WorkflowGraph graph, int[] rank,
        IReadOnlyList<PlannedCandidate> candidates, IReadOnlyList<FilteredNode> filtered, FilteredNode?[] filteredAt,
        IReadOnlyList<string> criticalPath, TimeSpan criticalPathDuration, IReadOnlyList<string> cycles,
        DateTimeOffset? nextEligibleAt)
    {
        Iteration = iteration;
        PlannedAt = plannedAt;
        _graph = graph;
        _rank = rank;
        Candidates = candidates;
        Chosen = candidates;
        Filtered = filtered;
        CriticalPath = criticalPath;
        CriticalPathDuration = criticalPathDuration;
        Cycles = cycles;
        NextEligibleAt = nextEligibleAt;
        _candidateAt = new PlannedCandidate?[graph.Count];
        foreach (var candidate in candidates) _candidateAt[candidate.Index] = candidate;
        _filteredAt = filteredAt;
    }

    private IterationPlan(IterationPlan plan, IReadOnlyList<PlannedCandidate> chosen, IReadOnlyList<FilteredNode> filtered)
    {
        Iteration = plan.Iteration;
        PlannedAt = plan.PlannedAt;
        _graph = plan._graph;
        _rank = plan._rank;
        _candidateAt = plan._candidateAt;
        _filteredAt = plan._filteredAt;
        Candidates = plan.Candidates;
        CriticalPath = plan.CriticalPath;
        CriticalPathDuration = plan.CriticalPathDuration;
        Cycles = plan.Cycles;
        NextEligibleAt = plan.NextEligibleAt;
        Chosen = chosen;
        Filtered = filtered;
        SelectionApplied = true;
    }

    public int Iteration { get; }

    /// <summary>The <see cref="PlanningInput.Now"/> the plan was made at.</summary>
    public DateTimeOffset PlannedAt { get; }

    /// <summary>Every node that could run this iteration, in launch order (see <see cref="DecisionEngine"/>).</summary>
    public IReadOnlyList<PlannedCandidate> Candidates { get; }

    /// <summary>What runs: <see cref="Candidates"/>, or after <see cref="WithSelection"/> the selection in its order (with the dependencies it needs).</summary>
    public IReadOnlyList<PlannedCandidate> Chosen { get; }

    /// <summary>Ids of <see cref="Chosen"/>, in order: what to pass to the network.</summary>
    public IReadOnlyList<string> ChosenIds => Chosen.Select(c => c.NodeId).ToArray();

    /// <summary>Every node that does not run, in file order, with the reason (including the candidates a selection left out).</summary>
    public IReadOnlyList<FilteredNode> Filtered { get; }

    /// <summary>Whether <see cref="WithSelection"/> made this plan.</summary>
    public bool SelectionApplied { get; }

    /// <summary>The longest chain of candidates of the pass, first to last; empty when nothing runs or every duration is zero.</summary>
    public IReadOnlyList<string> CriticalPath { get; }

    public TimeSpan CriticalPathDuration { get; }

    /// <summary>Circular dependencies found at plan time (<c>a -> b -> a</c>), one per cyclic component: the pipeline is broken.</summary>
    public IReadOnlyList<string> Cycles { get; }

    /// <summary>
    /// When the first node held back by action spacing may launch; null when none is. A plan with no
    /// candidates but this set is not finished work: plan again at that time.
    /// </summary>
    public DateTimeOffset? NextEligibleAt { get; }

    /// <summary>True when nothing is chosen.</summary>
    public bool IsEmpty => Chosen.Count == 0;

    /// <summary>
    /// The plan with only <paramref name="selected"/> chosen, in that order (the verdict of the select
    /// rule). Each id must be a candidate of this plan; repeats are ignored. Candidates left out are
    /// filtered with the reason <see cref="NotSelectedReason"/>.
    /// </summary>
    /// <remarks>
    /// A selected node's dependency that is a candidate but not selected is added, just before the
    /// first selected node that needs it, with <see cref="PlannedCandidate.NeededBy"/> set: its result
    /// is stale or missing, so the selected node would otherwise run on stale input or be skipped.
    /// Adding it carries out what the rule asked for; refusing would end the run over a rule that
    /// merely did not spell out the dependencies. A selection always applies to <see cref="Candidates"/>,
    /// so applying one to a plan that already has one replaces it.
    /// </remarks>
    /// <exception cref="PlanSelectionException">An id is not a node of the pipeline or not a candidate; the message lists every one with why.</exception>
    public IterationPlan WithSelection(IReadOnlyList<string> selected)
    {
        ArgumentNullException.ThrowIfNull(selected);
        var unknown = new List<string>();
        var notCandidates = new List<string>();
        var problems = new List<string>();
        var picked = new List<int>(selected.Count);
        var isSelected = new bool[_graph.Count];
        foreach (var id in selected)
        {
            if (id is null || !_graph.TryGetIndex(id, out var v))
            {
                if (unknown.Contains(id ?? "null")) continue;
                unknown.Add(id ?? "null");
                problems.Add(id is null ? "null (not a node id)" : $"'{id}' (no such node)");
            }
            else if (_candidateAt[v] is null)
            {
                if (notCandidates.Contains(id)) continue;
                notCandidates.Add(id);
                problems.Add($"'{id}' ({_filteredAt[v]?.Reason ?? "not a candidate"})");
            }
            else if (!isSelected[v])
            {
                isSelected[v] = true;
                picked.Add(v);
            }
        }
        if (problems.Count > 0)
            throw new PlanSelectionException(
                $"the selection names {(problems.Count == 1 ? "a node that is not a candidate" : $"{problems.Count} nodes that are not candidates")} of iteration {Iteration}: {string.Join("; ", problems)}",
                unknown, notCandidates);

        var chosen = new List<PlannedCandidate>(picked.Count);
        var inChosen = new bool[_graph.Count];
        var needed = new List<int>();
        var stack = new Stack<int>();
        foreach (var v in picked)
        {
            needed.Clear();
            stack.Push(v);
            while (stack.Count > 0)
                foreach (var u in _graph.DependenciesOf(stack.Pop()))
                {
                    if (_candidateAt[u] is null || isSelected[u] || inChosen[u]) continue;
                    inChosen[u] = true;
                    needed.Add(u);
                    stack.Push(u);
                }
            needed.Sort((a, b) => _rank[a].CompareTo(_rank[b]));
            foreach (var u in needed) chosen.Add(_candidateAt[u]! with { NeededBy = _graph.IdOf(v) });
            inChosen[v] = true;
            chosen.Add(_candidateAt[v]!);
        }

        var filtered = new List<FilteredNode>(_graph.Count - chosen.Count);
        for (var v = 0; v < _graph.Count; v++)
        {
            if (_filteredAt[v] is { } node) filtered.Add(node);
            else if (!inChosen[v]) filtered.Add(new FilteredNode(_graph.IdOf(v), FilterKind.NotSelected, NotSelectedReason));
        }
        return new IterationPlan(this, chosen, filtered);
    }

    /// <summary>The plan as plain data for the event log, the report and <c>sessions show</c>.</summary>
    public PlanAnalytics ToAnalytics()
    {
        var rankOf = new Dictionary<string, int>(Candidates.Count, StringComparer.Ordinal);
        var candidates = new List<CandidateAnalytics>(Candidates.Count);
        for (var i = 0; i < Candidates.Count; i++)
        {
            var c = Candidates[i];
            rankOf[c.NodeId] = i + 1;
            candidates.Add(new CandidateAnalytics(
                c.NodeId, i + 1, c.Score, c.Cause.ToString(), c.CauseText, c.Attempt, c.Terms,
                c.Chain.TotalSeconds, c.Duration.TotalSeconds, c.DurationSource.ToString(),
                c.TransitiveDependants, c.OnCriticalPath, c.Reason));
        }
        var chosen = Chosen.Select(c => new ChosenAnalytics(
            c.NodeId,
            c.NeededBy is { } by ? $"needed by {by}"
            : SelectionApplied ? "selected by rules.select"
            : $"candidate {rankOf[c.NodeId]} of {Candidates.Count} by score")).ToArray();
        var filtered = Filtered.Select(f => new FilteredAnalytics(f.NodeId, f.Kind.ToString(), f.Reason, f.BlockedBy)).ToArray();
        return new PlanAnalytics(
            Iteration, PlannedAt, candidates, chosen, filtered, CriticalPath,
            CriticalPathDuration.TotalSeconds, Cycles, NextEligibleAt, SelectionApplied);
    }
}
