namespace Orchestrator.Manuscripts.Loading;

/// <summary>What to do with a file that has no byte order mark and is not valid UTF-8.</summary>
public enum EncodingPolicy
{
    /// <summary>Refuse it (<see cref="LoadFailureReason.Undecodable"/>, with the offset of the first bad byte). The default.</summary>
    StrictUtf8,

    /// <summary>Decode it as Windows-1252 (old Word/Notepad exports on Western systems).</summary>
    Utf8OrWindows1252,
}
