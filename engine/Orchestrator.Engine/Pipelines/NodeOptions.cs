using System.Text.Json;

namespace Orchestrator.Engine.Pipelines;

/// <summary>
/// The free-form <c>options</c> object of a node, with typed reads. Each node type documents the
/// options it understands; a value of the wrong kind is a pipeline error, not a silent default.
/// </summary>
public sealed class NodeOptions
{
    public static readonly NodeOptions Empty = new(default);

    private readonly JsonElement _root;

    public NodeOptions(JsonElement root) => _root = root.ValueKind == JsonValueKind.Object ? root.Clone() : default;

    public bool IsEmpty => _root.ValueKind != JsonValueKind.Object;

    /// <summary>The options as JSON text (<c>{}</c> when empty): what a node's input hash covers.</summary>
    public string RawText => IsEmpty ? "{}" : _root.GetRawText();

    public IEnumerable<string> Names =>
        IsEmpty ? [] : _root.EnumerateObject().Select(p => p.Name).ToArray();

    public bool TryGet(string name, out JsonElement value)
    {
        value = default;
        return !IsEmpty && _root.TryGetProperty(name, out value);
    }

    public int GetInt(string name, int fallback) =>
        TryGet(name, out var v) ? (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : throw Wrong(name, "an integer")) : fallback;

    public double GetDouble(string name, double fallback) =>
        TryGet(name, out var v) ? (v.ValueKind == JsonValueKind.Number ? v.GetDouble() : throw Wrong(name, "a number")) : fallback;

    public bool GetBool(string name, bool fallback) =>
        TryGet(name, out var v)
            ? v.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => throw Wrong(name, "true or false") }
            : fallback;

    public string GetString(string name, string fallback) =>
        TryGet(name, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString()! : throw Wrong(name, "a string")) : fallback;

    public IReadOnlyList<string> GetStrings(string name, IReadOnlyList<string> fallback)
    {
        if (!TryGet(name, out var v)) return fallback;
        if (v.ValueKind != JsonValueKind.Array) throw Wrong(name, "an array of strings");
        var list = new List<string>(v.GetArrayLength());
        foreach (var item in v.EnumerateArray())
            list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Wrong(name, "an array of strings"));
        return list;
    }

    public override string ToString() => IsEmpty ? "{}" : _root.GetRawText();

    private static InvalidOperationException Wrong(string name, string expected) =>
        new($"option '{name}' must be {expected}");
}
