using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Llm.Node;

/// <summary>
/// Joins the outputs of the parts of a split chapter into one: texts one after another (a blank line between), JSON
/// objects property by property (arrays concatenated, the first part's value kept for anything else), so the
/// combined JSON still has the schema's shape.
/// </summary>
public static class OutputCombiner
{
    public static string Combine(IReadOnlyList<string> outputs, bool json)
    {
        if (outputs.Count == 1) return outputs[0];
        if (!json) return string.Join("\n\n", outputs.Select(o => o.Trim()));
        JsonObject? merged = null;
        foreach (var output in outputs)
        {
            if (Parse(output) is not JsonObject part) return outputs[0];
            if (merged is null) { merged = part; continue; }
            foreach (var (name, value) in part.ToArray())
            {
                if (!merged.TryGetPropertyValue(name, out var existing) || existing is null)
                {
                    part.Remove(name);
                    merged[name] = value;
                }
                else if (existing is JsonArray into && value is JsonArray from)
                {
                    foreach (var item in from.ToArray())
                    {
                        from.Remove(item);
                        into.Add(item);
                    }
                }
            }
        }
        return merged?.ToJsonString() ?? outputs[0];
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
