using System.Collections.Concurrent;
using System.Text.Json;
using Orchestrator.Engine.State;
using Orchestrator.Server.Uploads;

namespace Orchestrator.Server.Sessions;

/// <summary>
/// The server's submissions, one JSON file each under <c>&lt;data&gt;/server/submissions/</c> (written atomically),
/// with the uploads they point to under <c>&lt;data&gt;/server/uploads/&lt;hash&gt;/</c>. Read once at start; lookups by
/// id, by content key and by idempotency key are dictionary lookups after that.
/// </summary>
public sealed class SubmissionStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly ConcurrentDictionary<string, Submission> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _byContent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _byIdempotencyKey = new(StringComparer.Ordinal);
    private readonly string _records;
    private readonly string _uploads;

    public SubmissionStore(string dataDirectory, Serilog.ILogger log)
    {
        _records = Path.Combine(dataDirectory, "server", "submissions");
        _uploads = Path.Combine(dataDirectory, "server", "uploads");
        if (!Directory.Exists(_records)) return;
        foreach (var file in Directory.EnumerateFiles(_records, "*.json"))
        {
            try
            {
                var submission = JsonSerializer.Deserialize<Submission>(File.ReadAllBytes(file), Json);
                if (submission is not null && SessionStore.IsValidSessionId(submission.Id)) Index(submission);
            }
            catch (Exception ex) when (ex is JsonException or IOException)
            {
                log.Warning("Submission record {File} cannot be read and is ignored: {Error}", file, ex.Message);
            }
        }
    }

    public IReadOnlyList<Submission> All() => _byId.Values.ToArray();

    public Submission? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// A new session id no submission has and <paramref name="taken"/> does not name: ids are unique per second only by
    /// a 4-hex suffix, and posts (a batch's most of all) make many in one second.
    /// </summary>
    public string NewId(string pipeline, Func<string, bool> taken)
    {
        while (true)
        {
            var id = Engine.Sessions.SessionId.New(pipeline, DateTimeOffset.UtcNow);
            if (Find(id) is null && !taken(id)) return id;
        }
    }

    public Submission? FindByContent(string contentKey) =>
        _byContent.TryGetValue(contentKey, out var id) ? Find(id) : null;

    public Submission? FindByIdempotencyKey(string key) =>
        _byIdempotencyKey.TryGetValue(key, out var id) ? Find(id) : null;

    /// <summary>Where <see cref="SaveUpload"/> keeps the upload.</summary>
    public string UploadPathOf(Upload upload, string contentHash) => Path.Combine(_uploads, contentHash, upload.FileName);

    /// <summary>Stores the upload (once per content) and returns its path.</summary>
    public string SaveUpload(Upload upload, string contentHash)
    {
        var path = UploadPathOf(upload, contentHash);
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WriteAtomically(path, upload.Bytes);
        return path;
    }

    public void Save(Submission submission)
    {
        Directory.CreateDirectory(_records);
        WriteAtomically(RecordPath(submission.Id), JsonSerializer.SerializeToUtf8Bytes(submission, Json));
        Index(submission);
    }

    /// <summary>Forgets the submission, and its upload when no other submission uses it.</summary>
    public void Delete(Submission submission)
    {
        File.Delete(RecordPath(submission.Id));
        _byId.TryRemove(submission.Id, out _);
        _byContent.TryRemove(new KeyValuePair<string, string>(submission.ContentKey, submission.Id));
        if (submission.IdempotencyKey is { } key) _byIdempotencyKey.TryRemove(new KeyValuePair<string, string>(key, submission.Id));
        if (_byId.Values.Any(s => s.UploadPath == submission.UploadPath)) return;
        try
        {
            var folder = Path.GetDirectoryName(submission.UploadPath)!;
            if (folder.StartsWith(_uploads, StringComparison.Ordinal) && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover upload costs disk only; the record is gone, so nothing refers to it.
        }
    }

    // Temporary file then rename: a crash leaves the old record or the new one, never half of one.
    private static void WriteAtomically(string path, byte[] content)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private string RecordPath(string id) => Path.Combine(_records, id + ".json");

    private void Index(Submission submission)
    {
        _byId[submission.Id] = submission;
        // The newest submission of a content key wins, so a re-post after a delete finds the live one.
        _byContent.AddOrUpdate(submission.ContentKey, submission.Id,
            (_, existing) => _byId.TryGetValue(existing, out var old) && old.PostedAt > submission.PostedAt ? existing : submission.Id);
        if (submission.IdempotencyKey is { } key) _byIdempotencyKey[key] = submission.Id;
    }
}
