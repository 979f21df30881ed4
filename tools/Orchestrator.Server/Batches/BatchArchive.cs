using System.IO.Compression;
using Orchestrator.Server.Uploads;

namespace Orchestrator.Server.Batches;

/// <summary>
/// Unpacks a posted .zip into a staging folder, refusing (400, naming the entry) anything that could write outside it
/// or blow up: an entry whose path climbs out (<c>../</c>, an absolute path, a drive), a symbolic link, an entry named
/// twice, more than <see cref="MaxEntries"/> entries, an entry that expands more than <see cref="MaxRatio"/> times its
/// packed size, or a whole that expands past <see cref="MaxUnpackedBytes"/>. Sizes are counted as the bytes come out,
/// not taken from the entry headers, which an attacker writes. The caller deletes the folder when this throws.
/// </summary>
public static class BatchArchive
{
    /// <summary>Entries a batch archive may hold (a folder of manuscripts, or of chapter folders).</summary>
    public const int MaxEntries = 10_000;

    /// <summary>How much one entry may expand: text packs 3 to 5 times; a "zip bomb" packs thousands of times.</summary>
    public const int MaxRatio = 100;

    /// <summary>Entries smaller than this are not held to <see cref="MaxRatio"/> (a tiny file of one repeated line packs well).</summary>
    private const long RatioFloor = 1024 * 1024;

    /// <summary>The unpacked size of a whole archive: this many times the upload limit.</summary>
    public const int UnpackedPerUploadByte = 8;

    /// <summary>What an archive may expand to, given the upload limit.</summary>
    public static long MaxUnpackedBytes(long maxUploadBytes) => maxUploadBytes * UnpackedPerUploadByte;

    /// <summary>Writes the archive's files under <paramref name="folder"/> (which exists and is empty).</summary>
    /// <exception cref="UploadException">A broken archive or an entry refused as above (400).</exception>
    public static void Extract(Stream zip, string folder, long maxUnpackedBytes)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw Bad($"the .zip cannot be read: {ex.Message}");
        }
        using (archive)
        {
            if (archive.Entries.Count > MaxEntries) throw Bad($"the .zip holds {archive.Entries.Count:N0} entries; at most {MaxEntries:N0} are taken");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                if (name.StartsWith("__MACOSX/", StringComparison.Ordinal)) continue; // macOS Finder's resource forks: never manuscripts
                var target = TargetOf(root, name);
                if (!seen.Add(target)) throw Bad($"zip entry '{name}' appears twice");
                // Unix mode in the upper half of the external attributes: a link would point anywhere once followed.
                if (((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000) throw Bad($"zip entry '{name}' is a symbolic link; links are not taken");
                if (name.EndsWith('/'))
                {
                    Directory.CreateDirectory(target);
                    continue;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                long written = 0;
                try
                {
                    using var source = entry.Open();
                    using var destination = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
                    int read;
                    while ((read = source.Read(buffer)) > 0)
                    {
                        written += read;
                        total += read;
                        if (written > RatioFloor && written > (long)MaxRatio * Math.Max(entry.CompressedLength, 1))
                            throw Bad($"zip entry '{name}' expands more than {MaxRatio} times its packed size of {entry.CompressedLength:N0} bytes (a \"zip bomb\"?)");
                        if (total > maxUnpackedBytes)
                            throw Bad($"the .zip expands past {maxUnpackedBytes / (1024 * 1024.0):0.#} MB, the limit ({UnpackedPerUploadByte} times --max-upload-mb), at entry '{name}'");
                        destination.Write(buffer, 0, read);
                    }
                }
                catch (InvalidDataException ex)
                {
                    throw Bad($"zip entry '{name}' cannot be unpacked: {ex.Message}");
                }
            }
        }
    }

    /// <summary>Where an entry goes: always inside <paramref name="root"/>, or the post is refused.</summary>
    private static string TargetOf(string root, string name)
    {
        if (name.Length == 0 || name.StartsWith('/') || name.Contains(':') || name.Contains('\0')
            || name.Split('/').Any(segment => segment == ".."))
            throw Bad($"zip entry '{name}' escapes its folder (an absolute path or '..'); nothing was written");
        var target = Path.GetFullPath(Path.Combine(root, name));
        if (!target.StartsWith(root, StringComparison.Ordinal) && target + Path.DirectorySeparatorChar != root)
            throw Bad($"zip entry '{name}' escapes its folder; nothing was written");
        return Path.TrimEndingDirectorySeparator(target);
    }

    private static UploadException Bad(string message) => new(StatusCodes.Status400BadRequest, message);
}
