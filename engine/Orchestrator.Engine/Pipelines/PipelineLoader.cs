using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Orchestrator.Engine.Nodes;

namespace Orchestrator.Engine.Pipelines;

/// <summary>
/// Reads a pipeline file: checks it against pipeline.schema.json and the semantic rules (unique ids,
/// known types, existing dependencies, no cycles, durations, ranges) BEFORE building the model, and
/// reports every problem at once in a <see cref="PipelineValidationException"/>.
/// </summary>
/// <remarks>
/// Comments and trailing commas are tolerated, so pipelines can be annotated; a property written
/// twice in the same object is an error. Problems come in document order. Where the schema and a
/// semantic check flag the same value, the semantic message (which says the allowed range or form)
/// is kept.
/// </remarks>
public static class PipelineLoader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        AllowDuplicateProperties = false,
    };

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="PipelineValidationException">The file is not a valid pipeline; the message lists every problem.</exception>
    public static PipelineDefinition Load(string path, NodeRegistry registry)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"pipeline file '{path}' does not exist", path);
        return Parse(ReadUtf8(path), registry, path);
    }

    /// <summary>
    /// The file's text; a pipeline file is JSON, which is UTF-8 (a BOM is allowed). Any other bytes are one problem naming
    /// where they start, rather than replacement characters that would fail some later check with a misleading message.
    /// </summary>
    private static string ReadUtf8(string path)
    {
        ReadOnlySpan<byte> bytes = File.ReadAllBytes(path);
        var bom = bytes.StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        bytes = bytes[bom..];
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
            throw new PipelineValidationException(path,
                [new PipelineProblem("$", $"the file is not UTF-8 text (an invalid byte 0x{bytes[read]:X2} at offset {bom + read}); save it as UTF-8")]);
        return new string(chars, 0, written);
    }

    /// <param name="sourcePath">The file the text came from, for messages and <see cref="PipelineDefinition.SourcePath"/>.</param>
    /// <exception cref="PipelineValidationException">The text is not a valid pipeline; the message lists every problem.</exception>
    public static PipelineDefinition Parse(string json, NodeRegistry registry, string? sourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(registry);
        var problems = Check(json, registry, out var document);
        using (document)
        {
            if (problems.Count > 0 || document is null)
                throw new PipelineValidationException(sourcePath, problems);
            return PipelineDefinitionReader.Read(document.RootElement, sourcePath is null ? null : Path.GetFullPath(sourcePath));
        }
    }

    /// <summary>Every problem of a pipeline text, in document order; empty when it is valid.</summary>
    public static IReadOnlyList<PipelineProblem> Validate(string json, NodeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(registry);
        var problems = Check(json, registry, out var document);
        document?.Dispose();
        return problems;
    }

    private static List<PipelineProblem> Check(string json, NodeRegistry registry, out JsonDocument? document)
    {
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            document = null;
            return [SyntaxProblem(e)];
        }

        var root = document.RootElement;
        var schemaProblems = PipelineSchema.Validate(root);
        var semanticProblems = PipelineSemanticValidator.Validate(root, registry);

        var semanticPaths = semanticProblems.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        var all = schemaProblems.Where(p => !semanticPaths.Contains(p.Path)).Concat(semanticProblems).ToList();
        if (all.Count < 2) return all;

        var order = DocumentOrder(root);
        return all
            .Select((problem, sequence) => (problem, sequence))
            .OrderBy(x => order.TryGetValue(x.problem.Path, out var position) ? position : int.MaxValue)
            .ThenBy(x => x.sequence)
            .Select(x => x.problem)
            .ToList();
    }

    private static PipelineProblem SyntaxProblem(JsonException e)
    {
        var line = (e.LineNumber ?? 0) + 1;
        var column = (e.BytePositionInLine ?? 0) + 1;
        var message = e.Message;
        var details = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (details < 0) details = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        if (details > 0) message = message[..details];
        return new PipelineProblem(JsonPath.Root, $"invalid JSON at line {line}, column {column}: {message.TrimEnd('.', ' ')}");
    }

    /// <summary>Position of every value's path in a depth-first walk, so problems can be listed top to bottom.</summary>
    private static Dictionary<string, int> DocumentOrder(JsonElement root)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = new Stack<(JsonElement Element, string Path)>();
        pending.Push((root, JsonPath.Root));
        while (pending.Count > 0)
        {
            var (element, path) = pending.Pop();
            order.TryAdd(path, order.Count);
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject().Reverse())
                        pending.Push((property.Value, JsonPath.Property(path, property.Name)));
                    break;
                case JsonValueKind.Array:
                    for (var i = element.GetArrayLength() - 1; i >= 0; i--)
                        pending.Push((element[i], JsonPath.Index(path, i)));
                    break;
            }
        }
        return order;
    }
}
