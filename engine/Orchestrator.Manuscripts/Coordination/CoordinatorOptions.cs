using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Scripting;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Loading;
using Serilog;

namespace Orchestrator.Manuscripts.Coordination;

/// <summary>What a <see cref="NovelCoordinator"/> runs (a validated pipeline) and with what (node types, rules, store, logging, progress).</summary>
public sealed record CoordinatorOptions
{
    public required PipelineDefinition Pipeline { get; init; }

    /// <summary>Node types the pipeline may use; the novel analysis nodes by default.</summary>
    public NodeRegistry Registry { get; init; } = NovelNodeTypes.CreateRegistry();

    /// <summary>The pipeline's compiled rules (compile them before the run so errors surface first); none by default.</summary>
    public PipelineRules Rules { get; init; } = PipelineRules.None;

    /// <summary>
    /// Where sessions persist (state after every action, snapshots, events, the manuscript as loaded) so they can be
    /// resumed; the host chooses it: <see cref="SessionStore.ForDataFolder"/> for the file system,
    /// <see cref="MemorySessionStore"/> for tests. Null keeps sessions in memory only, unstored.
    /// </summary>
    public ISessionStore? Store { get; init; }

    /// <summary>How inputs are loaded, here and when a session is resumed (e.g. the Windows-1252 fallback a batch allows); strict UTF-8 by default.</summary>
    public ManuscriptLoadOptions Loading { get; init; } = ManuscriptLoadOptions.Default;

    public ILogger Logger { get; init; } = Serilog.Core.Logger.None;
    public IExecutionObserver? Observer { get; init; }
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
