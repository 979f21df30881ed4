namespace Orchestrator.Manuscripts.Loading;

/// <summary>
/// A manuscript file was refused. <see cref="Exception.Message"/> is one line naming the file and
/// the reason (e.g. <c>samples/x.txt: not valid UTF-8 (first bad byte at offset 1234)</c>), fit to
/// show a user as is.
/// </summary>
public sealed class ManuscriptLoadException : Exception
{
    public ManuscriptLoadException(string path, LoadFailureReason reason, string detail, long? byteOffset = null, Exception? inner = null)
        : base($"{path}: {detail}", inner)
    {
        Path = path;
        Reason = reason;
        Detail = detail;
        ByteOffset = byteOffset;
    }

    /// <summary>The path as the caller gave it.</summary>
    public string Path { get; }

    public LoadFailureReason Reason { get; }

    /// <summary>The reason in words, without the path.</summary>
    public string Detail { get; }

    /// <summary>For <see cref="LoadFailureReason.Undecodable"/> and <see cref="LoadFailureReason.Binary"/>:
    /// offset of the first offending byte in the file.</summary>
    public long? ByteOffset { get; }
}
