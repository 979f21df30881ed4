namespace Orchestrator.Engine.Dataflow;

/// <summary>Why an action did not succeed: the error's type (exception type or a kind such as InvalidResult) and message.</summary>
public sealed record ActionError(string Type, string Message);
