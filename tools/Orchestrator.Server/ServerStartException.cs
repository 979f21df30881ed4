namespace Orchestrator.Server;

/// <summary>The server cannot start as configured (a bind without a key, a missing key file, a bad pipelines folder); the message says what to change.</summary>
public sealed class ServerStartException(string message) : Exception(message);
