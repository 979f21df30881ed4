namespace Orchestrator.Manuscripts.Text;

/// <summary>The quotation marks a manuscript uses for speech.</summary>
public enum QuoteStyle
{
    /// <summary>No quoted speech found.</summary>
    None,
    /// <summary>“Double” or "straight double" quotes (US style, most older books).</summary>
    Double,
    /// <summary>‘Single’ or 'straight single' quotes (UK style).</summary>
    Single,
}
