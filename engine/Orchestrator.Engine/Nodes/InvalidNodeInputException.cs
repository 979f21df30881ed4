namespace Orchestrator.Engine.Nodes;

/// <summary>
/// Thrown by a node whose input cannot be analysed (wrong subject type, missing upstream result,
/// bad option). Retrying would give the same answer, so the engine records it as Invalid at once.
/// </summary>
public sealed class InvalidNodeInputException(string message) : Exception(message);
