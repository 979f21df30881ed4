using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Tests.Dataflow;

/// <summary>A node whose behaviour each test writes as a delegate.</summary>
internal sealed class ScriptedNode(NodeDefinition definition, Func<NodeContext, CancellationToken, Task<NodeResult>> run)
    : WorkflowNode(definition)
{
    public override Task<NodeResult> RunAsync(NodeContext context, CancellationToken cancellationToken) => run(context, cancellationToken);
}

/// <summary>Builds pipelines of scripted nodes in code for the dataflow tests.</summary>
internal sealed class ScriptedPipeline
{
    private readonly List<NodeDefinition> _nodes = [];
    private readonly Dictionary<string, Func<NodeContext, CancellationToken, Task<NodeResult>>> _behaviour = [];

    public PipelineSettings Settings { get; set; } = new() { RetryBackoff = TimeSpan.FromMilliseconds(5), MaxConcurrentActions = 16 };

    public ScriptedPipeline Node(string id, Func<NodeContext, CancellationToken, Task<NodeResult>> run,
        string[]? dependsOn = null, int parallelism = 1, TimeSpan? timeout = null, int? retries = null)
    {
        _nodes.Add(new NodeDefinition
        {
            Id = id, Type = "scripted", DependsOn = dependsOn ?? [], Parallelism = parallelism, Timeout = timeout, Retries = retries,
        });
        _behaviour[id] = run;
        return this;
    }

    public ScriptedPipeline Ok(string id, double score = 0.5, params string[] dependsOn) =>
        Node(id, (_, _) => Task.FromResult(new NodeResult { Score = score }), dependsOn);

    public PipelineDefinition Definition => new() { Name = "test", Nodes = _nodes.ToArray(), Settings = Settings };

    public NodeRegistry Registry => new NodeRegistry().Register("scripted", d => new ScriptedNode(d, _behaviour[d.Id]));

    public static ExecutionRequestBuilder Request(string session = "s1") => new(session);
}

internal sealed record ExecutionRequestBuilder(string Session)
{
    public Orchestrator.Engine.Dataflow.ExecutionRequest Build(IReadOnlyCollection<string>? nodes = null) =>
        new() { SessionId = Session, Subject = "subject", Nodes = nodes };
}
