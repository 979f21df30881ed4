using System.Diagnostics;
using System.Text.Json;
using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.Events;
using Orchestrator.Engine.Iteration;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Quality;
using Orchestrator.Engine.Scripting;
using Orchestrator.Engine.State;
using Serilog;

namespace Orchestrator.Engine.Sessions;

/// <summary>One session while a <see cref="SessionLoop"/> drives it: its state, its history, and the iteration loop.</summary>
internal sealed class SessionDriver
{
    private readonly SessionLoop _loop;
    private readonly SessionRun _run;
    private readonly PipelineDefinition _pipeline;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _activeBefore;
    private readonly PlanningOptions _planning;
    private readonly IterationOptions _iterationOptions;
    private readonly List<IterationMetrics> _history;
    private readonly List<PlanAnalytics> _decisions = [];
    private readonly List<EscalationDecision> _escalations = [];
    private readonly List<RevisionRecord> _revisions = [];
    private readonly Dictionary<string, NodeResult> _results;
    private IReadOnlyList<RetrySuggestion> _suggestions = [];
    private IReadOnlyDictionary<string, NodeOverrides> _overrides = new Dictionary<string, NodeOverrides>();
    private IReadOnlyDictionary<string, string> _reruns = new Dictionary<string, string>();
    private DataflowNetwork? _ownNetwork;
    private SessionSubject _subject;
    private SessionState _state;
    private readonly SessionWrites _journal;

    public SessionDriver(SessionLoop loop, SessionRun run)
    {
        _loop = loop;
        _run = run;
        _pipeline = loop.Network.Pipeline;
        _time = loop.Network.Options.TimeProvider;
        _log = loop.Network.Options.Logger.ForContext("Session", run.State.SessionId);
        _subject = run.Subject;
        _state = run.State;
        _journal = new SessionWrites(run.Journal,
            run.Events ?? SessionEventStream.LogOnly(run.State.SessionId, run.LastEventSequence, run.Journal is { } journal ? journal.Append : null));
        _activeBefore = run.State.ActiveDuration;
        var settings = _pipeline.Settings;
        _planning = new PlanningOptions { MaxActionFailures = settings.MaxActionFailures, CascadeReruns = settings.CascadeReruns };
        _iterationOptions = new IterationOptions { PlateauEpsilon = settings.PlateauEpsilon, PlateauIterations = settings.PlateauIterations };
        _history = run.State.Iterations.Select(r => r.ToMetrics()).ToList();
        _results = new Dictionary<string, NodeResult>(run.State.SucceededResults(), StringComparer.Ordinal);
        if (_subject.Hash != _state.CurrentSubjectHash)
            throw new ArgumentException(
                $"the subject's hash {_subject.Hash} is not the one session {_state.SessionId} analyses ({_state.CurrentSubjectHash})", nameof(run));
        // A pipeline node the state does not know yet (the pipeline gained one since) starts Pending.
        foreach (var node in _pipeline.Nodes)
            if (_state.FindNode(node.Id) is null) _state = _state.WithNode(NodeState.Pending(node.Id));
        if (_state.Strategy is { } strategy) RestoreStrategy(strategy);
    }

    /// <summary>
    /// A resumed session goes on with the strategy its last finished iteration chose (overrides change node
    /// inputs, so without them escalated results would count as stale), and keeps its suggestions and escalations.
    /// </summary>
    private void RestoreStrategy(StrategyState strategy)
    {
        _overrides = strategy.ToOverrides().Where(p => _pipeline.FindNode(p.Key) is not null)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        _reruns = strategy.ToReruns().Where(p => _pipeline.FindNode(p.Key) is not null)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        _suggestions = strategy.ToSuggestions();
        _escalations.AddRange(strategy.ToEscalations());
        if (_overrides.Count > 0)
            _ownNetwork = DataflowNetwork.Compile(NodeOverrides.ApplyTo(_pipeline, _overrides), _loop.Registry, _loop.Network.Options);
    }

    private DataflowNetwork Network => _ownNetwork ?? _loop.Network;

    public async Task<SessionResult> RunAsync(CancellationToken ct)
    {
        try
        {
            return await RunToStopAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            // Whatever ended the session, what it handed the journal is on disk before the caller goes on.
            await _journal.FlushAsync().ConfigureAwait(false);
        }
    }

    private async Task<SessionResult> RunToStopAsync(CancellationToken ct)
    {
        var resumed = _state.Iteration > 0 || _history.Count > 0;
        _state = _state with { Status = SessionStateStatus.Running, StopReason = null, StopCode = null };
        Save();
        if (resumed)
            Append(SessionEventKind.Resume, details: $"resumed at iteration {_history.Count + 1} with {_results.Count} node result(s) kept");
        else
            Append(SessionEventKind.Started, details: $"{_pipeline.Nodes.Count} node(s), pipeline {_pipeline.Name}");

        SessionStatus status;
        string stopMessage;
        StopReason? stopCode = null;
        Exception? failure = null;
        try
        {
            (status, stopMessage, stopCode) = await IterateAsync(ct).ConfigureAwait(false);
        }
        catch (RuleEvaluationException ex)
        {
            (status, stopMessage, failure) = (SessionStatus.Failed, ex.Message, ex);
            Append(SessionEventKind.Error, status: nameof(RuleEvaluationException), details: ex.Message);
            _log.Error("Session {Session} stopped: {Reason}", _state.SessionId, ex.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            (status, stopMessage) = (SessionStatus.Cancelled, "cancelled before the session finished; resume it to go on");
        }
        finally
        {
            if (_ownNetwork is not null) await _ownNetwork.DisposeAsync().ConfigureAwait(false);
        }
        if (status is SessionStatus.Completed or SessionStatus.CompletedWithErrors && ct.IsCancellationRequested && !AllSucceeded())
            (status, stopMessage) = (SessionStatus.Cancelled, "cancelled before the session finished; resume it to go on");

        _state = _state with
        {
            Status = status.ToStateStatus(),
            StopReason = stopMessage,
            StopCode = stopCode?.ToString(),
            // Nodes dispatched but never finished (a rule failed mid-way, or cancellation) are not Running any more.
            Nodes = _state.Nodes.Select(n => n.Status == NodeRunStatus.Running ? n with { Status = NodeRunStatus.Cancelled } : n).ToArray(),
        };
        Save();
        Checkpoint();
        Append(SessionEventKind.Stop, status: stopCode?.ToString() ?? status.ToString(), details: stopMessage);
        await _journal.FlushAsync().ConfigureAwait(false);
        _journal.ThrowIfFailed(_state.SessionId);
        return Result(status, stopMessage, stopCode, failure);
    }

    private async Task<(SessionStatus, string, StopReason?)> IterateAsync(CancellationToken ct)
    {
        var iteration = _history.Count + 1;
        if (UnfinishedIteration(iteration) is { } remaining)
        {
            // The iteration the session was cut in: finish it as the uninterrupted run would have, running only
            // what it dispatched and got no outcome for (a node that failed in it is not retried in it).
            Append(SessionEventKind.Decision, iteration: iteration, status: "Resumed",
                details: $"finishing iteration {iteration}: {(remaining.Count == 0 ? "every dispatched node has its outcome" : "re-running " + string.Join(", ", remaining))}");
            await RunIterationAsync(iteration, remaining, _state.Dispatched, plan: null, ct).ConfigureAwait(false);
            if (ct.IsCancellationRequested) return (SessionStatus.Cancelled, "cancelled before the session finished; resume it to go on", null);
            iteration++;
        }
        var plan = await PlanAsync(iteration, ct).ConfigureAwait(false);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (_history.Count > 0)
            {
                var decision = IterationController.Evaluate(new IterationFacts
                {
                    Iteration = iteration - 1,
                    Settings = _pipeline.Settings,
                    SessionStartedAt = _time.GetUtcNow() - Active,
                    Now = _time.GetUtcNow(),
                    History = _history,
                    NextPlan = plan,
                    Rule = await StopVerdictAsync(iteration - 1, plan, ct).ConfigureAwait(false),
                    Options = _iterationOptions,
                });
                if (decision.Stop) return (FinalStatus(), decision.Message, decision.Reason);
            }
            else if (plan.Cycles.Count > 0)
            {
                return (SessionStatus.Failed, $"circular dependency at plan time: {string.Join("; ", plan.Cycles)}; fix dependsOn in the pipeline", StopReason.CircularDependency);
            }
            else if (plan.IsEmpty && plan.NextEligibleAt is null)
            {
                var why = plan.Candidates.Count > 0
                    ? $"rules.select chose none of the {plan.Candidates.Count} candidate(s) for iteration 1"
                    : "nothing to run: every node is up to date or cannot run";
                return (FinalStatus(), why, StopReason.NothingToRun);
            }

            if (plan.IsEmpty)
            {
                // Only action spacing holds nodes back: wait until the first may launch, then plan again.
                var wait = plan.NextEligibleAt!.Value - _time.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, ct).ConfigureAwait(false);
                plan = await PlanAsync(iteration, ct).ConfigureAwait(false);
                continue;
            }

            await RunIterationAsync(iteration, plan.ChosenIds, plan.ChosenIds, plan, ct).ConfigureAwait(false);
            if (ct.IsCancellationRequested) return (SessionStatus.Cancelled, "cancelled before the session finished; resume it to go on", null);
            iteration++;
            plan = await PlanAsync(iteration, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The nodes left to run of <paramref name="iteration"/> when the state says it was dispatched but not recorded
    /// (the session was cut in it), or null when it was not begun or what finished in it no longer stands (the
    /// input or the pipeline changed since: plan afresh).
    /// </summary>
    private List<string>? UnfinishedIteration(int iteration)
    {
        if (_state.Dispatched.Count == 0 || _state.Iteration != iteration) return null;
        var dispatched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in _state.Dispatched)
            if (_pipeline.FindNode(id) is null) return null;
            else dispatched.Add(id);
        var hashes = InputHashes();
        var remaining = new List<string>();
        foreach (var index in _loop.Network.Graph.TopologicalOrder())
        {
            var definition = _pipeline.Nodes[index];
            if (!dispatched.Contains(definition.Id)) continue;
            var node = _state.FindNode(definition.Id);
            // A node skipped because a dependency of this iteration did not finish (a stop cancelled it) was never
            // really decided: it runs with that dependency, as it would have.
            if (node is null || node.Status is NodeRunStatus.Pending or NodeRunStatus.Running or NodeRunStatus.Cancelled
                || node.Status == NodeRunStatus.Skipped && definition.DependsOn.Any(remaining.Contains))
                remaining.Add(definition.Id);
            else if (node.Status == NodeRunStatus.Succeeded && node.SucceededInputHash != hashes.GetValueOrDefault(definition.Id))
                return null;
        }
        return remaining;
    }

    /// <param name="chosen">The nodes to run now.</param>
    /// <param name="dispatched">Every node of the iteration: <paramref name="chosen"/>, or when finishing a cut iteration, what it first dispatched.</param>
    /// <param name="plan">The iteration's plan; null when finishing a cut iteration.</param>
    private async Task RunIterationAsync(int iteration, IReadOnlyList<string> chosen, IReadOnlyList<string> dispatched,
        IterationPlan? plan, CancellationToken ct)
    {
        var hashes = InputHashes();
        var now = _time.GetUtcNow();
        var state = _state with { Iteration = Math.Max(_state.Iteration, iteration), UpdatedAt = now, Dispatched = dispatched.ToArray() };
        foreach (var id in chosen)
            state = state.WithNode((state.FindNode(id) ?? NodeState.Pending(id)) with { Status = NodeRunStatus.Running, StartedAt = now });
        _state = state;
        Save();
        _log.Information("Iteration {Iteration}: running {Nodes}", iteration, string.Join(", ", chosen));

        // Outcomes of nodes that finished in this iteration before a cut count in its figures as if this process had seen them.
        var finishedBefore = plan is null ? StateOutcomes.FinishedBefore(_state, iteration, chosen, dispatched) : [];
        // Edits of nodes that finished in this iteration before a cut count as if this process had seen them.
        var edits = new List<NodeEdits>();
        foreach (var id in dispatched)
            if (!chosen.Contains(id) && _state.FindNode(id) is { Status: NodeRunStatus.Succeeded, Result.Edits.Count: > 0 } done
                && done.SucceededIteration == iteration)
                edits.Add(new NodeEdits(id, done.Result!.ToNodeResult().Edits));
        var report = await Network.ExecuteAsync(new ExecutionRequest
        {
            SessionId = _state.SessionId,
            Iteration = iteration,
            Subject = _subject.Value,
            Requirements = _run.Requirements,
            Nodes = chosen,
            PriorResults = new Dictionary<string, NodeResult>(_results, StringComparer.Ordinal),
            // On the collector, one outcome at a time: the loop itself awaits the execution meanwhile.
            OnOutcome = outcome =>
            {
                var at = _time.GetUtcNow();
                _state = _state.WithOutcome(outcome, at, hashes.GetValueOrDefault(outcome.NodeId));
                if (outcome is { Status: ActionStatus.Succeeded, Result: { } result })
                {
                    _results[outcome.NodeId] = result;
                    if (result.Edits.Count > 0) edits.Add(new NodeEdits(outcome.NodeId, result.Edits));
                }
                else
                {
                    // It re-ran because its input changed, or it keeps failing: its last result is stale either way.
                    _results.Remove(outcome.NodeId);
                }
                Save();
                Append(SessionEvent.FromOutcome(outcome, at));
            },
        }, ct).ConfigureAwait(false);
        _journal.ThrowIfFailed(_state.SessionId);
        if (ct.IsCancellationRequested)
        {
            // An interrupted iteration is not a finished one: it stays dispatched, and a resume finishes this same
            // iteration with what it lacks, so the session counts the same iterations as an uninterrupted run.
            Save();
            return;
        }

        var quality = QualityCalculator.Calculate(_pipeline, SucceededResults());
        var whole = finishedBefore.Count == 0 ? report : report with { Outcomes = [.. finishedBefore, .. report.Outcomes] };
        var metrics = IterationMetrics.From(whole, quality.Overall, _history.Count > 0 ? _history[^1] : null, plan);
        if (plan is null && _run.EarlierDecisions.LastOrDefault(d => d.Iteration == iteration) is { } earlierPlan)
            metrics = metrics with { RetriedActions = RetriedActions(earlierPlan) };
        _history.Add(metrics);
        _state = _state.WithQuality(iteration, quality, _time.GetUtcNow()) with
        {
            Iterations = _state.Iterations.Where(r => r.Iteration != iteration).Append(IterationRecord.From(metrics)).ToArray(),
            Dispatched = [],
        };
        Append(new SessionEvent
        {
            Time = _time.GetUtcNow(), Kind = SessionEventKind.Iteration, Session = _state.SessionId, Iteration = iteration,
            Quality = metrics.Quality, Delta = metrics.QualityDelta, Details = JsonSerializer.Serialize(metrics, DecisionLogJsonContext.Default.IterationMetrics),
        });

        await ApplyStrategyAsync().ConfigureAwait(false);
        if (edits.Count > 0)
        {
            var graph = _loop.Network.Graph;
            edits.Sort((a, b) => graph.TryGetIndex(a.NodeId, out var x) && graph.TryGetIndex(b.NodeId, out var y) ? x.CompareTo(y) : 0);
            var before = _subject.Hash;
            _subject = _subject.Revise(edits);
            if (_subject.Hash != before)
            {
                _revisions.Add(new RevisionRecord(iteration, before, _subject.Hash, edits));
                _state = _state with { SubjectHash = _subject.Hash == _state.InputHash ? null : _subject.Hash };
                _log.Information("Iteration {Iteration} revised the subject: {Count} edit(s)", iteration, edits.Sum(e => e.Edits.Count));
            }
        }
        Save();
        Checkpoint();
    }

    /// <summary>How many of the plan's chosen nodes were retries of an earlier failure (as <see cref="IterationMetrics.From"/> counts them from a plan).</summary>
    private static int RetriedActions(PlanAnalytics plan) =>
        plan.Candidates.Count(c => c.Cause == nameof(CandidateCause.Retry) && plan.Chosen.Any(x => x.Node == c.Node));

    private async Task ApplyStrategyAsync()
    {
        var strategy = IterationController.PlanStrategy(new StrategyInput
        {
            Pipeline = _pipeline,
            Nodes = PlanningStates(InputHashes()),
            Overrides = _overrides,
            Planning = _planning,
            Size = _run.Size,
        });
        _escalations.AddRange(strategy.Escalations);
        _suggestions = strategy.Suggestions;
        _reruns = strategy.RerunRequests;
        foreach (var e in strategy.Escalations)
            Append(SessionEventKind.Decision, node: e.NodeId, status: e.Kind.ToString(), details: e.Reason);
        if (!SameOverrides(_overrides, strategy.Overrides))
        {
            _overrides = strategy.Overrides;
            if (_ownNetwork is not null) await _ownNetwork.DisposeAsync().ConfigureAwait(false);
            _ownNetwork = _overrides.Count == 0
                ? null
                : DataflowNetwork.Compile(NodeOverrides.ApplyTo(_pipeline, _overrides), _loop.Registry, _loop.Network.Options);
        }
        _state = _state with { Strategy = StrategyState.From(_overrides, _reruns, _suggestions, _escalations) };
    }

    private static bool SameOverrides(IReadOnlyDictionary<string, NodeOverrides> a, IReadOnlyDictionary<string, NodeOverrides> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var o) && Equals(o, p.Value));

    private async Task<IterationPlan> PlanAsync(int iteration, CancellationToken ct)
    {
        var plan = DecisionEngine.Plan(new PlanningInput
        {
            Pipeline = _pipeline,
            Graph = _loop.Network.Graph,
            Iteration = iteration,
            Nodes = PlanningStates(InputHashes()),
            Now = _time.GetUtcNow(),
            Options = _planning,
            RerunRequests = _reruns,
        });
        if (_run.Rules.Select is { } select && plan.Candidates.Count > 0)
        {
            // On a rule worker: a rule stuck in a library call costs its budget, never the session.
            var ids = await select.EvaluateAsync(Globals(iteration, plan), ct).ConfigureAwait(false);
            plan = plan.WithSelection(ids);
        }
        var analytics = plan.ToAnalytics();
        _decisions.Add(analytics);
        Append(SessionEventKind.Decision, iteration: iteration, details: JsonSerializer.Serialize(analytics, DecisionLogJsonContext.Default.PlanAnalytics));
        return plan;
    }

    private async Task<RuleStopVerdict?> StopVerdictAsync(int iteration, IterationPlan next, CancellationToken ct) =>
        _run.Rules.Stop is { } stop ? new RuleStopVerdict(stop.Name, await stop.EvaluateAsync(Globals(iteration, next), ct).ConfigureAwait(false)) : null;

    private RuleGlobals Globals(int iteration, IterationPlan plan)
    {
        var engine = SessionRuleGlobals.Of(_pipeline, _state, plan, iteration, _history, Active);
        return _run.DecorateGlobals is { } decorate ? decorate(engine) : engine;
    }

    private Dictionary<string, string> InputHashes() =>
        NodeInputHashes.Of(_overrides.Count == 0 ? _pipeline : NodeOverrides.ApplyTo(_pipeline, _overrides), _loop.Network, _subject.Hash);

    private List<NodePlanningState> PlanningStates(Dictionary<string, string> hashes)
    {
        var states = new List<NodePlanningState>(_pipeline.Nodes.Count);
        foreach (var definition in _pipeline.Nodes)
        {
            var node = _state.FindNode(definition.Id);
            if (node is null) continue;
            states.Add(new NodePlanningState
            {
                NodeId = node.NodeId,
                Status = NodeState.ToActionStatus(node.Status),
                Actions = node.Actions,
                Failures = node.Failures,
                LastError = node.LastError is { } e ? new ActionError(e.Type, e.Message) : null,
                ObservedDuration = node.Status is NodeRunStatus.Succeeded or NodeRunStatus.TimedOut ? node.Duration : null,
                Score = node.Result?.Score,
                SucceededInputHash = node.SucceededInputHash,
                CurrentInputHash = hashes.GetValueOrDefault(node.NodeId),
                LastLaunchedAt = node.StartedAt,
            });
        }
        return states;
    }


    /// <summary>The results of the nodes that stand Succeeded now, in pipeline order.</summary>
    private Dictionary<string, NodeResult> SucceededResults() => _pipeline.Nodes
        .Where(n => _state.FindNode(n.Id)?.Status == NodeRunStatus.Succeeded && _results.ContainsKey(n.Id))
        .ToDictionary(n => n.Id, n => _results[n.Id], StringComparer.Ordinal);

    private bool AllSucceeded() => _pipeline.Nodes.All(n => _state.FindNode(n.Id)?.Status == NodeRunStatus.Succeeded);

    /// <summary>
    /// Completed unless a node ended without success; nodes never chosen (a select rule left them out) are not
    /// errors, nor did anything go wrong with them.
    /// </summary>
    private SessionStatus FinalStatus() =>
        _pipeline.Nodes.All(n => _state.FindNode(n.Id)?.Status is null or NodeRunStatus.Succeeded or NodeRunStatus.Pending)
            ? SessionStatus.Completed
            : SessionStatus.CompletedWithErrors;

    private TimeSpan Active => _activeBefore + _clock.Elapsed;

    private void Save()
    {
        if (_run.Journal is null) return;
        _state = _state with { ActiveDuration = Active };
        _journal.Save(_state);
    }

    private void Checkpoint()
    {
        _journal.Checkpoint(_state);
        if (_run.Journal is not null) Append(SessionEventKind.Checkpoint, iteration: _state.Iteration, status: _state.Status.ToString());
    }

    private void Append(SessionEventKind kind, int? iteration = null, string? node = null, string? status = null, string? details = null) =>
        _journal.Publish(new SessionEvent
        {
            Time = _time.GetUtcNow(), Kind = kind, Session = _state.SessionId,
            Iteration = iteration, Node = node, Status = status, Details = details,
        });

    private void Append(SessionEvent e) => _journal.Publish(e);

    private SessionResult Result(SessionStatus status, string stopMessage, StopReason? stopCode, Exception? failure)
    {
        var results = SucceededResults();
        return new SessionResult
        {
            SessionId = _state.SessionId,
            Status = status,
            Iterations = _history.Count,
            StopReason = stopMessage,
            StopCode = stopCode,
            Outcomes = StateOutcomes.Latest(_pipeline, _state, results),
            Results = results,
            Quality = QualityCalculator.Calculate(_pipeline, results),
            StartedAt = _state.CreatedAt,
            Duration = Active,
            History = _history.ToArray(),
            Decisions = DecisionLog.Merge(_run.EarlierDecisions, _decisions),
            NodeStatistics = StateOutcomes.Statistics(_pipeline, _state),
            Suggestions = _suggestions,
            Escalations = _escalations.ToArray(),
            Revisions = _revisions.ToArray(),
            Failure = failure,
            State = _state,
        };
    }
}
