namespace Orchestrator.Manuscripts.Batch;

/// <summary>One row of a batch summary: one manuscript and how it ended.</summary>
public sealed record BatchResult
{
    /// <summary>The manuscript's path relative to the batch folder (<see cref="BatchItem.Name"/>).</summary>
    public required string File { get; init; }
    public required BatchStatus Status { get; init; }
    public string? Title { get; init; }
    public int? Words { get; init; }
    public int? Chapters { get; init; }

    /// <summary>Empty for UTF-8; otherwise how the text was decoded (<c>windows-1252 (not valid UTF-8)</c>, <c>utf-16LE</c>,
    /// or for a chapter folder which chapters were read otherwise).</summary>
    public string EncodingNote { get; init; } = "";

    /// <summary>The overall quality in [0, 1].</summary>
    public double? Quality { get; init; }

    /// <summary>The three highest-ranked recommendations (fewer when there are fewer).</summary>
    public IReadOnlyList<string> TopRecommendations { get; init; } = [];

    /// <summary>Wall time this run spent on the manuscript (loading, analysis, reports).</summary>
    public double DurationSeconds { get; init; }
    public string? SessionId { get; init; }

    /// <summary>The folder its reports were written to.</summary>
    public string? Reports { get; init; }

    /// <summary>Why it failed or stopped, in words; null when done.</summary>
    public string? Error { get; init; }
}
