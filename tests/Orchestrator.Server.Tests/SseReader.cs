using System.Text;

namespace Orchestrator.Server.Tests;

/// <summary>Parses a text/event-stream into its events (comments and retry lines left out).</summary>
internal static class SseReader
{
    /// <param name="seen">Called with each event as it is read (a test acting while the stream is still open).</param>
    public static async Task<IReadOnlyList<(long? Id, string Event, string Data)>> ReadAllAsync(Stream stream, Func<string, bool>? stopAfter = null,
        Action<(long? Id, string Event, string Data)>? seen = null)
    {
        var events = new List<(long?, string, string)>();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        long? id = null;
        string kind = "message";
        var data = new StringBuilder();
        string? line;
        while ((line = await reader.ReadLineAsync()) is not null)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    events.Add((id, kind, data.ToString()));
                    seen?.Invoke(events[^1]);
                    if (stopAfter?.Invoke(kind) == true) break;
                }
                (id, kind) = (null, "message");
                data.Clear();
                continue;
            }
            if (line.StartsWith("id: ", StringComparison.Ordinal)) id = long.Parse(line[4..]);
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) kind = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data.Append(line[6..]);
        }
        return events;
    }
}
