using System.Buffers;
using System.Text.Json;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Iteration;

/// <summary>What an iteration changes of a node's definition: its timeout, its options. Null keeps the definition's.</summary>
public sealed record NodeOverrides
{
    public TimeSpan? Timeout { get; init; }

    /// <summary>The node's full options for the iteration (already merged over its own).</summary>
    public NodeOptions? Options { get; init; }

    /// <summary>The pipeline with <paramref name="overrides"/> applied to its nodes (what the network of the next iteration runs).</summary>
    /// <exception cref="ArgumentException">An override names a node the pipeline does not have.</exception>
    public static PipelineDefinition ApplyTo(PipelineDefinition pipeline, IReadOnlyDictionary<string, NodeOverrides> overrides)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(overrides);
        if (overrides.Count == 0) return pipeline;
        foreach (var id in overrides.Keys)
            if (pipeline.FindNode(id) is null)
                throw new ArgumentException($"an override names node '{id}', which the pipeline does not have", nameof(overrides));
        var nodes = pipeline.Nodes
            .Select(node => overrides.TryGetValue(node.Id, out var o)
                ? node with { Timeout = o.Timeout ?? node.Timeout, Options = o.Options ?? node.Options }
                : node)
            .ToArray();
        return pipeline with { Nodes = nodes };
    }

    /// <summary>
    /// <paramref name="baseOptions"/> with every option of <paramref name="replacement"/> put in: same
    /// names replaced in place, new names added at the end (a shallow merge).
    /// </summary>
    public static NodeOptions Merge(NodeOptions baseOptions, NodeOptions replacement)
    {
        ArgumentNullException.ThrowIfNull(baseOptions);
        ArgumentNullException.ThrowIfNull(replacement);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var replaced = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in baseOptions.Names)
            {
                JsonElement source;
                if (replacement.TryGet(name, out var newer))
                {
                    replaced.Add(name);
                    source = newer;
                }
                else
                {
                    source = Get(baseOptions, name);
                }
                writer.WritePropertyName(name);
                source.WriteTo(writer);
            }
            foreach (var name in replacement.Names)
            {
                if (replaced.Contains(name)) continue;
                writer.WritePropertyName(name);
                Get(replacement, name).WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return new NodeOptions(document.RootElement);
    }

    private static JsonElement Get(NodeOptions options, string name) =>
        options.TryGet(name, out var value) ? value : throw new InvalidOperationException($"option '{name}' vanished");
}
