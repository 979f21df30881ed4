using System.Text.Json;

namespace Orchestrator.Llm.Generation;

/// <summary>
/// The generation cache as files: <c>&lt;folder&gt;/&lt;key[0..2]&gt;/&lt;key&gt;.json</c>, content-addressed and written
/// atomically (temp file, flush, rename), so a kill -9 leaves whole entries only. Shared by every session, run and
/// batch that uses the same data folder.
/// </summary>
/// <remarks>
/// A file of its own rather than the session store: generations outlive sessions (a rerun makes a new session and
/// must still find them), and an entry is written the moment a chapter is generated, before the node's result
/// exists. An entry that cannot be parsed is treated as absent (and replaced by the next write).
/// </remarks>
public sealed class FileGenerationCache(string folder) : IGenerationCache
{
    /// <summary>Where a data folder keeps its generations.</summary>
    public static string FolderIn(string dataDirectory) => Path.Combine(dataDirectory, "llm-cache");

    public string Folder { get; } = Path.GetFullPath(folder);

    public async ValueTask<Generation?> TryGetAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return null;
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            return await JsonSerializer.DeserializeAsync<Generation>(stream, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    public ValueTask PutAsync(string key, Generation generation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // A temporary name of its own: two processes (a batch and a run) may write the same key at once.
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                stream.Write(JsonSerializer.SerializeToUtf8Bytes(generation));
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Entries stored now (for tools and tests).</summary>
    public int Count => Directory.Exists(Folder) ? Directory.EnumerateFiles(Folder, "*.json", SearchOption.AllDirectories).Count() : 0;

    private string PathOf(string key)
    {
        if (key.Length < 8 || !key.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException($"'{key}' is not a generation key (lower-case hex)", nameof(key));
        return Path.Combine(Folder, key[..2], key + ".json");
    }
}
