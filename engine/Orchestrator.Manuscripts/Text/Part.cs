namespace Orchestrator.Manuscripts.Text;

/// <summary>A BOOK / PART / VOLUME grouping of chapters.</summary>
public sealed record Part
{
    public required int Index { get; init; }
    public required string Heading { get; init; }
    public required TextSpan HeadingSpan { get; init; }
    public required int FirstChapter { get; init; }
    public required int ChapterCount { get; init; }
}
