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

    /// <summary>Plans live in a folder of their own, so the generations are the only files beside them.</summary>
    public const string PlanFolder = "plans";

    public ValueTask<Generation?> TryGetAsync(string key, CancellationToken cancellationToken) => ReadAsync<Generation>(PathOf(key), cancellationToken);

    public ValueTask PutAsync(string key, Generation generation, CancellationToken cancellationToken) =>
        WriteAsync(PathOf(key), JsonSerializer.SerializeToUtf8Bytes(generation), cancellationToken);

    public ValueTask<PromptPlan?> TryGetPlanAsync(string key, CancellationToken cancellationToken) =>
        ReadAsync<PromptPlan>(PathOf(key, PlanFolder), cancellationToken);

    public ValueTask PutPlanAsync(string key, PromptPlan plan, CancellationToken cancellationToken) =>
        WriteAsync(PathOf(key, PlanFolder), JsonSerializer.SerializeToUtf8Bytes(plan), cancellationToken);

    private static async ValueTask<T?> ReadAsync<T>(string path, CancellationToken cancellationToken) where T : class
    {
        if (!File.Exists(path)) return null;
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            return await JsonSerializer.DeserializeAsync<T>(stream, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    private static ValueTask WriteAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // A temporary name of its own: two processes (a batch and a run) may write the same key at once.
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                stream.Write(content);
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

    /// <summary>Generations stored now (plans not counted; for tools and tests).</summary>
    public int Count => Directory.Exists(Folder)
        ? Directory.EnumerateFiles(Folder, "*.json", SearchOption.AllDirectories).Count(p => !IsPlan(p))
        : 0;

    /// <summary>True for a plan file (under <see cref="PlanFolder"/>), false for a generation.</summary>
    public bool IsPlan(string path) =>
        Path.GetRelativePath(Folder, path).StartsWith(PlanFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private string PathOf(string key, string? subfolder = null)
    {
        if (key.Length < 8 || !key.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException($"'{key}' is not a generation key (lower-case hex)", nameof(key));
        return subfolder is null ? Path.Combine(Folder, key[..2], key + ".json") : Path.Combine(Folder, subfolder, key[..2], key + ".json");
    }
}
