using System.CommandLine;

namespace Orchestrator.Cli.Commands;

/// <summary>Options every verb accepts.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Data { get; } = new("--data")
    {
        Description = "Folder for sessions and logs (default: the 'data' setting, else ./data)",
        Recursive = true,
    };
}
