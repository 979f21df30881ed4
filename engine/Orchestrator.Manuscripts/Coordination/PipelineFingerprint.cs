using System.Text;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Scripting;
using Orchestrator.Engine.State;

namespace Orchestrator.Manuscripts.Coordination;

/// <summary>
/// The hash a session records of what drives it: the pipeline file's bytes and the text hash of each rule, so a
/// resume notices any edit to either. A pipeline built in memory hashes its nodes, types, options and settings instead.
/// </summary>
public static class PipelineFingerprint
{
    public static string Of(PipelineDefinition pipeline, PipelineRules rules)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(rules);
        var definition = pipeline.SourcePath is { } path && File.Exists(path)
            ? File.ReadAllBytes(path)
            : Encoding.UTF8.GetBytes(Describe(pipeline));
        return ContentHash.OfParts(
            definition,
            Encoding.UTF8.GetBytes(rules.Select?.Hash ?? "-"),
            Encoding.UTF8.GetBytes(rules.Stop?.Hash ?? "-"));
    }

    /// <summary>
    /// <paramref name="pipelineHash"/> with what the nodes read besides the manuscript and their options (their
    /// <see cref="Engine.Nodes.WorkflowNode.InputStamp"/>s: a reference library's version, a model file's hash), so a
    /// finished session is reused, and an interrupted one resumed, only while those are unchanged. A pipeline whose
    /// nodes read nothing else keeps its hash as it was.
    /// </summary>
    public static string WithStamps(string pipelineHash, IEnumerable<string> stamps)
    {
        ArgumentNullException.ThrowIfNull(stamps);
        var parts = stamps.Where(s => s.Length > 0).Select(Encoding.UTF8.GetBytes).ToList();
        if (parts.Count == 0) return pipelineHash;
        parts.Insert(0, Encoding.UTF8.GetBytes(pipelineHash));
        return ContentHash.OfParts(parts.ToArray());
    }

    private static string Describe(PipelineDefinition pipeline)
    {
        var text = new StringBuilder().Append(pipeline.Name).Append('|').Append(pipeline.Version).Append('|').Append(pipeline.Settings).Append('|');
        foreach (var node in pipeline.Nodes)
            text.Append(node.Id).Append(':').Append(node.Type).Append(':').Append(string.Join(',', node.DependsOn))
                .Append(':').Append(node.Weight).Append(':').Append(node.Options.RawText).Append(';');
        return text.Append(pipeline.Rules?.Select).Append('|').Append(pipeline.Rules?.Stop).ToString();
    }
}
