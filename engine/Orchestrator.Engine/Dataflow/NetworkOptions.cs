using Serilog;

namespace Orchestrator.Engine.Dataflow;

/// <summary>What a network needs from its host: a logger, an observer for progress, and a clock.</summary>
public sealed record NetworkOptions
{
    public ILogger Logger { get; init; } = Serilog.Core.Logger.None;
    public IExecutionObserver? Observer { get; init; }
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
