namespace Orchestrator.Manuscripts.Loading;

/// <summary>Why a manuscript file was refused by <see cref="ManuscriptLoader"/>.</summary>
public enum LoadFailureReason
{
    /// <summary>The file does not exist.</summary>
    NotFound,

    /// <summary>The file exists but could not be read (permissions, a directory, an I/O error, too large).</summary>
    Unreadable,

    /// <summary>The file is empty or holds only whitespace.</summary>
    Empty,

    /// <summary>The file holds NUL bytes near its start and carries no UTF-16/UTF-32 byte order mark.</summary>
    Binary,

    /// <summary>The bytes are not valid in the detected encoding (strict UTF-8 by default).</summary>
    Undecodable,

    /// <summary>The file's extension names no supported format.</summary>
    UnsupportedFormat,
}
