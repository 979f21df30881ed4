namespace Orchestrator.Manuscripts.Requirements;

/// <summary>What the author asks of the manuscript: its genre, the length aimed at, the themes it should carry.</summary>
public sealed record ManuscriptRequirements
{
    public static readonly ManuscriptRequirements None = new();

    /// <summary>Genre key as in the genre table (fantasy, thriller, young-adult...), or null.</summary>
    public string? Genre { get; init; }

    /// <summary>Target length in words, or null.</summary>
    public int? TargetLength { get; init; }
    public IReadOnlyList<string> Themes { get; init; } = [];
}
