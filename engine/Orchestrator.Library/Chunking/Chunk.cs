namespace Orchestrator.Library.Chunking;

/// <summary>
/// A piece of a document stored and searched as one: whole paragraphs (or, for a very long paragraph, whole
/// sentences of it) of one chapter. Chapter and paragraph numbers are 1-based, as an author counts them.
/// </summary>
internal sealed record Chunk(int Ordinal, int Chapter, string Heading, int FirstParagraph, int LastParagraph, int Words, string Text);
