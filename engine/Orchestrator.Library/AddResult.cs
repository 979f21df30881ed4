namespace Orchestrator.Library;

/// <summary>
/// The result of adding one document: its name in the library (the file name, or the folder name and a '/' for a
/// chapter folder), what happened, its chunks and words, and for an unchanged one the document already holding it.
/// </summary>
public sealed record AddResult(string Document, AddOutcome Outcome, int Chunks, int Words, string? SameAs = null);
