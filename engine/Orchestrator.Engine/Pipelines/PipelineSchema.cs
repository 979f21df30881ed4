using System.Reflection;
using System.Text.Json;
using Json.Schema;

namespace Orchestrator.Engine.Pipelines;

/// <summary>
/// The contract of a pipeline file, <c>pipeline.schema.json</c>, embedded in the engine so that
/// validation works wherever the engine is. The schema is built once and shared.
/// </summary>
public static class PipelineSchema
{
    public const string ResourceName = "pipeline.schema.json";

    private static readonly Lazy<Compiled> Instance = new(Compile, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The schema's JSON text, e.g. for <c>orchestrator validate --schema</c> or to write next to pipelines.</summary>
    public static string Text => Instance.Value.Text;

    /// <summary>
    /// Checks a pipeline document against the schema and returns every violation, each at the JSON
    /// path of the offending value. Empty when the document conforms.
    /// </summary>
    public static IReadOnlyList<PipelineProblem> Validate(JsonElement document)
    {
        var compiled = Instance.Value;
        var results = compiled.Schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];

        var problems = new List<PipelineProblem>();
        var seen = new HashSet<PipelineProblem>();
        foreach (var result in (results.Details ?? []).Prepend(results))
        {
            if (result.Errors is null) continue;
            var instancePointer = result.InstanceLocation.ToString();
            var schemaPointer = Uri.UnescapeDataString(result.SchemaLocation.Fragment.TrimStart('#'));
            var evaluationPath = result.EvaluationPath.ToString();
            foreach (var (keyword, message) in result.Errors)
            {
                var error = new SchemaError(keyword, message, instancePointer, schemaPointer, evaluationPath);
                foreach (var problem in SchemaErrorTranslator.Translate(error, document, compiled.Document.RootElement))
                    if (seen.Add(problem)) problems.Add(problem);
            }
        }
        return problems;
    }

    private static Compiled Compile()
    {
        var assembly = typeof(PipelineSchema).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"resource '{ResourceName}' is missing from {assembly.GetName().Name}; check the EmbeddedResource item of the engine project");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var document = JsonDocument.Parse(text);
        // A registry of its own: building the schema twice (tests, several hosts) must not collide on its $id. The draft is
        // given as a dialect rather than read from "$schema", whose official dialect cannot be changed: it is the same
        // draft with interpreted patterns (InterpretedPatternKeyword).
        var schema = JsonSchema.Build(WithoutDraftMark(document.RootElement),
            new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = InterpretedPatternKeyword.Draft202012 });
        return new Compiled(text, document, schema);
    }

    private const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>The schema without its <c>$schema</c>, which must name the draft the dialect is built on.</summary>
    private static JsonElement WithoutDraftMark(JsonElement schema)
    {
        if (!schema.TryGetProperty("$schema", out var draft) || draft.GetString() != Draft202012)
            throw new InvalidOperationException($"{ResourceName} must declare \"$schema\": \"{Draft202012}\", the draft its validation is built for");
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in schema.EnumerateObject())
                if (property.Name != "$schema") property.WriteTo(writer);
            writer.WriteEndObject();
        }
        using var copy = JsonDocument.Parse(buffer.WrittenMemory);
        return copy.RootElement.Clone();
    }

    private sealed record Compiled(string Text, JsonDocument Document, JsonSchema Schema);
}
