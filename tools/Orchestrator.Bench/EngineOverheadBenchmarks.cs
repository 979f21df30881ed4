using BenchmarkDotNet.Attributes;
using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Events;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Bench;

/// <summary>
/// Engine overhead per action: a pipeline of no-op nodes, so what is measured is the engine alone —
/// posting, the global slot, Polly's retry and timeout, validation, the collector, dependency
/// bookkeeping. No checkpoints. Figures are per action (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class EngineOverheadBenchmarks
{
    private const int Nodes = 200;
    private DataflowNetwork _wide = null!;
    private DataflowNetwork _chain = null!;
    private SessionEventStream? _stream;
    private EventSubscription? _subscription;
    private Task? _reader;

    /// <summary>With the event hub as the network's observer, the session's stream open and one subscriber reading (as the CLI runs).</summary>
    [Params(false, true)]
    public bool WithEvents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var registry = new NodeRegistry().Register("noop", d => new NoopNode(d));
        var options = new NetworkOptions();
        if (WithEvents)
        {
            var hub = new SessionEventHub();
            _stream = hub.Open("bench", 0, null);
            _subscription = hub.Subscribe(null);
            _reader = Task.Run(async () => { await foreach (var _ in _subscription.ReadAllAsync()) { } });
            options = options with { Observer = hub };
        }
        _wide = DataflowNetwork.Compile(Pipeline(i => []), registry, options);
        _chain = DataflowNetwork.Compile(Pipeline(i => i == 0 ? [] : [$"n{i - 1}"]), registry, options);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _stream?.Dispose();
        _subscription?.Dispose();
        if (_reader is not null) await _reader;
        await _wide.DisposeAsync();
        await _chain.DisposeAsync();
    }

    /// <summary>200 independent nodes: the global limit (4) and the blocks work in parallel.</summary>
    [Benchmark(OperationsPerInvoke = Nodes)]
    public Task<ExecutionReport> IndependentNodes() => _wide.ExecuteAsync(Request());

    /// <summary>200 nodes in a chain: every action waits for the previous one's outcome to pass the collector.</summary>
    [Benchmark(OperationsPerInvoke = Nodes)]
    public Task<ExecutionReport> ChainedNodes() => _chain.ExecuteAsync(Request());

    private static ExecutionRequest Request() => new() { SessionId = "bench", Subject = "none" };

    private static PipelineDefinition Pipeline(Func<int, string[]> dependsOn) => new()
    {
        Name = "overhead",
        Nodes = Enumerable.Range(0, Nodes).Select(i => new NodeDefinition
        {
            Id = $"n{i}", Type = "noop", DependsOn = dependsOn(i), Parallelism = 2,
        }).ToArray(),
    };

    private sealed class NoopNode(NodeDefinition definition) : WorkflowNode(definition)
    {
        private static readonly Task<NodeResult> Done = Task.FromResult(new NodeResult { Score = 1 });
        public override Task<NodeResult> RunAsync(NodeContext context, CancellationToken cancellationToken) => Done;
    }
}
