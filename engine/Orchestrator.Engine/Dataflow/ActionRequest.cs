namespace Orchestrator.Engine.Dataflow;

/// <summary>
/// The message posted to a node's block: run this node for this execution. Small and immutable;
/// the execution it belongs to carries the subject and the results of upstream nodes, which is
/// what lets many sessions share one network.
/// </summary>
public sealed record ActionRequest(string SessionId, string NodeId, int Iteration)
{
    internal Execution Execution { get; init; } = null!;
    internal int NodeIndex { get; init; }
}
