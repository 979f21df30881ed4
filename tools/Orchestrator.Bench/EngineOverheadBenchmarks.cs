using BenchmarkDotNet.Attributes;
using Orchestrator.Engine.Dataflow;
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

    [GlobalSetup]
    public void Setup()
    {
        var registry = new NodeRegistry().Register("noop", d => new NoopNode(d));
        _wide = DataflowNetwork.Compile(Pipeline(i => []), registry);
        _chain = DataflowNetwork.Compile(Pipeline(i => i == 0 ? [] : [$"n{i - 1}"]), registry);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
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
