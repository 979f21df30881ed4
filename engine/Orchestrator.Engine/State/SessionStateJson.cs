using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Orchestrator.Engine.State;

/// <summary>
/// The JSON form of the state (<c>session.json</c>) and of events: camelCase names, enums as their
/// names, nulls left out, NaN and infinities as strings (a metric may be NaN), text unescaped where JSON
/// allows, indented for people to read.
/// The requirements are embedded as JSON, not as an escaped string.
/// </summary>
public static class SessionStateJson
{
    /// <summary>
    /// Enums as their names, numbers refused: one generic converter per enum the state and its events hold (the
    /// non-generic converter makes them at run time, which native AOT cannot). A test checks that none is missing.
    /// Declared before the options, which read it when they are made.
    /// </summary>
    internal static readonly JsonConverter[] EnumNames =
    [
        new JsonStringEnumConverter<SessionStateStatus>(allowIntegerValues: false),
        new JsonStringEnumConverter<NodeRunStatus>(allowIntegerValues: false),
        new JsonStringEnumConverter<Findings.Severity>(allowIntegerValues: false),
        new JsonStringEnumConverter<Iteration.EscalationKind>(allowIntegerValues: false),
        new JsonStringEnumConverter<SessionEventKind>(allowIntegerValues: false),
    ];

    /// <summary>Indented: <c>session.json</c>, <c>lease.json</c>.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    /// <summary>One line per value: <c>events.jsonl</c>.</summary>
    public static JsonSerializerOptions CompactOptions { get; } = Create(indented: false);

    public static byte[] Serialize(SessionState state) => JsonSerializer.SerializeToUtf8Bytes(state, Info<SessionState>());

    /// <summary>
    /// The metadata of <typeparamref name="T"/> under <see cref="Options"/> (or <see cref="CompactOptions"/>): the calls
    /// that take it read the generated code and never reflect, which is what the native build of the command needs.
    /// </summary>
    internal static JsonTypeInfo<T> Info<T>(bool compact = false) => compact ? CompactInfo<T>.Value : IndentedInfo<T>.Value;

    // Looked up once per type and kept (every event appended and every state saved asks), each form only when used.
    private static class IndentedInfo<T>
    {
        public static readonly JsonTypeInfo<T> Value = (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
    }

    private static class CompactInfo<T>
    {
        public static readonly JsonTypeInfo<T> Value = (JsonTypeInfo<T>)CompactOptions.GetTypeInfo(typeof(T));
    }

    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    /// <summary>The indented JSON of <paramref name="state"/> in this thread's reused buffer; valid until the thread's next use of it.</summary>
    internal static ReadOnlyMemory<byte> SerializePooled(SessionState state)
    {
        var buffer = StateBuffers.Writer();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder });
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, state, Info<SessionState>());
        writer.Flush();
        return buffer.WrittenMemory;
    }

    /// <summary>Decodes a state; throws <see cref="JsonException"/> on malformed JSON or a missing required field. Does not validate.</summary>
    public static SessionState Deserialize(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, Info<SessionState>()) ?? throw new JsonException("the file holds null, not a session state");

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = indented,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            // Text stays readable (quotes, accents, dashes as they are); these files never go into HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            // The JIT build falls back on reflection for a type the generated context does not list; the native build,
            // which cannot, has only the context (every type a session writes is in it).
            TypeInfoResolver = JsonSerializer.IsReflectionEnabledByDefault
                ? JsonTypeInfoResolver.Combine(SessionStateJsonContext.Default, new DefaultJsonTypeInfoResolver())
                : SessionStateJsonContext.Default,
        };
        foreach (var converter in EnumNames) options.Converters.Add(converter);
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>Writes a string that holds JSON as that JSON (not as a quoted string), and reads any JSON value back as its text.</summary>
public sealed class RawJsonTextConverter : JsonConverter<string?>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteRawValue(value);
    }
}
