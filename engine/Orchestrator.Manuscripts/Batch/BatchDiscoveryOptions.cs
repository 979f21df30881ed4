namespace Orchestrator.Manuscripts.Batch;

/// <summary>What <see cref="BatchDiscovery"/> looks for.</summary>
public sealed record BatchDiscoveryOptions
{
    public const string DefaultPattern = "*.txt;*.md;*.docx";

    /// <summary>File name patterns (<c>*</c> and <c>?</c>, case-insensitive); a file matching any is a manuscript.</summary>
    public IReadOnlyList<string> Patterns { get; init; } = ParsePatterns(DefaultPattern);

    /// <summary>Look into sub-folders that are not chapter folders, taking each of their files as a manuscript.</summary>
    public bool Recursive { get; init; }

    /// <summary>Folders never looked into (the output and data folders when they lie inside the batch folder).</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Splits <c>"*.txt;*.md"</c> (';' or ',' between patterns) into patterns.</summary>
    public static IReadOnlyList<string> ParsePatterns(string patterns) =>
        patterns.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
