namespace Orchestrator.Engine.Dataflow;

/// <summary>A node returned a result that failed its validation; retrying would not fix it.</summary>
internal sealed class InvalidResultException(string message) : Exception(message);
