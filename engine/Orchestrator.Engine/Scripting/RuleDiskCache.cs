using Orchestrator.Engine.Files;

namespace Orchestrator.Engine.Scripting;

/// <summary>
/// Compiled rules as files in a folder (<c>&lt;key&gt;.dll</c>), shared by every process that uses the folder. A file's
/// write time is when it was last used: a hit touches it, and writing a new entry prunes the folder (entries unused
/// for longer than <see cref="RuleCacheLimits.DiskMaxAge"/>, then the least recently used past
/// <see cref="RuleCacheLimits.DiskEntries"/>). Pruning happens only after a compile, which costs far more, so a start
/// whose rules are all cached never lists the folder.
/// </summary>
/// <remarks>Every I/O failure is swallowed: a cache that cannot be read or written costs a compile, nothing more.</remarks>
internal sealed class RuleDiskCache(string folder, RuleCacheLimits limits, TimeProvider time)
{
    public const string Extension = ".dll";

    public string Folder { get; } = folder;

    public byte[]? TryRead(string key)
    {
        var path = PathOf(key);
        try
        {
            if (!File.Exists(path)) return null;
            var image = File.ReadAllBytes(path);
            File.SetLastWriteTimeUtc(path, time.GetUtcNow().UtcDateTime);
            return image;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void TryWrite(string key, byte[] image)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            // Not fsynced: an entry lost to a power cut costs a compile. Several processes may write the same entry at once.
            AtomicFile.Write(PathOf(key), image, flushToDisk: false, sharedTarget: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        Prune(keep: key);
    }

    /// <summary>Deletes entries past the limits, never <paramref name="keep"/> (the one just written); returns how many it deleted.</summary>
    public int Prune(string? keep = null)
    {
        List<FileInfo> entries;
        try
        {
            entries = new DirectoryInfo(Folder).EnumerateFiles("*" + Extension).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
        var kept = keep is null ? null : keep + Extension;
        var oldest = time.GetUtcNow().UtcDateTime - limits.DiskMaxAge;
        // Most recently used first; what is past the count, or older than the age, goes.
        entries.Sort((a, b) => b.LastWriteTimeUtc.CompareTo(a.LastWriteTimeUtc));
        var deleted = 0;
        var seen = 0;
        foreach (var entry in entries)
        {
            if (entry.Name == kept) { seen++; continue; }
            if (++seen <= limits.DiskEntries && entry.LastWriteTimeUtc >= oldest) continue;
            AtomicFile.TryDelete(entry.FullName);
            deleted++;
        }
        return deleted;
    }

    private string PathOf(string key) => Path.Combine(Folder, key + Extension);
}
