using Orchestrator.Engine.Nodes;

namespace Orchestrator.Engine.Dataflow;

/// <summary>One pass of a session through the network: which nodes to run, on what.</summary>
public sealed record ExecutionRequest
{
    public required string SessionId { get; init; }
    public int Iteration { get; init; } = 1;
    public required object Subject { get; init; }
    public object? Requirements { get; init; }

    /// <summary>Nodes to run; null runs every node of the pipeline.</summary>
    public IReadOnlyCollection<string>? Nodes { get; init; }

    /// <summary>
    /// Results already known (earlier iterations, or a resumed session). A dependency with a prior
    /// result counts as done, so only what is asked for runs.
    /// </summary>
    public IReadOnlyDictionary<string, NodeResult> PriorResults { get; init; } = new Dictionary<string, NodeResult>();

    /// <summary>
    /// Called once per outcome of this execution, as soon as it is known and one at a time (on the network's
    /// collector, or on the caller's thread for nodes resolved before anything runs): the place to persist
    /// state after every outcome. It must be quick and must not throw (an exception is logged and dropped);
    /// it holds up the outcomes of every session sharing the network while it runs.
    /// </summary>
    public Action<ActionOutcome>? OnOutcome { get; init; }
}
