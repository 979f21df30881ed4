using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Serilog;

namespace Orchestrator.Manuscripts.Coordination;

/// <summary>What a <see cref="NovelCoordinator"/> runs (a validated pipeline) and with what (node types, logging, progress).</summary>
public sealed record CoordinatorOptions
{
    public required PipelineDefinition Pipeline { get; init; }

    /// <summary>Node types the pipeline may use; the novel analysis nodes by default.</summary>
    public NodeRegistry Registry { get; init; } = NovelNodeTypes.CreateRegistry();
    public ILogger Logger { get; init; } = Serilog.Core.Logger.None;
    public IExecutionObserver? Observer { get; init; }
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
