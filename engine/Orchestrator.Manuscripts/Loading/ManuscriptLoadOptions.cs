namespace Orchestrator.Manuscripts.Loading;

/// <summary>Options of <see cref="ManuscriptLoader"/>.</summary>
public sealed record ManuscriptLoadOptions
{
    public static ManuscriptLoadOptions Default { get; } = new();

    /// <summary>Decoding of BOM-less files; strict UTF-8 unless asked otherwise.</summary>
    public EncodingPolicy Encoding { get; init; } = EncodingPolicy.StrictUtf8;

    /// <summary>Default of <see cref="MaxBytes"/>: 32 MiB, ten times the longest novels (War and Peace is 3.2 MB).</summary>
    public const long DefaultMaxBytes = 32L * 1024 * 1024;

    /// <summary>
    /// Files larger than this are refused as <see cref="LoadFailureReason.Unreadable"/>, and so is a .docx whose text
    /// comes to more characters than this. Memory used by analysis grows with the text, so this bounds it.
    /// </summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>
    /// Most bytes a .docx package may expand to, over all its parts (default 16 × <see cref="DefaultMaxBytes"/>);
    /// one part may expand to at most half of it. A "zip bomb" of a few MB that expands to gigabytes is refused
    /// before it is inflated.
    /// </summary>
    public long MaxExpandedBytes { get; init; } = 16 * DefaultMaxBytes;
}
