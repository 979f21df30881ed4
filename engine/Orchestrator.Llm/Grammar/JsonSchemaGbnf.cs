using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Orchestrator.Llm.Grammar;

/// <summary>
/// Turns a JSON schema into a llama.cpp GBNF grammar whose every sentence is a compact JSON value valid against the
/// schema, so even a tiny model returns JSON that parses. Covers what output schemas use: <c>object</c> (every
/// declared property, in order), <c>array</c> (<c>items</c>, <c>minItems</c>, <c>maxItems</c>), <c>string</c>
/// (<c>minLength</c>, <c>maxLength</c>, <c>enum</c>, <c>const</c>), <c>integer</c>, <c>number</c> (a range within
/// [0, 1] is honoured), <c>boolean</c>, <c>null</c> and type unions.
/// </summary>
/// <remarks>
/// Strings and arrays are bounded (<see cref="DefaultMaxLength"/> characters, <see cref="DefaultMaxItems"/> items
/// unless the schema says otherwise) and no whitespace is allowed between tokens: an unbounded grammar lets a small
/// model ramble until <c>maxTokens</c> cuts the JSON short.
/// </remarks>
public static class JsonSchemaGbnf
{
    public const int DefaultMaxLength = 80;
    public const int DefaultMaxItems = 4;

    /// <summary>Any JSON object (the grammar for <c>output: json</c> without a schema).</summary>
    public static string AnyObject { get; } = From(JsonDocument.Parse("""{"type":"object","additionalProperties":true}""").RootElement);

    /// <exception cref="NotSupportedException">The schema uses something this converter cannot express (the message says what).</exception>
    public static string From(JsonElement schema)
    {
        var builder = new Builder();
        var root = builder.Rule(schema, "$");
        return builder.Render(root);
    }

    private sealed class Builder
    {
        private readonly StringBuilder _rules = new();
        private int _next;

        public string Render(string root) =>
            $"root ::= {root}\n{_rules}" +
            "char ::= [^\"\\\\\\x00-\\x1F\\x7F] | \"\\\\\" [\"\\\\/bfnrt]\n" +
            "integer ::= \"-\"? ([0-9] | [1-9] [0-9]{1,9})\n" +
            "number ::= integer (\".\" [0-9]{1,6})?\n" +
            "boolean ::= \"true\" | \"false\"\n" +
            $"string ::= \"\\\"\" char{{0,{DefaultMaxLength}}} \"\\\"\"\n" +
            $"value ::= string | number | boolean | \"null\"\n" +
            $"anyobject ::= \"{{\" (string \":\" value (\",\" string \":\" value){{0,{DefaultMaxItems - 1}}})? \"}}\"\n";

        public string Rule(JsonElement schema, string path)
        {
            if (schema.ValueKind == JsonValueKind.True) return "value";
            if (schema.ValueKind != JsonValueKind.Object) throw new NotSupportedException($"{path}: a schema must be an object");
            if (schema.TryGetProperty("$ref", out _)) throw new NotSupportedException($"{path}: $ref is not supported in an output schema; write the schema inline");
            if (schema.TryGetProperty("const", out var constant)) return Literal(constant);
            if (schema.TryGetProperty("enum", out var values))
                return Define(string.Join(" | ", values.EnumerateArray().Select(Literal)));
            if (schema.TryGetProperty("anyOf", out var anyOf) || schema.TryGetProperty("oneOf", out anyOf))
                return Define(string.Join(" | ", anyOf.EnumerateArray().Select((s, i) => Rule(s, $"{path}/anyOf/{i}"))));
            if (!schema.TryGetProperty("type", out var type)) return "value";
            if (type.ValueKind == JsonValueKind.Array)
                return Define(string.Join(" | ", type.EnumerateArray().Select(t => Typed(t.GetString() ?? "", schema, path))));
            return Typed(type.GetString() ?? "", schema, path);
        }

        private string Typed(string type, JsonElement schema, string path) => type switch
        {
            "object" => Object(schema, path),
            "array" => Array(schema, path),
            "string" => String(schema),
            "integer" => "integer",
            "number" => Number(schema),
            "boolean" => "boolean",
            "null" => "\"null\"",
            _ => throw new NotSupportedException($"{path}: type '{type}' is not a JSON schema type"),
        };

        private string Object(JsonElement schema, string path)
        {
            if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
                return "anyobject";
            var parts = new List<string>();
            foreach (var property in properties.EnumerateObject())
                parts.Add($"{Quote("\"" + Escape(property.Name) + "\":")} {Rule(property.Value, $"{path}/{property.Name}")}");
            return parts.Count == 0 ? "\"{}\"" : Define($"\"{{\" {string.Join(" \",\" ", parts)} \"}}\"");
        }

        private string Array(JsonElement schema, string path)
        {
            var item = schema.TryGetProperty("items", out var items) ? Rule(items, $"{path}/items") : "value";
            var min = Int(schema, "minItems", 0);
            var max = Math.Max(Int(schema, "maxItems", Math.Max(DefaultMaxItems, min)), min);
            if (max == 0) return "\"[]\"";
            var rest = $"(\",\" {item}){{{Math.Max(min - 1, 0)},{max - 1}}}";
            var body = min == 0 ? $"({item} {rest})?" : $"{item} {rest}";
            return Define($"\"[\" {body} \"]\"");
        }

        private string String(JsonElement schema)
        {
            var min = Int(schema, "minLength", 0);
            var max = Math.Max(Int(schema, "maxLength", DefaultMaxLength), min);
            return min == 0 && max == DefaultMaxLength ? "string" : Define($"\"\\\"\" char{{{min},{max}}} \"\\\"\"");
        }

        private string Number(JsonElement schema)
        {
            var min = schema.TryGetProperty("minimum", out var lo) && lo.ValueKind == JsonValueKind.Number ? lo.GetDouble() : double.NegativeInfinity;
            var max = schema.TryGetProperty("maximum", out var hi) && hi.ValueKind == JsonValueKind.Number ? hi.GetDouble() : double.PositiveInfinity;
            // A share or score: 0, 1, or 0.xxx.
            if (min >= 0 && max <= 1) return Define("\"0\" (\".\" [0-9]{1,4})? | \"1\" (\".\" \"0\"{1,4})?");
            return "number";
        }

        private string Define(string body)
        {
            var name = $"r{_next++}";
            _rules.Append(name).Append(" ::= ").Append(body).Append('\n');
            return name;
        }

        private static int Int(JsonElement schema, string name, int fallback) =>
            schema.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) && i >= 0 ? i : fallback;

        private static string Literal(JsonElement value) => Quote(value.GetRawText());

        private static string Quote(string text) => "\"" + Escape(text) + "\"";

        private static string Escape(string text)
        {
            var escaped = new StringBuilder(text.Length + 8);
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"': escaped.Append("\\\""); break;
                    case '\\': escaped.Append("\\\\"); break;
                    case '\n': escaped.Append("\\n"); break;
                    case '\r': escaped.Append("\\r"); break;
                    case '\t': escaped.Append("\\t"); break;
                    default:
                        if (c < 0x20) escaped.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
                        else escaped.Append(c);
                        break;
                }
            }
            return escaped.ToString();
        }
    }
}
