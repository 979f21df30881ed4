namespace Orchestrator.Manuscripts.Loading;

/// <summary>Options of <see cref="ManuscriptLoader"/>.</summary>
public sealed record ManuscriptLoadOptions
{
    public static ManuscriptLoadOptions Default { get; } = new();

    /// <summary>Decoding of BOM-less files; strict UTF-8 unless asked otherwise.</summary>
    public EncodingPolicy Encoding { get; init; } = EncodingPolicy.StrictUtf8;

    /// <summary>Files larger than this are refused as <see cref="LoadFailureReason.Unreadable"/> (default 256 MiB;
    /// the longest novels are a few MiB).</summary>
    public long MaxBytes { get; init; } = 256L * 1024 * 1024;
}
