using System.Text.Json;

namespace Orchestrator.Engine.Pipelines;

/// <summary>
/// Builds the model from a pipeline document that passed validation. Absent values take the
/// defaults of the model records (which match the schema's defaults); rule texts are kept as written.
/// </summary>
internal static class PipelineDefinitionReader
{
    public static PipelineDefinition Read(JsonElement root, string? sourcePath)
    {
        var settings = new PipelineSettings();
        if (root.TryGetProperty("settings", out var s))
        {
            settings = new PipelineSettings
            {
                MaxIterations = Int(s, "maxIterations") ?? settings.MaxIterations,
                QualityThreshold = Double(s, "qualityThreshold") ?? settings.QualityThreshold,
                MaxConcurrentActions = Int(s, "maxConcurrentActions") ?? settings.MaxConcurrentActions,
                ActionTimeout = Duration(s, "actionTimeout") ?? settings.ActionTimeout,
                EnableRetries = Bool(s, "enableRetries") ?? settings.EnableRetries,
                MaxRetriesPerAction = Int(s, "maxRetriesPerAction") ?? settings.MaxRetriesPerAction,
                RetryBackoff = Duration(s, "retryBackoff") ?? settings.RetryBackoff,
                ActionSpacing = Duration(s, "actionSpacing") ?? settings.ActionSpacing,
                SessionTimeout = Duration(s, "sessionTimeout") ?? settings.SessionTimeout,
                MaxActionFailures = Int(s, "maxActionFailures") ?? settings.MaxActionFailures,
                PlateauEpsilon = Double(s, "plateauEpsilon") ?? settings.PlateauEpsilon,
                PlateauIterations = Int(s, "plateauIterations") ?? settings.PlateauIterations,
                CascadeReruns = Bool(s, "cascadeReruns") ?? settings.CascadeReruns,
                Library = s.TryGetProperty("library", out var library) ? library.GetString() : null,
            };
        }

        var nodes = new List<NodeDefinition>();
        foreach (var n in root.GetProperty("nodes").EnumerateArray())
        {
            var defaults = new NodeDefinition { Id = "", Type = "" };
            nodes.Add(new NodeDefinition
            {
                Id = n.GetProperty("id").GetString()!,
                Type = n.GetProperty("type").GetString()!,
                DependsOn = n.TryGetProperty("dependsOn", out var d) ? d.EnumerateArray().Select(e => e.GetString()!).ToArray() : [],
                Parallelism = Int(n, "parallelism") ?? defaults.Parallelism,
                BoundedCapacity = Int(n, "boundedCapacity"),
                Timeout = Duration(n, "timeout"),
                Retries = Int(n, "retries"),
                Priority = Int(n, "priority") ?? defaults.Priority,
                Weight = Double(n, "weight") ?? defaults.Weight,
                EstimatedDuration = Duration(n, "estimatedDuration"),
                Options = n.TryGetProperty("options", out var o) ? new NodeOptions(o) : NodeOptions.Empty,
            });
        }

        RulesDefinition? rules = null;
        if (root.TryGetProperty("rules", out var r))
        {
            rules = new RulesDefinition
            {
                Select = String(r, "select"),
                Stop = String(r, "stop"),
                Timeout = Duration(r, "timeout") ?? new RulesDefinition().Timeout,
            };
        }

        return new PipelineDefinition
        {
            Name = root.GetProperty("name").GetString()!,
            Version = Int(root, "version") ?? 1,
            Settings = settings,
            Nodes = nodes,
            Rules = rules,
            SourcePath = sourcePath,
        };
    }

    // JSON Schema's "integer" accepts 3.0, so whole numbers written with a fraction are read too.
    private static int? Int(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var v)
            ? v.TryGetInt32(out var i) ? i : checked((int)v.GetDouble())
            : null;

    private static double? Double(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var v) ? v.GetDouble() : null;

    private static bool? Bool(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var v) ? v.GetBoolean() : null;

    private static string? String(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static TimeSpan? Duration(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var v) ? PipelineDuration.Parse(v.GetString()!) : null;
}
