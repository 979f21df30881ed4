using System.Text.Json.Serialization;

namespace Orchestrator.Manuscripts.Reports;

/// <summary>
/// Serialization code for the report generated at compile time, so a cold run writes report.json without reflecting
/// over the report's types or emitting accessors for them. Bound at run time to <see cref="ReportJson.Options"/>, so
/// names, converters and escaping are theirs; other types (the CLI's JSON views) fall back to reflection.
/// </summary>
[JsonSerializable(typeof(AnalysisReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
