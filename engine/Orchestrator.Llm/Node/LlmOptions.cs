using System.Text.Json;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Llm.Node;

/// <summary>The options of an <c>llm</c> node (see <see cref="LlmNode"/>).</summary>
public sealed record LlmOptions
{
    /// <summary>Tokens generated per prompt when <c>maxTokens</c> is not set.</summary>
    public const int DefaultMaxTokens = 128;

    /// <summary>Library passages retrieved for <c>{{passages}}</c> when <c>passages</c> is not set.</summary>
    public const int DefaultPassages = 3;

    /// <summary>Words of library passages put in a prompt when <c>passageWords</c> is not set: room for the chapter
    /// itself in a small model's context.</summary>
    public const int DefaultPassageWords = 400;

    /// <summary><c>model</c>: a name under <c>llm:models</c>; null for the default model (which <c>--model</c> overrides).</summary>
    public string? Model { get; init; }

    /// <summary><c>prompt</c>: the template, inline or a <c>.txt</c>/<c>.md</c> file relative to the pipeline's folder.</summary>
    public required string Prompt { get; init; }

    public LlmScope Scope { get; init; } = LlmScope.Book;
    public int MaxTokens { get; init; } = DefaultMaxTokens;

    /// <summary>0 (the default) is greedy decoding: the same input always gives the same output.</summary>
    public float Temperature { get; init; }

    /// <summary>Null: the model's configured seed.</summary>
    public uint? Seed { get; init; }

    public IReadOnlyList<string> Stop { get; init; } = [];

    /// <summary><c>passages</c>: how many library passages fill <c>{{passages}}</c> (0: none).</summary>
    public int Passages { get; init; } = DefaultPassages;

    /// <summary><c>passageWords</c>: the most words of passages in one prompt; the last passage kept is cut to fit.</summary>
    public int PassageWords { get; init; } = DefaultPassageWords;

    /// <summary>The JSON schema of the output (raw text) when <c>output</c> is <c>json</c>; null for text.</summary>
    public string? JsonSchema { get; init; }

    public bool Json { get; init; }

    /// <exception cref="InvalidNodeInputException">An option of the wrong kind or out of range.</exception>
    public static LlmOptions From(NodeOptions options)
    {
        if (!options.TryGet("prompt", out _))
            throw new InvalidNodeInputException("option 'prompt' is required: the prompt text, or a template file such as prompts/summary.txt");
        try
        {
            var scope = options.GetString("scope", "book") switch
            {
                "book" => LlmScope.Book,
                "chapter" => LlmScope.Chapter,
                var other => throw new InvalidNodeInputException($"option 'scope' must be 'book' or 'chapter' (got '{other}')"),
            };
            var output = options.GetString("output", "text");
            if (output is not ("text" or "json"))
                throw new InvalidNodeInputException($"option 'output' must be 'text' or 'json' (got '{output}')");
            string? schema = null;
            if (options.TryGet("schema", out var schemaElement))
            {
                if (schemaElement.ValueKind != JsonValueKind.Object) throw new InvalidNodeInputException("option 'schema' must be a JSON schema object");
                if (output != "json") throw new InvalidNodeInputException("option 'schema' needs \"output\": \"json\"");
                schema = schemaElement.GetRawText();
            }
            var maxTokens = options.GetInt("maxTokens", DefaultMaxTokens);
            NodeOptionsReader.Require(maxTokens >= 1, "maxTokens", "an integer >= 1", maxTokens);
            var temperature = options.GetDouble("temperature", 0);
            NodeOptionsReader.Require(temperature is >= 0 and <= 5, "temperature", "a number in [0, 5]", temperature);
            uint? seed = null;
            if (options.TryGet("seed", out var seedElement))
                seed = seedElement.ValueKind == JsonValueKind.Number && seedElement.TryGetUInt32(out var s)
                    ? s : throw new InvalidNodeInputException("option 'seed' must be an integer in [0, 4294967295]");
            var passages = options.GetInt("passages", DefaultPassages);
            NodeOptionsReader.Require(passages is >= 0 and <= 50, "passages", "an integer in [0, 50]", passages);
            var passageWords = options.GetInt("passageWords", DefaultPassageWords);
            NodeOptionsReader.Require(passageWords >= 1, "passageWords", "an integer >= 1", passageWords);
            var model = options.GetString("model", "");
            return new LlmOptions
            {
                Model = model.Length == 0 ? null : model,
                Prompt = options.GetString("prompt", ""),
                Scope = scope,
                MaxTokens = maxTokens,
                Temperature = (float)temperature,
                Seed = seed,
                Stop = options.TryGet("stop", out var stop) && stop.ValueKind == JsonValueKind.String ? [stop.GetString()!] : options.GetStrings("stop", []),
                Passages = passages,
                PassageWords = passageWords,
                Json = output == "json",
                JsonSchema = schema,
            };
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidNodeInputException(e.Message);
        }
    }
}
