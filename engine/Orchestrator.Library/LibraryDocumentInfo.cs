namespace Orchestrator.Library;

/// <summary>One document of a library as <c>library list</c> shows it.</summary>
public sealed record LibraryDocumentInfo(
    string Name, string Title, string Source, string Hash, int Words, int Chapters, int Chunks, int EmbeddedChunks,
    int Names, int Traits, DateTimeOffset Added);
