using System.Text.Json;
using Orchestrator.Engine.Findings;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Llm.Node;

/// <summary>
/// Finds where an output quotes the manuscript: quoted spans of a text output (between straight or curly double
/// quotes) and string values of a JSON output, of at least <see cref="MinWords"/> words, looked up verbatim in the
/// chapter (or book) they were generated from. A quote that is not found is not reported: models paraphrase.
/// </summary>
public static class QuoteLocator
{
    /// <summary>Shorter quotes ("he said") would match by chance.</summary>
    public const int MinWords = 4;

    public static IEnumerable<(string Quote, TextLocation Location)> Find(ManuscriptDocument document, TextSpan within, string output, bool json)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in json ? JsonStrings(output) : QuotedSpans(output))
        {
            var quote = candidate.Trim().Trim('.', ',', ';', ':', '!', '?', ' ');
            if (quote.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < MinWords || !seen.Add(quote)) continue;
            var at = document.Text.AsSpan(within.Start, within.Length).IndexOf(quote, StringComparison.Ordinal);
            if (at >= 0) yield return (quote, document.Locator.Locate(within.Start + at, quote.Length));
        }
    }

    private static IEnumerable<string> QuotedSpans(string text)
    {
        var open = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (open < 0 && c is '"' or '\u201C') open = i;
            else if (open >= 0 && c is '"' or '\u201D')
            {
                yield return text[(open + 1)..i];
                open = -1;
            }
        }
    }

    private static IEnumerable<string> JsonStrings(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            yield break;
        }
        using (document)
        {
            var pending = new Stack<JsonElement>();
            pending.Push(document.RootElement);
            while (pending.Count > 0)
            {
                var element = pending.Pop();
                switch (element.ValueKind)
                {
                    case JsonValueKind.String: yield return element.GetString()!; break;
                    case JsonValueKind.Array: foreach (var item in element.EnumerateArray()) pending.Push(item); break;
                    case JsonValueKind.Object: foreach (var property in element.EnumerateObject()) pending.Push(property.Value); break;
                }
            }
        }
    }
}
