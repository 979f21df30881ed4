namespace Orchestrator.Engine.Findings;

/// <summary>
/// Where in the analysed text a finding applies. Chapter and paragraph are 1-based as an author counts
/// them (null when the finding concerns the whole text); offset and length are 0-based character
/// positions in the text as loaded.
/// </summary>
public sealed record TextLocation(int? Chapter, int? Paragraph, int Offset, int Length)
{
    public static TextLocation Whole(int textLength) => new(null, null, 0, textLength);
}
