using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Scripting;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Loading;
using Serilog;

namespace Orchestrator.Manuscripts.Coordination;

/// <summary>What a <see cref="NovelCoordinator"/> runs (a validated pipeline) and with what (node types, rules, storage, logging, progress).</summary>
public sealed record CoordinatorOptions
{
    public required PipelineDefinition Pipeline { get; init; }

    /// <summary>Node types the pipeline may use; the novel analysis nodes by default.</summary>
    public NodeRegistry Registry { get; init; } = NovelNodeTypes.CreateRegistry();

    /// <summary>The pipeline's compiled rules (compile them before the run so errors surface first); none by default.</summary>
    public PipelineRules Rules { get; init; } = PipelineRules.None;

    /// <summary>
    /// The data folder: sessions persist under <c>&lt;data&gt;/sessions/&lt;id&gt;/</c> (state after every action,
    /// snapshots, events, the manuscript as loaded) and can be resumed. Null keeps sessions in memory only.
    /// </summary>
    public string? DataDirectory { get; init; }

    public SessionStoreOptions StoreOptions { get; init; } = SessionStoreOptions.Default;

    /// <summary>How inputs are loaded, here and when a session is resumed (e.g. the Windows-1252 fallback a batch allows); strict UTF-8 by default.</summary>
    public ManuscriptLoadOptions Loading { get; init; } = ManuscriptLoadOptions.Default;

    public ILogger Logger { get; init; } = Serilog.Core.Logger.None;
    public IExecutionObserver? Observer { get; init; }
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
