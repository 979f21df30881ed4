using System.Text;

namespace Orchestrator.Engine.Files;

/// <summary>
/// The one way files are written whole: a reader, or the file after a crash, sees either the old content or the new
/// one, never a part. The bytes go to a temporary file in the same folder (same file system, so the rename is atomic),
/// are flushed (to disk when asked), and the temporary file is renamed over the target.
/// </summary>
/// <remarks>
/// The folder entry itself is not fsynced (.NET cannot open a folder), so after a power cut the rename may be lost and
/// the file found with its previous content — still whole. The temporary name is fixed per target (<c>name.tmp</c>)
/// when one writer at a time is guaranteed (a session's files, under its lease), and a temporary file left by a crash
/// is simply overwritten by the next write; targets several processes may write at once (a cache shared by processes)
/// ask for a temporary name of their own.
/// </remarks>
public static class AtomicFile
{
    public const string TempSuffix = ".tmp";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="path">The target.</param>
    /// <param name="content">Its whole new content.</param>
    /// <param name="flushToDisk">Whether the content is on disk (fsync) before the rename, not only handed to the system.</param>
    /// <param name="sharedTarget">Whether other processes may write the same target at once: the temporary file gets a name of its own.</param>
    public static void Write(string path, ReadOnlySpan<byte> content, bool flushToDisk = true, bool sharedTarget = false)
    {
        var temp = TempPath(path, sharedTarget);
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

    /// <summary>Writes <paramref name="content"/> as UTF-8 (no BOM), as <see cref="Write"/> does.</summary>
    public static async Task WriteTextAsync(string path, string content, bool flushToDisk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var temp = TempPath(path, sharedTarget: false);
        try
        {
            await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0, useAsync: true))
            {
                await stream.WriteAsync(Utf8NoBom.GetBytes(content), cancellationToken).ConfigureAwait(false);
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

    private static string TempPath(string path, bool sharedTarget) =>
        sharedTarget ? $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}{TempSuffix}" : path + TempSuffix;
}
