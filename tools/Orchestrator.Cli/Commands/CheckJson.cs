using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Orchestrator.Engine.Findings;
using Orchestrator.Manuscripts.Reports;

namespace Orchestrator.Cli.Commands;

/// <summary>What <c>check --format json</c> prints: the text checked, then each node with its metrics and findings.</summary>
internal sealed record CheckJson(string File, int Words, int Chapters, IReadOnlyList<CheckNodeJson> Nodes)
{
    // The report's options (names, enums, escaping, nulls left out) over serialization code generated at compile time: a
    // cold check neither reflects over these types nor emits accessors for them.
    private static readonly JsonTypeInfo<CheckJson> TypeInfo = (JsonTypeInfo<CheckJson>)
        new JsonSerializerOptions(ReportJson.Options) { TypeInfoResolver = CheckJsonContext.Default }.GetTypeInfo(typeof(CheckJson));

    public string ToJson() => JsonSerializer.Serialize(this, TypeInfo);
}

internal sealed record CheckNodeJson(
    string Id, string Status, double? Score, string? Summary, string? Error, IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<CheckFindingJson> Findings);

/// <summary>A finding with its place both as an offset into the text and as a line and column.</summary>
internal sealed record CheckFindingJson(
    string Rule, Severity Severity, string Message, string? Suggestion, string? Evidence, bool Strength, double Confidence,
    int? Offset, int? Length, int? Line, int? Column, int? Chapter, int? Paragraph);

[JsonSerializable(typeof(CheckJson))]
internal sealed partial class CheckJsonContext : JsonSerializerContext;
