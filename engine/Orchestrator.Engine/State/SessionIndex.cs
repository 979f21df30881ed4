using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Orchestrator.Engine.State;

/// <summary>
/// The file store's index of sessions by <see cref="SessionKey"/>: <c>&lt;sessions&gt;.index/&lt;digest&gt;.jsonl</c> (a
/// sibling of the sessions folder, so the sessions folder holds sessions only), one
/// line per change of a session's key or status, so finding the sessions of a key reads one small file however many
/// sessions the store holds. Kept current by every state the store writes; rebuilt from the sessions' states when it
/// is missing or a line of it is damaged, and the store's warning hook is told so once.
/// </summary>
/// <remarks>
/// The index only narrows the search: a line may be stale (a session deleted since, or resumed under another
/// pipeline hash), so a lookup drops sessions whose folder is gone and the caller checks the state it loads.
/// Appends are single writes of one short line; a torn line left by a kill counts as damage and brings a rebuild.
/// </remarks>
internal sealed class SessionIndex(SessionStore store, Action<string>? warn)
{
    public const string FolderSuffix = ".index";
    private const string BuiltMarker = "built";
    private const string Extension = ".jsonl";

    private readonly string _folder = store.Root + FolderSuffix;
    private readonly Lock _rebuildGate = new();
    private readonly ConcurrentDictionary<string, Noted> _noted = new(StringComparer.Ordinal);
    private volatile bool _built;

    private sealed record Noted(string InputHash, string PipelineHash, string? RequirementsJson, SessionStateStatus Status);

    internal sealed record Line(string Id, SessionStateStatus Status, string Input, DateTimeOffset At);

    public string Folder => _folder;

    /// <summary>Records the state's key and status, unless this process already recorded the same for the session.</summary>
    public void Note(SessionState state, bool flushToDisk)
    {
        if (_noted.TryGetValue(state.SessionId, out var last) && last.Status == state.Status && last.InputHash == state.InputHash
            && last.PipelineHash == state.PipelineHash && last.RequirementsJson == state.RequirementsJson)
            return;
        EnsureBuilt();
        var line = new Line(state.SessionId, state.Status, state.InputPath, state.UpdatedAt);
        AppendLine(SessionKey.Of(state).Digest, line, flushToDisk);
        _noted[state.SessionId] = new Noted(state.InputHash, state.PipelineHash, state.RequirementsJson, state.Status);
    }

    public IReadOnlyList<IndexedSession> Find(SessionKey key)
    {
        EnsureBuilt();
        var lines = TryRead(key.Digest, out var damage);
        if (lines is null)
        {
            Rebuild($"the session index ({_folder}) is damaged ({damage}); rebuilt it from the sessions");
            lines = TryRead(key.Digest, out _) ?? [];
        }
        var latest = new Dictionary<string, Line>(StringComparer.Ordinal);
        foreach (var line in lines) latest[line.Id] = line;
        return latest.Values
            .Where(l => SessionStore.IsValidSessionId(l.Id) && Directory.Exists(Path.Combine(store.Root, l.Id)))
            .OrderByDescending(l => l.At)
            .Select(l => new IndexedSession(l.Id, l.Status, l.Input, l.At))
            .ToArray();
    }

    /// <summary>The latest line of every indexed session whose folder exists (a damaged index is rebuilt first).</summary>
    public IReadOnlyList<IndexedSession> All()
    {
        EnsureBuilt();
        // Removed while this process ran (by hand, or a cleanup): a listing must not show an empty store.
        if (!File.Exists(Path.Combine(_folder, BuiltMarker)))
            Rebuild($"the session index ({_folder}) was missing; rebuilt it from the sessions");
        var latest = new Dictionary<string, Line>(StringComparer.Ordinal);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            latest.Clear();
            string? damage = null;
            var files = Directory.Exists(_folder) ? Directory.GetFiles(_folder, "*" + Extension) : [];
            foreach (var file in files)
            {
                var lines = TryRead(Path.GetFileNameWithoutExtension(file), out damage);
                if (lines is null) break;
                // A session re-keyed (resumed under another pipeline hash) has lines in two files: the newest stands.
                foreach (var line in lines)
                    if (!latest.TryGetValue(line.Id, out var seen) || line.At >= seen.At) latest[line.Id] = line;
            }
            if (damage is null) break;
            Rebuild($"the session index ({_folder}) is damaged ({damage}); rebuilt it from the sessions");
        }
        return latest.Values
            .Where(l => SessionStore.IsValidSessionId(l.Id) && Directory.Exists(Path.Combine(store.Root, l.Id)))
            .Select(l => new IndexedSession(l.Id, l.Status, l.Input, l.At))
            .ToArray();
    }

    private void EnsureBuilt()
    {
        if (_built) return;
        // Sessions that start together all arrive here first: one builds, the others find it built (a second
        // rebuild would delete the folder under the first one's appends).
        lock (_rebuildGate)
        {
            if (_built) return;
            if (File.Exists(Path.Combine(_folder, BuiltMarker)))
            {
                _built = true;
                return;
            }
            // A data folder that has never had sessions needs no rebuild worth mentioning.
            var any = Directory.Exists(store.Root) && Directory.EnumerateDirectories(store.Root).Any(d => SessionStore.IsValidSessionId(Path.GetFileName(d)));
            Rebuild(any ? $"the session index ({_folder}) was missing; rebuilt it from the sessions" : null);
        }
    }

    private void Rebuild(string? why)
    {
        lock (_rebuildGate)
        {
            var building = $"{_folder}-building-{Guid.NewGuid():N}";
            Directory.CreateDirectory(building);
            Directory.CreateDirectory(store.Root);
            var count = 0;
            var byDigest = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
            foreach (var folder in Directory.EnumerateDirectories(store.Root))
            {
                var id = Path.GetFileName(folder);
                if (!SessionStore.IsValidSessionId(id)) continue;
                SessionState state;
                try
                {
                    state = store.LoadState(id).State;
                }
                catch (Exception e) when (e is SessionStateCorruptException or SessionNotFoundException or IOException or UnauthorizedAccessException)
                {
                    continue;
                }
                var digest = SessionKey.Of(state).Digest;
                if (!byDigest.TryGetValue(digest, out var text)) byDigest[digest] = text = new StringBuilder();
                text.Append(JsonSerializer.Serialize(new Line(id, state.Status, state.InputPath, state.UpdatedAt), SessionStateJson.Info<Line>(compact: true))).Append('\n');
                count++;
            }
            foreach (var (digest, text) in byDigest)
                File.WriteAllText(Path.Combine(building, digest + Extension), text.ToString());
            File.WriteAllText(Path.Combine(building, BuiltMarker), "1\n");
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
            try
            {
                Directory.Move(building, _folder);
            }
            catch (IOException)
            {
                // Another process rebuilt it at the same moment: theirs serves as well.
                Directory.Delete(building, recursive: true);
            }
            _noted.Clear();
            _built = true;
            if (why is not null) warn?.Invoke($"{why} ({count} session(s))");
        }
    }

    private void AppendLine(string digest, Line line, bool flushToDisk)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(line, SessionStateJson.Info<Line>(compact: true)) + "\n");
        // Appends wait while a rebuild swaps the folder (Find may rebuild a damaged index at any moment).
        lock (_rebuildGate)
        {
            Directory.CreateDirectory(_folder);
            using var stream = new FileStream(Path.Combine(_folder, digest + Extension), FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            stream.Write(bytes);
            if (flushToDisk) stream.Flush(flushToDisk: true);
        }
    }

    private List<Line>? TryRead(string digest, out string? damage)
    {
        damage = null;
        var path = Path.Combine(_folder, digest + Extension);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (FileNotFoundException)
        {
            return [];
        }
        catch (DirectoryNotFoundException)
        {
            damage = "its folder is gone";
            return null;
        }
        var read = new List<Line>(lines.Length);
        foreach (var text in lines)
        {
            if (text.Length == 0) continue;
            try
            {
                read.Add(JsonSerializer.Deserialize(text, SessionStateJson.Info<Line>(compact: true)) ?? throw new JsonException("null"));
            }
            catch (JsonException)
            {
                damage = $"{Path.GetFileName(path)} has an unreadable line";
                return null;
            }
        }
        return read;
    }
}
