namespace Orchestrator.Cli.Hosting;

/// <summary>A mistake on the command line the user can fix (exit code 2); its message is shown as is.</summary>
public sealed class CliUsageException(string message) : Exception(message);
