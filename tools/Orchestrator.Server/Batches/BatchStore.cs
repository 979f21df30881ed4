using System.Collections.Concurrent;
using System.Text.Json;
using Orchestrator.Engine.State;

namespace Orchestrator.Server.Batches;

/// <summary>
/// The server's batches, one folder each under <c>&lt;data&gt;/server/batches/</c>: <c>batch.json</c> (written
/// atomically), the unpacked upload in <c>input/</c>, and <c>summary.json</c> / <c>summary.csv</c> once every
/// manuscript has stopped. Read once at start; lookups by batch and by session are dictionary lookups after that.
/// </summary>
public sealed class BatchStore
{
    public const string RecordName = "batch.json";
    public const string InputFolderName = "input";
    private const string StagingPrefix = ".staging-";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly ConcurrentDictionary<string, BatchRecord> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _bySession = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public BatchStore(string dataDirectory, Serilog.ILogger log)
    {
        Root = Path.Combine(Path.GetFullPath(dataDirectory), "server", "batches");
        if (!Directory.Exists(Root)) return;
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var name = Path.GetFileName(folder);
            if (name.StartsWith(StagingPrefix, StringComparison.Ordinal))
            {
                // A post cut by a crash while it unpacked: never a batch, nothing refers to it.
                TryDelete(folder);
                continue;
            }
            var file = Path.Combine(folder, RecordName);
            if (!File.Exists(file)) continue;
            try
            {
                if (JsonSerializer.Deserialize<BatchRecord>(File.ReadAllBytes(file), Json) is { } record && record.Id == name) Index(record);
            }
            catch (Exception ex) when (ex is JsonException or IOException)
            {
                log.Warning("Batch record {File} cannot be read and is ignored: {Error}", file, ex.Message);
            }
        }
    }

    public string Root { get; }

    /// <summary>A batch id: the same characters as a session id, so it is never a path.</summary>
    public static bool IsValidId(string? id) => SessionStore.IsValidSessionId(id);

    public static string NewId(DateTimeOffset now) => $"batch-{now:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";

    public string Folder(string id) => Path.Combine(Root, id);

    /// <summary>A new empty folder for a post to unpack into; <see cref="Commit"/> makes it a batch's input, or the caller deletes it.</summary>
    public string NewStagingFolder()
    {
        var folder = Path.Combine(Root, StagingPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Moves a staging folder into place as batch <paramref name="id"/>'s input and returns the new path.</summary>
    public string Commit(string staging, string id)
    {
        var folder = Folder(id);
        Directory.CreateDirectory(folder);
        var input = Path.Combine(folder, InputFolderName);
        Directory.Move(staging, input);
        return input;
    }

    public BatchRecord? Find(string id) => _byId.GetValueOrDefault(id);

    public void Save(BatchRecord record)
    {
        lock (_gate)
        {
            var folder = Folder(record.Id);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, RecordName);
            var temporary = path + ".tmp";
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(JsonSerializer.SerializeToUtf8Bytes(record, Json));
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
            Index(record);
        }
    }

    /// <summary>Records how a session ended in every batch that holds it; returns the batches changed.</summary>
    public IReadOnlyList<BatchRecord> RecordResult(string sessionId, BatchEntryResult result)
    {
        if (!_bySession.TryGetValue(sessionId, out var ids)) return [];
        var changed = new List<BatchRecord>();
        lock (_gate)
        {
            foreach (var id in ids)
            {
                if (Find(id) is not { } record) continue;
                var updated = record with
                {
                    // A reused session's row keeps saying it was reused: this batch ran nothing for it.
                    Manuscripts = record.Manuscripts.Select(m => m.SessionId == sessionId && !m.Reused ? m with { Result = result } : m).ToArray(),
                };
                Save(updated);
                changed.Add(updated);
            }
        }
        return changed;
    }

    /// <summary>Deletes a batch folder left by a post that failed half-way.</summary>
    public static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Costs disk only: a staging folder is never read, and the next start deletes it.
        }
    }

    private void Index(BatchRecord record)
    {
        _byId[record.Id] = record;
        foreach (var session in record.Manuscripts.Select(m => m.SessionId).Distinct(StringComparer.Ordinal))
            _bySession.AddOrUpdate(session, [record.Id], (_, ids) => ids.Contains(record.Id) ? ids : [.. ids, record.Id]);
    }
}
