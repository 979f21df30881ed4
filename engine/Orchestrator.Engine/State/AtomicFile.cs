namespace Orchestrator.Engine.State;

/// <summary>
/// Writes a file so that a reader, or the file after a crash, sees either the old content or the new one,
/// never a part: the bytes go to a temporary file in the same folder (same file system, so the rename is
/// atomic), are flushed to disk, and the temporary file is renamed over the target.
/// </summary>
/// <remarks>
/// The folder entry itself is not fsynced (.NET cannot open a folder), so after a power cut the rename may
/// be lost and the file found with its previous content — still whole. The temporary name is fixed per
/// target (<c>name.tmp</c>): one writer per session is guaranteed by the session lease, and a temporary
/// file left by a crash is simply overwritten by the next write.
/// </remarks>
internal static class AtomicFile
{
    public const string TempSuffix = ".tmp";

    public static void Write(string path, ReadOnlySpan<byte> content, bool flushToDisk = true)
    {
        var temp = path + TempSuffix;
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                stream.Write(content);
                stream.Flush(flushToDisk);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
