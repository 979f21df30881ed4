using System.Text;
using System.Text.Json;

namespace Orchestrator.Server.Events;

/// <summary>
/// Reads a session's events.jsonl from where it last stopped: only whole lines (a line being written is left for
/// the next read), each with its 1-based line number and its event kind in lower case.
/// </summary>
public sealed class EventLogTail(string path)
{
    private long _offset;
    private long _lineNumber;

    public IReadOnlyList<(long Number, string Line, string Kind)> ReadNew()
    {
        if (!File.Exists(path)) return [];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length <= _offset) return [];
        stream.Seek(_offset, SeekOrigin.Begin);
        var bytes = new byte[stream.Length - _offset];
        stream.ReadExactly(bytes);
        var lines = new List<(long, string, string)>();
        var start = 0;
        int end;
        while ((end = Array.IndexOf(bytes, (byte)'\n', start)) >= 0)
        {
            var line = Encoding.UTF8.GetString(bytes, start, end - start).TrimEnd('\r');
            start = end + 1;
            if (line.Length == 0) continue;
            _lineNumber++;
            lines.Add((_lineNumber, line, KindOf(line)));
        }
        _offset += start;
        return lines;
    }

    private static string KindOf(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String
                ? kind.GetString()!.ToLowerInvariant()
                : "event";
        }
        catch (JsonException)
        {
            // A torn line from a crash: still numbered (ids stay stable), sent as what it is.
            return "unreadable";
        }
    }
}
