using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts;

namespace Orchestrator.Server.Tests;

/// <summary>
/// Holds one node of every session a test server runs until the test opens it: the novel node types, registered
/// through <see cref="ServerOptions.NodeTypes"/>, with the node named <see cref="NodeId"/> waiting at this gate before it
/// runs. A test then knows a session is running, and what it has and has not published yet, without timing anything.
/// The wait ends with the session's token too, so a cancel or a server stop still checkpoints it.
/// </summary>
internal sealed class NodeGate(string nodeId)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public string NodeId { get; } = nodeId;

    /// <summary>Completes when a session's gated node first comes to the gate (its upstream nodes have finished).</summary>
    public Task Reached => _reached.Task;

    /// <summary>Lets every waiting and later run of the node through.</summary>
    public void Open() => _opened.TrySetResult();

    /// <summary>Waits (bounded, so a test never hangs) until a session's gated node is at the gate.</summary>
    public Task WaitReachedAsync() => Reached.WaitAsync(Limit);

    /// <summary>For <see cref="ServerOptions.NodeTypes"/>.</summary>
    public NodeRegistry NodeTypes(string pipelinePath, PipelineDefinition? definition)
    {
        var novel = NovelNodeTypes.CreateRegistry();
        var registry = new NodeRegistry();
        foreach (var type in novel.KnownTypes)
            registry.Register(type, d => d.Id == NodeId ? new GatedNode(d, novel.Create(d), this) : novel.Create(d), novel.DescriptionOf(type));
        return registry;
    }

    public ServerOptions Options(ServerOptions? options = null) => (options ?? ServerHost.NewOptions()) with { NodeTypes = NodeTypes };

    internal async Task PassAsync(CancellationToken cancellationToken)
    {
        _reached.TrySetResult();
        await _opened.Task.WaitAsync(cancellationToken);
    }
}
