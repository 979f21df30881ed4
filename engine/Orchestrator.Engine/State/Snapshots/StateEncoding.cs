using MessagePack;
using MessagePack.Formatters;

namespace Orchestrator.Engine.State.Snapshots;

/// <summary>
/// The MessagePack encoding of the state (<see cref="SessionStateFormatter"/> and the formatters of the records it holds);
/// values MessagePack has a formatter for go through that one, so they are encoded as the dynamic resolver encodes them.
/// </summary>
internal static class StateEncoding
{
    /// <summary>No resolver: the formatters call one another, so nothing is looked up, reflected over or emitted.</summary>
    public static readonly MessagePackSerializerOptions Options = new(NoResolver.Instance);

    public static void Write(System.Buffers.IBufferWriter<byte> buffer, SessionState state)
    {
        var writer = new MessagePackWriter(buffer);
        SessionStateFormatter.Instance.Serialize(ref writer, state, Options);
        writer.Flush();
    }

    public static SessionState? Read(ReadOnlyMemory<byte> payload)
    {
        var reader = new MessagePackReader(payload);
        return SessionStateFormatter.Instance.Deserialize(ref reader, Options);
    }

    /// <summary>Lists of text and of numbers, as the dynamic resolver writes an <c>IReadOnlyList</c> of them.</summary>
    public static readonly ListFormatter<string> Strings = new(NullableStringFormatter.Instance!);
    public static readonly ListFormatter<double> Doubles = new(DoubleFormatter.Instance);

    private sealed class NoResolver : IFormatterResolver
    {
        public static readonly NoResolver Instance = new();

        public IMessagePackFormatter<T>? GetFormatter<T>() => null;
    }
}

/// <summary>A list as the dynamic resolver writes an <c>IReadOnlyList</c>: nil or an array, read back into an array.</summary>
internal sealed class ListFormatter<T>(IMessagePackFormatter<T> item) : IMessagePackFormatter<IReadOnlyList<T>?>
{
    public void Serialize(ref MessagePackWriter writer, IReadOnlyList<T>? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(value.Count);
        foreach (var element in value) item.Serialize(ref writer, element, options);
    }

    public IReadOnlyList<T>? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil()) return null;
        var elements = new T[reader.ReadArrayHeader()];
        options.Security.DepthStep(ref reader);
        for (var i = 0; i < elements.Length; i++) elements[i] = item.Deserialize(ref reader, options);
        reader.Depth--;
        return elements;
    }
}

/// <summary>A map of text keys as the dynamic resolver writes an <c>IReadOnlyDictionary</c>: nil or a map, read back into a <see cref="Dictionary{TKey, TValue}"/>.</summary>
internal sealed class MapFormatter<T>(IMessagePackFormatter<T> value) : IMessagePackFormatter<IReadOnlyDictionary<string, T>?>
{
    public void Serialize(ref MessagePackWriter writer, IReadOnlyDictionary<string, T>? map, MessagePackSerializerOptions options)
    {
        if (map is null) { writer.WriteNil(); return; }
        writer.WriteMapHeader(map.Count);
        foreach (var (key, entry) in map)
        {
            writer.Write(key);
            value.Serialize(ref writer, entry, options);
        }
    }

    public IReadOnlyDictionary<string, T>? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil()) return null;
        var count = reader.ReadMapHeader();
        var map = new Dictionary<string, T>(count);
        options.Security.DepthStep(ref reader);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString()!;
            map.Add(key, value.Deserialize(ref reader, options));
        }
        reader.Depth--;
        return map;
    }
}
