namespace Orchestrator.Server.Pipelines;

/// <summary>One pipeline of the server: its name, its nodes, and why it cannot run when it is invalid.</summary>
public sealed record PipelineSummary(string Name, IReadOnlyList<string> Nodes, string? Problem);
