using System.Text;
using System.Text.Json;
using Orchestrator.Engine.Dataflow;

namespace Orchestrator.Engine.State;

public enum SessionEventKind
{
    /// <summary>What the engine chose to run next and why.</summary>
    Decision,
    /// <summary>How an action ended.</summary>
    Outcome,
    /// <summary>An iteration started or ended.</summary>
    Iteration,
    /// <summary>The session stopped, and why.</summary>
    Stop,
    /// <summary>The session was resumed (from what).</summary>
    Resume,
    /// <summary>Something the user should know (e.g. a corrupt snapshot was skipped).</summary>
    Warning,
    /// <summary>A new session started.</summary>
    Started,
    /// <summary>A node's attempt started (live only: not in events.jsonl).</summary>
    NodeStarted,
    /// <summary>A node's attempt failed and it will be tried again after a delay (live only).</summary>
    Retrying,
    /// <summary>A checkpoint (snapshot) of the state was handed to the store.</summary>
    Checkpoint,
    /// <summary>Something stopped the session abnormally (a rule that threw, a state that could not be saved).</summary>
    Error,
    /// <summary>Told to a subscriber only: it was too slow and <see cref="SessionEvent.Missed"/> events were dropped for it.</summary>
    Missed,
}

/// <summary>One line of <c>events.jsonl</c>.</summary>
public sealed record SessionEvent
{
    public required DateTimeOffset Time { get; init; }
    public required SessionEventKind Kind { get; init; }
    public required string Session { get; init; }
    public string? Node { get; init; }
    public int? Iteration { get; init; }
    public int? Attempt { get; init; }
    public string? Status { get; init; }
    public string? Details { get; init; }

    /// <summary>
    /// The event's place in its session's log, from 1, in the order of events.jsonl: a client that saw up to N asks
    /// for N + 1 onwards. Live-only events (node started, retrying) carry the number of the last logged event before
    /// them; a log written before sequences existed numbers its lines in order. Null only for <see cref="SessionEventKind.Missed"/>.
    /// </summary>
    public long? Sequence { get; init; }

    /// <summary>Outcome: the node's score when it succeeded.</summary>
    public double? Score { get; init; }

    /// <summary>Outcome: how long the node ran; Retrying: the delay before the next attempt.</summary>
    public double? DurationMs { get; init; }

    /// <summary>Iteration: the overall quality after it, and its change from the iteration before.</summary>
    public double? Quality { get; init; }
    public double? Delta { get; init; }

    /// <summary>Missed: how many events the subscriber lost.</summary>
    public long? Missed { get; init; }

    /// <summary>Whether the event goes to events.jsonl (everything but the live-only kinds).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsLogged => Kind is not (SessionEventKind.NodeStarted or SessionEventKind.Retrying or SessionEventKind.Missed);

    /// <summary>The event recording <paramref name="outcome"/>: status, attempts, and the error as details.</summary>
    public static SessionEvent FromOutcome(ActionOutcome outcome, DateTimeOffset time) => new()
    {
        Time = time,
        Kind = SessionEventKind.Outcome,
        Session = outcome.SessionId,
        Node = outcome.NodeId,
        Iteration = outcome.Iteration,
        Attempt = outcome.Attempts,
        Status = outcome.Status.ToString(),
        Details = outcome.Error is { } e ? $"{e.Type}: {e.Message}" : null,
        Score = outcome.Result?.Score,
        DurationMs = outcome.Duration.TotalMilliseconds,
    };
}

/// <summary>The events read back from <c>events.jsonl</c>, and the lines that were skipped.</summary>
public sealed record EventLogReadResult(IReadOnlyList<SessionEvent> Events, IReadOnlyList<string> Warnings);

/// <summary>
/// An append-only JSON Lines file: one event per line, each append a single write flushed to disk. A crash
/// mid-append leaves a torn last line; the next append first ends it with a newline so the new event starts
/// on a line of its own, and a read skips the torn line (and any other line that does not parse), saying so.
/// </summary>
internal static class EventLog
{
    public static void Append(string path, SessionEvent e, bool flushToDisk) => Append(path, [e], flushToDisk);

    /// <summary>Appends several events in one write and one flush (a burst the journal's writer found queued together).</summary>
    public static void Append(string path, IReadOnlyList<SessionEvent> events, bool flushToDisk)
    {
        using var buffer = new MemoryStream(256 * events.Count);
        using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        if (stream.Length > 0)
        {
            stream.Seek(-1, SeekOrigin.End);
            if (stream.ReadByte() != '\n') buffer.WriteByte((byte)'\n');
        }
        stream.Seek(0, SeekOrigin.End);
        foreach (var e in events)
        {
            buffer.Write(JsonSerializer.SerializeToUtf8Bytes(e, SessionStateJson.Info<SessionEvent>(compact: true)));
            buffer.WriteByte((byte)'\n');
        }
        stream.Write(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        stream.Flush(flushToDisk);
    }

    public static EventLogReadResult Read(string path)
    {
        if (!File.Exists(path)) return new EventLogReadResult([], []);
        var bytes = File.ReadAllBytes(path);
        var events = new List<SessionEvent>();
        var warnings = new List<string>();
        var start = 0;
        var lineNumber = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            var last = end < 0;
            if (last) end = bytes.Length;
            lineNumber++;
            var line = bytes.AsSpan(start, end - start).TrimEnd((byte)'\r');
            start = end + 1;
            if (line.IsEmpty) continue;
            var parsed = TryParse(line);
            if (parsed is not null) events.Add(parsed);
            else if (last) warnings.Add($"{Path.GetFileName(path)}: the last line ({lineNumber}) is incomplete (a write was cut short); skipped");
            else warnings.Add($"{Path.GetFileName(path)}: line {lineNumber} is not a valid event; skipped ({Preview(line)})");
        }
        return new EventLogReadResult(events, warnings);
    }

    private static SessionEvent? TryParse(ReadOnlySpan<byte> line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, SessionStateJson.Info<SessionEvent>(compact: true));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Preview(ReadOnlySpan<byte> line)
    {
        var text = Encoding.UTF8.GetString(line[..Math.Min(line.Length, 60)]);
        return line.Length > 60 ? text + "…" : text;
    }
}
