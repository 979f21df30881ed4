namespace Orchestrator.Server.Events;

/// <summary>A moment the events log does not record but a watcher wants to see: a node started (attempt N).</summary>
public sealed record LiveEvent(string Kind, string Session, string Node, int Iteration, int Attempt, DateTimeOffset Time);
