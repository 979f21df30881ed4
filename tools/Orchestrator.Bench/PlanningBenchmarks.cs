using BenchmarkDotNet.Attributes;
using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.Graph;
using Orchestrator.Engine.Iteration;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Bench;

/// <summary>
/// The decision engine and iteration controller on a 1,000-node pipeline: a deterministic random DAG
/// with about 3 dependencies per node, mid-session (about 60% succeeded, a tenth of those with changed
/// inputs, 5% failed with retries left, 2% out of retries, 1% invalid, the rest not run, observed
/// durations for what ran). <c>Plan</c> is the cost per iteration (the graph's invariant facts are
/// cached per graph, as in a session); <c>FirstPlanOfANewGraph</c> includes building the graph and
/// those facts, as on the first iteration of a session.
/// Run: <c>dotnet run -c Release --project tools/Orchestrator.Bench -- --filter '*Planning*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class PlanningBenchmarks
{
    private const int NodeCount = 1_000;
    private const int DependenciesPerNode = 3;

    private PipelineDefinition _pipeline = null!;
    private WorkflowGraph _graph = null!;
    private PlanningInput _input = null!;
    private IterationPlan _plan = null!;
    private string[] _half = [];
    private IterationFacts _facts = null!;
    private StrategyInput _strategy = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20_250_601);
        var ids = Enumerable.Range(0, NodeCount).Select(i => $"node{i}").ToArray();

        // A node depends only on nodes of lower rank, so the graph is acyclic; ranks are shuffled over
        // the file positions so that file order is not already a topological order.
        var indexOfRank = Enumerable.Range(0, NodeCount).ToArray();
        random.Shuffle(indexOfRank);
        var nodes = new NodeDefinition[NodeCount];
        for (var rank = 0; rank < NodeCount; rank++)
        {
            var dependencies = new HashSet<string>();
            var wanted = Math.Min(rank, DependenciesPerNode);
            while (dependencies.Count < wanted) dependencies.Add(ids[indexOfRank[random.Next(rank)]]);
            var index = indexOfRank[rank];
            nodes[index] = new NodeDefinition
            {
                Id = ids[index], Type = "t", DependsOn = dependencies.ToArray(),
                Priority = random.Next(10) == 0 ? random.Next(-5, 6) : 0,
                Parallelism = 1 + random.Next(4),
                EstimatedDuration = TimeSpan.FromSeconds(random.Next(1, 120)),
            };
        }
        _pipeline = new PipelineDefinition { Name = "bench", Nodes = nodes };
        _graph = WorkflowGraph.FromPipeline(_pipeline);

        var states = new List<NodePlanningState>(NodeCount);
        foreach (var id in ids)
        {
            var roll = random.NextDouble();
            var observed = TimeSpan.FromMilliseconds(random.Next(100, 90_000));
            states.Add(roll switch
            {
                < 0.60 => new NodePlanningState
                {
                    NodeId = id, Status = ActionStatus.Succeeded, Actions = 1, ObservedDuration = observed, Score = random.NextDouble(),
                    SucceededInputHash = "sha256:a", CurrentInputHash = random.Next(10) == 0 ? "sha256:b" : "sha256:a",
                },
                < 0.65 => new NodePlanningState
                {
                    NodeId = id, Status = ActionStatus.TimedOut, Actions = 1, Failures = 1, ObservedDuration = observed,
                    LastError = new ActionError("TimeoutRejectedException", "timed out"),
                },
                < 0.67 => new NodePlanningState
                {
                    NodeId = id, Status = ActionStatus.Failed, Actions = 2, Failures = 2,
                    LastError = new ActionError("IOException", "disk full"),
                },
                < 0.68 => new NodePlanningState { NodeId = id, Status = ActionStatus.Invalid, Actions = 1 },
                _ => new NodePlanningState { NodeId = id, Running = random.Next(10) == 0 ? 1 : 0 },
            });
        }

        _input = new PlanningInput
        {
            Pipeline = _pipeline, Graph = _graph, Iteration = 3, Nodes = states,
            Now = new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero),
        };
        _plan = DecisionEngine.Plan(_input);
        _half = _plan.Candidates.Where((_, i) => i % 2 == 0).Select(c => c.NodeId).ToArray();
        _facts = new IterationFacts
        {
            Iteration = 3,
            Settings = _pipeline.Settings,
            SessionStartedAt = _input.Now.AddMinutes(-10),
            Now = _input.Now,
            History =
            [
                new IterationMetrics(1, _input.Now.AddMinutes(-10), TimeSpan.FromMinutes(4), 900, 800, 100, 20, 0, 0, 0.61, null),
                new IterationMetrics(2, _input.Now.AddMinutes(-6), TimeSpan.FromMinutes(3), 300, 250, 50, 10, 80, 0, 0.64, 0.03),
                new IterationMetrics(3, _input.Now.AddMinutes(-3), TimeSpan.FromMinutes(3), 200, 180, 20, 5, 40, 0, 0.66, 0.02),
            ],
            NextPlan = _plan,
        };
        _strategy = new StrategyInput { Pipeline = _pipeline, Nodes = states, Size = new SizeHint(180_000, "words") };
        Console.WriteLine($"// {NodeCount} nodes, {_graph.EdgeCount} edges: {_plan.Candidates.Count} candidates, "
            + $"{_plan.Filtered.Count} filtered, critical path {_plan.CriticalPath.Count} nodes");
    }

    /// <summary>One iteration's plan: candidates, scores, reasons, filtered with reasons, launch order.</summary>
    [Benchmark(Baseline = true)]
    public IterationPlan Plan() => DecisionEngine.Plan(_input);

    /// <summary>Plan, then the analytics record for the event log.</summary>
    [Benchmark]
    public PlanAnalytics PlanWithAnalytics() => DecisionEngine.Plan(_input).ToAnalytics();

    /// <summary>Applying a select rule's verdict (every other candidate) to a plan.</summary>
    [Benchmark]
    public IterationPlan Selection() => _plan.WithSelection(_half);

    /// <summary>The first plan of a session: graph built from the pipeline, its facts computed, then the plan.</summary>
    [Benchmark]
    public IterationPlan FirstPlanOfANewGraph() =>
        DecisionEngine.Plan(_input with { Graph = WorkflowGraph.FromPipeline(_pipeline) });

    [Benchmark]
    public StopDecision EvaluateStop() => IterationController.Evaluate(_facts);

    [Benchmark]
    public IterationStrategy Strategy() => IterationController.PlanStrategy(_strategy);
}
