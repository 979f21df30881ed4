namespace Orchestrator.Manuscripts.Reference;

/// <summary>Where a fact was read in a library document: the document's name and the 1-based chapter and paragraph.</summary>
public readonly record struct FactPlace(string Document, int? Chapter, int? Paragraph)
{
    public override string ToString() => Chapter is null
        ? Document
        : Paragraph is null ? $"{Document}, chapter {Chapter}" : $"{Document}, chapter {Chapter}, paragraph {Paragraph}";
}
