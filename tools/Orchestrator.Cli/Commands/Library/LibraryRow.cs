namespace Orchestrator.Cli.Commands.Library;

/// <summary>One library as <c>library list</c> shows it.</summary>
public sealed record LibraryRow(string Name, int Documents, int Chunks, int Words, string? EmbeddingModel, string Version, string Path)
{
    /// <summary>Why the library cannot be read (damaged, not a library...), or null when it can.</summary>
    public string? Problem { get; init; }
}
