namespace Orchestrator.Manuscripts.Text;

/// <summary>A range of characters in <see cref="ManuscriptDocument.Text"/>: 0-based start and length.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
}
