using MessagePack;
using MessagePack.Formatters;

namespace Orchestrator.Engine.State.Snapshots;

/// <summary>
/// The MessagePack encoding of the state (<see cref="SessionStateFormatter"/> and the formatters of the records it holds),
/// and the shapes they share, each written as MessagePack's own formatters write it: a null as nil, a list as an array
/// (read back into an array), a nullable number as nil or the number.
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

    public static void WriteList<T>(ref MessagePackWriter writer, IReadOnlyList<T>? list, IMessagePackFormatter<T> formatter, MessagePackSerializerOptions options)
    {
        if (list is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(list.Count);
        foreach (var item in list) formatter.Serialize(ref writer, item, options);
    }

    public static T[]? ReadList<T>(ref MessagePackReader reader, IMessagePackFormatter<T> formatter, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil()) return null;
        var count = reader.ReadArrayHeader();
        options.Security.DepthStep(ref reader);
        var items = new T[count];
        for (var i = 0; i < count; i++) items[i] = formatter.Deserialize(ref reader, options);
        reader.Depth--;
        return items;
    }

    public static void WriteStrings(ref MessagePackWriter writer, IReadOnlyList<string>? list)
    {
        if (list is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(list.Count);
        foreach (var item in list) writer.Write(item);
    }

    public static string[]? ReadStrings(ref MessagePackReader reader)
    {
        if (reader.TryReadNil()) return null;
        var items = new string[reader.ReadArrayHeader()];
        for (var i = 0; i < items.Length; i++) items[i] = reader.ReadString()!;
        return items;
    }

    public static void WriteDoubles(ref MessagePackWriter writer, IReadOnlyList<double>? list)
    {
        if (list is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(list.Count);
        foreach (var item in list) writer.Write(item);
    }

    public static double[]? ReadDoubles(ref MessagePackReader reader)
    {
        if (reader.TryReadNil()) return null;
        var items = new double[reader.ReadArrayHeader()];
        for (var i = 0; i < items.Length; i++) items[i] = reader.ReadDouble();
        return items;
    }

    public static void WriteNullable(ref MessagePackWriter writer, int? value)
    {
        if (value is { } v) writer.Write(v);
        else writer.WriteNil();
    }

    public static void WriteNullable(ref MessagePackWriter writer, double? value)
    {
        if (value is { } v) writer.Write(v);
        else writer.WriteNil();
    }

    public static double? ReadNullableDouble(ref MessagePackReader reader) => reader.TryReadNil() ? null : reader.ReadDouble();

    private sealed class NoResolver : IFormatterResolver
    {
        public static readonly NoResolver Instance = new();

        public IMessagePackFormatter<T>? GetFormatter<T>() => null;
    }
}
