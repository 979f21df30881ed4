namespace Orchestrator.Manuscripts.Reference;

/// <summary>
/// One chunk of a library document returned by a search: a few hundred words aligned to paragraphs, where it is
/// (document, 1-based chapter and paragraph numbers as an author counts them) and its fused score (higher is better).
/// </summary>
public sealed record LibraryPassage(
    long ChunkId,
    string Document,
    int Chapter,
    string ChapterHeading,
    int FirstParagraph,
    int LastParagraph,
    string Text,
    double Score)
{
    /// <summary>Where the passage is, as a reader would cite it: <c>bible.md, chapter 2, paragraphs 3-5</c>.</summary>
    public string Place => FirstParagraph == LastParagraph
        ? $"{Document}, chapter {Chapter}, paragraph {FirstParagraph}"
        : $"{Document}, chapter {Chapter}, paragraphs {FirstParagraph}-{LastParagraph}";
}
