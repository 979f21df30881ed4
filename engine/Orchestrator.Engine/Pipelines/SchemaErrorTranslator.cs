using System.Globalization;
using System.Text.Json;

namespace Orchestrator.Engine.Pipelines;

/// <summary>
/// Words JSON Schema errors for a pipeline author: "missing required property 'id'" rather than
/// "Required properties [\"id\"] are not present", and the allowed names for an unknown property.
/// Keywords it does not know keep the validator's message.
/// </summary>
internal static class SchemaErrorTranslator
{
    public static IEnumerable<PipelineProblem> Translate(SchemaError error, JsonElement document, JsonElement schema)
    {
        var path = JsonPath.FromPointer(error.InstancePointer, document);
        JsonPath.TryResolvePointer(error.InstancePointer, document, out var value);
        JsonPath.TryResolvePointer(error.SchemaPointer, schema, out var subschema);

        if (IsUnknownProperty(error))
        {
            yield return new PipelineProblem(path, UnknownProperty(error, schema));
            yield break;
        }

        switch (error.Keyword)
        {
            case "required" when value.ValueKind == JsonValueKind.Object && TryGet(subschema, "required", JsonValueKind.Array, out var required):
                foreach (var name in required.EnumerateArray())
                    if (name.ValueKind == JsonValueKind.String && !value.TryGetProperty(name.GetString()!, out _))
                        yield return new PipelineProblem(path, $"missing required property '{name.GetString()}'");
                yield break;
            case "type" when TryGet(subschema, "type", out var expected):
                yield return new PipelineProblem(path, $"must be {Expected(expected)}, not {KindOf(value)}");
                yield break;
            case "pattern" when value.ValueKind == JsonValueKind.String && TryGet(subschema, "pattern", JsonValueKind.String, out var pattern):
                yield return new PipelineProblem(path, $"'{value.GetString()}' does not match the pattern {pattern.GetString()}");
                yield break;
            case "minimum" when TryGet(subschema, "minimum", JsonValueKind.Number, out var minimum):
                yield return new PipelineProblem(path, $"must be at least {minimum.GetRawText()} (got {value.GetRawText()})");
                yield break;
            case "maximum" when TryGet(subschema, "maximum", JsonValueKind.Number, out var maximum):
                yield return new PipelineProblem(path, $"must be at most {maximum.GetRawText()} (got {value.GetRawText()})");
                yield break;
            case "minItems" when TryGet(subschema, "minItems", JsonValueKind.Number, out var minItems):
                yield return new PipelineProblem(path, minItems.GetInt32() == 1
                    ? "must not be empty"
                    : $"must have at least {minItems.GetRawText()} items");
                yield break;
            case "minLength" when TryGet(subschema, "minLength", JsonValueKind.Number, out var minLength):
                yield return new PipelineProblem(path, minLength.GetInt32() == 1
                    ? "must not be empty"
                    : $"must be at least {minLength.GetRawText()} characters long");
                yield break;
            case "maxLength" when TryGet(subschema, "maxLength", JsonValueKind.Number, out var maxLength):
                yield return new PipelineProblem(path, $"must be at most {maxLength.GetRawText()} characters long");
                yield break;
            case "uniqueItems" when value.ValueKind == JsonValueKind.Array:
                foreach (var duplicate in Duplicates(value))
                    yield return new PipelineProblem(path, $"{duplicate} is listed more than once");
                yield break;
            default:
                yield return new PipelineProblem(path, error.Message);
                yield break;
        }
    }

    private static bool IsUnknownProperty(SchemaError error) =>
        error.EvaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal) && error.InstancePointer.Length > 0;

    private static string UnknownProperty(SchemaError error, JsonElement schema)
    {
        var name = error.InstancePointer[(error.InstancePointer.LastIndexOf('/') + 1)..]
            .Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        var cut = error.SchemaPointer.LastIndexOf("/additionalProperties", StringComparison.Ordinal);
        var owner = cut >= 0 ? error.SchemaPointer[..cut] : error.SchemaPointer;
        if (JsonPath.TryResolvePointer(owner, schema, out var objectSchema)
            && TryGet(objectSchema, "properties", JsonValueKind.Object, out var properties))
        {
            var allowed = properties.EnumerateObject().Select(p => p.Name).ToArray();
            var suggestion = NameSuggestion.Closest(name, allowed);
            return suggestion is null
                ? $"unknown property '{name}' (allowed: {string.Join(", ", allowed)})"
                : $"unknown property '{name}', did you mean '{suggestion}'? (allowed: {string.Join(", ", allowed)})";
        }
        return $"unknown property '{name}'";
    }

    private static IEnumerable<string> Duplicates(JsonElement array)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in array.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? $"'{item.GetString()}'" : item.GetRawText();
            if (!seen.Add(text) && reported.Add(text)) yield return text;
        }
    }

    private static string Expected(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array
            ? string.Join(" or ", type.EnumerateArray().Select(t => Article(t.GetString() ?? "?")))
            : Article(type.GetString() ?? "?");

    private static string Article(string type) => type switch
    {
        "object" or "array" or "integer" => $"an {type}",
        "null" => "null",
        _ => $"a {type}",
    };

    private static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => IsWhole(value) ? $"the integer {value.GetRawText()}" : $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static bool IsWhole(JsonElement number) =>
        number.TryGetInt64(out _) || double.TryParse(number.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Math.Floor(d) == d;

    private static bool TryGet(JsonElement schema, string keyword, out JsonElement value)
    {
        value = default;
        return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out value);
    }

    private static bool TryGet(JsonElement schema, string keyword, JsonValueKind kind, out JsonElement value) =>
        TryGet(schema, keyword, out value) && value.ValueKind == kind;
}
