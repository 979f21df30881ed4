using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Orchestrator.Manuscripts.Reports;

/// <summary>The one set of JSON options reports are written and read with.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Evidence quotes are prose: keep ’ “ ” readable instead of \u2019.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Enums as camelCase names: one generic converter per enum a report holds (the non-generic converter makes them
        // at run time, which native AOT cannot). A test checks that none is missing.
        Converters = { new JsonStringEnumConverter<Engine.Findings.Severity>(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // The JIT build falls back on reflection for a type the generated context does not list; the native build of
        // the command, which cannot, has only the context (a report's types are all in it).
        TypeInfoResolver = JsonSerializer.IsReflectionEnabledByDefault
            ? JsonTypeInfoResolver.Combine(ReportJsonContext.Default, new DefaultJsonTypeInfoResolver())
            : ReportJsonContext.Default,
    };

    /// <summary>The metadata of a report under <see cref="Options"/>: generated, never reflected.</summary>
    public static JsonTypeInfo<AnalysisReport> Report => ReportInfo.Value;

    // Made on first use and kept: a verb that only borrows the options (check --format json) never builds it.
    private static class ReportInfo
    {
        public static readonly JsonTypeInfo<AnalysisReport> Value = (JsonTypeInfo<AnalysisReport>)Options.GetTypeInfo(typeof(AnalysisReport));
    }
}
