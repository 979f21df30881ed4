using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Orchestrator.Engine.Pipelines;

/// <summary>
/// JSON paths in the form problems are reported with: <c>$</c>, <c>$.nodes[2].dependsOn[0]</c>,
/// <c>$['odd name']</c> for names that are not plain identifiers.
/// </summary>
internal static partial class JsonPath
{
    public const string Root = "$";

    public static string Property(string parent, string name) =>
        PlainName().IsMatch(name)
            ? $"{parent}.{name}"
            : $"{parent}['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    /// <summary>
    /// Turns a JSON Pointer (<c>/nodes/2/id</c>) into a path, walking <paramref name="root"/> so that a
    /// segment is an index only where the document has an array.
    /// </summary>
    public static string FromPointer(string pointer, JsonElement root)
    {
        if (string.IsNullOrEmpty(pointer)) return Root;
        var path = new StringBuilder(Root);
        var current = root;
        var inDocument = true;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (inDocument && current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index))
            {
                path.Append('[').Append(index).Append(']');
                inDocument = index < current.GetArrayLength();
                if (inDocument) current = current[index];
            }
            else
            {
                path.Append(Property("", segment));
                inDocument = inDocument && current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out current);
            }
        }
        return path.ToString();
    }

    /// <summary>Finds the element a JSON Pointer designates, if the document has it.</summary>
    public static bool TryResolvePointer(string pointer, JsonElement root, out JsonElement element)
    {
        element = root;
        if (string.IsNullOrEmpty(pointer)) return true;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            switch (element.ValueKind)
            {
                case JsonValueKind.Object when element.TryGetProperty(segment, out var child):
                    element = child;
                    break;
                case JsonValueKind.Array when int.TryParse(segment, out var index) && index >= 0 && index < element.GetArrayLength():
                    element = element[index];
                    break;
                default:
                    element = default;
                    return false;
            }
        }
        return true;
    }

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainName();
}
