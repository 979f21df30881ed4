using System.Threading.Tasks.Dataflow;
using Orchestrator.Engine.Graph;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Serilog;

namespace Orchestrator.Engine.Dataflow;

/// <summary>
/// A pipeline compiled into a TPL Dataflow network: one <see cref="TransformBlock{TInput,TOutput}"/>
/// per node (its own MaxDegreeOfParallelism and BoundedCapacity), all linked to one collector
/// (MaxDegreeOfParallelism = 1) that owns every state change and posts a node once all its
/// dependencies are done. A global semaphore holds <c>maxConcurrentActions</c> across all blocks.
/// Many executions (sessions) can flow through one network at once.
/// </summary>
public sealed class DataflowNetwork : IAsyncDisposable
{
    private readonly TransformBlock<ActionRequest, ActionOutcome>[] _blocks;
    private readonly ActionBlock<ActionOutcome> _collector;
    private readonly WorkflowGraph _graph;
    private readonly SemaphoreSlim _globalSlots;
    private readonly NodeStatistics[] _statistics;
    private readonly ILogger _log;
    private bool _disposed;

    public PipelineDefinition Pipeline { get; }

    /// <summary>The host services it was compiled with (a session that needs its own network reuses them).</summary>
    public NetworkOptions Options { get; }
    public IReadOnlyList<WorkflowNode> Nodes { get; }

    /// <summary>The dependency graph; node index = position in the pipeline file.</summary>
    public WorkflowGraph Graph => _graph;
    internal IExecutionObserver? Observer { get; }
    internal TimeProvider Time { get; }
    internal ILogger Log => _log;
    internal NodeStatistics[] Statistics => _statistics;

    /// <summary>Execution figures per node, in pipeline order. Read them between executions.</summary>
    public IReadOnlyList<NodeStatistics> NodeStatistics => _statistics;

    private DataflowNetwork(PipelineDefinition pipeline, NodeRegistry registry, NetworkOptions options)
    {
        Pipeline = pipeline;
        Options = options;
        Observer = options.Observer;
        Time = options.TimeProvider;
        _log = options.Logger;
        var count = pipeline.Nodes.Count;
        _graph = WorkflowGraph.FromPipeline(pipeline);
        if (_graph.FindCycle() is { } cycle)
            throw new GraphCycleException(_graph.IdsOf(cycle));
        Nodes = pipeline.Nodes.Select(registry.Create).ToArray();

        _statistics = pipeline.Nodes.Select(n => new NodeStatistics(n.Id)).ToArray();
        _globalSlots = new SemaphoreSlim(pipeline.Settings.MaxConcurrentActions, pipeline.Settings.MaxConcurrentActions);

        _collector = new ActionBlock<ActionOutcome>(CollectAsync,
            new ExecutionDataflowBlockOptions { MaxDegreeOfParallelism = 1, EnsureOrdered = false });

        _blocks = new TransformBlock<ActionRequest, ActionOutcome>[count];
        for (var i = 0; i < count; i++)
        {
            var definition = pipeline.Nodes[i];
            var executor = new ActionExecutor(Nodes[i], ExecutionPolicy.For(definition, pipeline.Settings),
                _globalSlots, Observer, _log, Time);
            _blocks[i] = new TransformBlock<ActionRequest, ActionOutcome>(executor.ExecuteAsync,
                new ExecutionDataflowBlockOptions
                {
                    MaxDegreeOfParallelism = definition.Parallelism,
                    BoundedCapacity = definition.BoundedCapacity ?? DataflowBlockOptions.Unbounded,
                    EnsureOrdered = false,
                    SingleProducerConstrained = false,
                });
            // No PropagateCompletion: with many sources the first to complete would complete the collector early.
            _blocks[i].LinkTo(_collector);
        }
    }

    /// <summary>Builds the network. The pipeline must already be validated (ids unique, dependencies known, acyclic).</summary>
    public static DataflowNetwork Compile(PipelineDefinition pipeline, NodeRegistry registry, NetworkOptions? options = null) =>
        new(pipeline, registry, options ?? new NetworkOptions());

    /// <summary>
    /// Runs the requested nodes in dependency order and completes when every one of them has an
    /// outcome. Never throws for node failures; cancellation ends in Cancelled outcomes.
    /// </summary>
    public async Task<ExecutionReport> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (request.Nodes is not null)
            foreach (var id in request.Nodes)
                if (!_graph.TryGetIndex(id, out _))
                    throw new ArgumentException($"node '{id}' is not in pipeline '{Pipeline.Name}'", nameof(request));

        var execution = new Execution(this, request, cancellationToken);
        foreach (var ready in execution.Start())
            await PostAsync(ready).ConfigureAwait(false);
        return await execution.Completion.ConfigureAwait(false);
    }

    internal int IndexOf(string id) =>
        _graph.TryGetIndex(id, out var i) ? i : throw new ArgumentException($"node '{id}' is not in pipeline '{Pipeline.Name}'");

    private async Task CollectAsync(ActionOutcome outcome)
    {
        try
        {
            foreach (var next in outcome.Execution.Apply(outcome))
                await PostAsync(next).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A throw here would fault the collector and stall every session; log it loudly instead.
            _log.Error(ex, "Collector failed on outcome of {Node} in {Session}", outcome.NodeId, outcome.SessionId);
        }
    }

    private Task<bool> PostAsync(ActionRequest request) =>
        _blocks[request.NodeIndex].SendAsync(request);

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var block in _blocks) block.Complete();
        await Task.WhenAll(_blocks.Select(b => b.Completion)).ConfigureAwait(false);
        _collector.Complete();
        await _collector.Completion.ConfigureAwait(false);
        _globalSlots.Dispose();
    }
}
