using Orchestrator.Engine.Nodes;
using Serilog;

namespace Orchestrator.Engine.Dataflow;

/// <summary>
/// The bookkeeping of one <see cref="ExecutionRequest"/> while it flows through the network: how
/// many dependencies each node still waits for, the results so far, and the outcomes. Only the
/// collector (MaxDegreeOfParallelism = 1) changes it after start, so it needs no locks.
/// </summary>
internal sealed class Execution
{
    private readonly DataflowNetwork _network;
    private readonly ExecutionRequest _request;
    private readonly bool[] _inRun;
    private readonly int[] _waitingFor;
    private readonly ActionOutcome?[] _outcomes;
    private readonly Dictionary<string, NodeResult> _results;
    private readonly TaskCompletionSource<ExecutionReport> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DateTimeOffset _startedAt;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private int _unresolved;

    public CancellationToken CancellationToken { get; }
    public Task<ExecutionReport> Completion => _done.Task;

    public Execution(DataflowNetwork network, ExecutionRequest request, CancellationToken ct)
    {
        _network = network;
        _request = request;
        CancellationToken = ct;
        _startedAt = network.Time.GetUtcNow();
        var count = network.Nodes.Count;
        _inRun = new bool[count];
        _waitingFor = new int[count];
        _outcomes = new ActionOutcome?[count];
        _results = new Dictionary<string, NodeResult>(request.PriorResults, StringComparer.Ordinal);

        if (request.Nodes is null)
            Array.Fill(_inRun, true);
        else
            foreach (var id in request.Nodes)
                _inRun[network.IndexOf(id)] = true;
    }

    /// <summary>
    /// Resolves what can be resolved before anything runs and returns the first requests to post.
    /// Called once, before any request of this execution is in the network.
    /// </summary>
    public List<ActionRequest> Start()
    {
        var ready = new List<ActionRequest>();
        var nodes = _network.Nodes;
        for (var i = 0; i < nodes.Count; i++)
        {
            if (!_inRun[i]) continue;
            _unresolved++;
            foreach (var dep in _network.Graph.DependenciesOf(i))
            {
                if (_inRun[dep]) _waitingFor[i]++;
            }
        }
        for (var i = 0; i < nodes.Count; i++)
        {
            if (!_inRun[i] || _outcomes[i] is not null) continue;
            var missing = MissingOutsideDependency(i);
            if (missing is not null)
                ResolveWithoutRunning(i, ActionStatus.Skipped, $"dependency '{missing}' has no result and is not part of this run");
            else if (_waitingFor[i] == 0)
                ready.Add(RequestFor(i));
        }
        if (_unresolved == 0) Finish();
        return ready;
    }

    /// <summary>Records an outcome and returns the requests it made ready. Collector thread only.</summary>
    public List<ActionRequest> Apply(ActionOutcome outcome)
    {
        var ready = new List<ActionRequest>();
        var index = outcome.NodeIndex;
        if (_outcomes[index] is not null) return ready; // already resolved (e.g. skipped); cannot happen for posted nodes
        Resolve(index, outcome);

        if (outcome.Status == ActionStatus.Succeeded)
        {
            _results[outcome.NodeId] = outcome.Result!;
            foreach (var dependant in _network.Graph.DependantsOf(index))
            {
                if (!_inRun[dependant] || _outcomes[dependant] is not null) continue;
                if (--_waitingFor[dependant] > 0) continue;
                if (CancellationToken.IsCancellationRequested)
                    CancelWithDependants(dependant);
                else
                    ready.Add(RequestFor(dependant));
            }
        }
        else
        {
            var reason = $"dependency '{outcome.NodeId}' ended {outcome.Status}";
            foreach (var dependant in _network.Graph.TransitiveDependants(index))
                if (_inRun[dependant] && _outcomes[dependant] is null)
                    ResolveWithoutRunning(dependant, ActionStatus.Skipped, reason);
        }

        if (_unresolved == 0) Finish();
        return ready;
    }

    /// <summary>
    /// Resolves a node that became ready after cancellation as Cancelled, and everything in the run that waits on
    /// it as well: nothing else would ever resolve them, and the execution would never complete.
    /// </summary>
    private void CancelWithDependants(int index)
    {
        ResolveWithoutRunning(index, ActionStatus.Cancelled, "the run was cancelled");
        foreach (var dependant in _network.Graph.TransitiveDependants(index))
            if (_inRun[dependant] && _outcomes[dependant] is null)
                ResolveWithoutRunning(dependant, ActionStatus.Cancelled, "the run was cancelled");
    }

    public NodeContext CreateContext(ActionRequest request, int attempt, ILogger log)
    {
        // Each context gets its own copy of its dependencies' results: the collector keeps adding to
        // _results while nodes run, and a node must see a fixed input.
        var deps = _network.Graph.DependenciesOf(request.NodeIndex);
        var upstream = new Dictionary<string, NodeResult>(deps.Length, StringComparer.Ordinal);
        foreach (var dep in deps)
        {
            var id = _network.Nodes[dep].Id;
            if (_results.TryGetValue(id, out var r)) upstream[id] = r;
        }
        return new NodeContext
        {
            SessionId = request.SessionId,
            Iteration = request.Iteration,
            Attempt = attempt,
            Subject = _request.Subject,
            Requirements = _request.Requirements,
            Upstream = upstream,
            Log = log,
        };
    }

    private string? MissingOutsideDependency(int index)
    {
        foreach (var dep in _network.Graph.DependenciesOf(index))
        {
            if (_inRun[dep]) continue;
            var id = _network.Nodes[dep].Id;
            if (!_results.ContainsKey(id)) return id;
        }
        return null;
    }

    private ActionRequest RequestFor(int index) =>
        new(_request.SessionId, _network.Nodes[index].Id, _request.Iteration) { Execution = this, NodeIndex = index };

    private void ResolveWithoutRunning(int index, ActionStatus status, string reason)
    {
        var outcome = new ActionOutcome
        {
            SessionId = _request.SessionId,
            NodeId = _network.Nodes[index].Id,
            Iteration = _request.Iteration,
            Status = status,
            Error = new ActionError(status.ToString(), reason),
            Attempts = 0,
            StartedAt = _network.Time.GetUtcNow(),
            Duration = TimeSpan.Zero,
            Execution = this,
            NodeIndex = index,
        };
        Resolve(index, outcome);
        _network.Observer?.ActionCompleted(outcome);
    }

    private void Resolve(int index, ActionOutcome outcome)
    {
        _outcomes[index] = outcome;
        _unresolved--;
        _network.Statistics[index].Record(outcome);
        if (_request.OnOutcome is { } onOutcome)
        {
            try
            {
                onOutcome(outcome);
            }
            catch (Exception ex)
            {
                _network.Log.Error(ex, "OnOutcome of session {Session} failed on {Node}", outcome.SessionId, outcome.NodeId);
            }
        }
    }

    private void Finish()
    {
        var outcomes = new List<ActionOutcome>();
        foreach (var o in _outcomes)
            if (o is not null) outcomes.Add(o);
        _done.TrySetResult(new ExecutionReport(_request.SessionId, _request.Iteration, outcomes, _startedAt, _clock.Elapsed));
    }
}
