namespace Orchestrator.Manuscripts.Text;

/// <summary>Options of <see cref="TextIndexer.Build(string, string, string, string?, TextIndexOptions)"/>.</summary>
public sealed record TextIndexOptions
{
    /// <summary>Heading syntax. Null: Markdown when the source path ends in .md or .markdown, else plain text.</summary>
    public TextMarkup? Markup { get; init; }

    /// <summary>Recorded as <see cref="ManuscriptDocument.Encoding"/>.</summary>
    public string Encoding { get; init; } = "utf-8";
}
